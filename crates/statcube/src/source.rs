//! Getting the bytes of a statistics file, gzip or not, and telling which format it is.

use std::io::Read;
use std::path::Path;

use crate::error::Error;
use crate::model::Cube;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Px,
    JsonStat,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Px => "px",
            Format::JsonStat => "json-stat2",
        }
    }
}

/// The file's bytes, inflated when they are gzip (told by the magic bytes, not the name).
pub fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    let name = path.display().to_string();
    let raw = std::fs::read(path)
        .map_err(|e| Error::new(format!("cannot read: {e}")).with_file(&name))?;
    gunzip_if_needed(raw).map_err(|e| e.with_file(name))
}

pub fn gunzip_if_needed(raw: Vec<u8>) -> Result<Vec<u8>, Error> {
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(raw);
    }
    // Deflate cannot expand more than about 1032:1, so this bound is what the format allows anyway;
    // it just keeps the first allocation sensible.
    let mut out = Vec::with_capacity(raw.len().saturating_mul(8).min(1 << 30));
    flate2::read::MultiGzDecoder::new(&raw[..])
        .read_to_end(&mut out)
        .map_err(|e| Error::new(format!("cannot inflate gzip data: {e}")))?;
    Ok(out)
}

/// JSON starts with `{`; anything else is taken for PX.
pub fn sniff(bytes: &[u8]) -> Format {
    let first = bytes
        .iter()
        .skip(if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        })
        .find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        Format::JsonStat
    } else {
        Format::Px
    }
}

/// Reads any supported file; JSON-stat collections and bundles give their first dataset.
pub fn read_cube(bytes: &[u8]) -> Result<(Format, Vec<Cube>), Error> {
    match sniff(bytes) {
        Format::Px => Ok((Format::Px, vec![crate::px::read(bytes)?])),
        Format::JsonStat => Ok((Format::JsonStat, crate::jsonstat::read_all(bytes)?)),
    }
}

/// Reads a file from disk; errors name the file.
pub fn open(path: &Path) -> Result<(Format, Vec<Cube>), Error> {
    let bytes = read_file(path)?;
    read_cube(&bytes).map_err(|e| e.with_file(path.display().to_string()))
}
