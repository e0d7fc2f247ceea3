//! `bulyst stats inspect` and `bulyst stats convert`: statistics files on the
//! command line, with no database; a conversion shows its progress on a terminal.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;

use statcube::{source, Error, InspectOptions, Target};

/// Prints a file's summary.
pub fn inspect(file: &Path, json: bool, lang: Option<String>) -> Result<(), String> {
    let text =
        statcube::inspect(file, &InspectOptions { json, lang }).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}

/// Converts a file, with a progress bar when standard error is a terminal.
pub fn convert_file(file: &Path, to: Target, output: Option<&Path>) -> Result<(), String> {
    let progress = std::io::stderr().is_terminal();
    convert(file, to, output, progress).map_err(|e| e.to_string())
}

/// Counts what passes through, to show progress on a terminal.
struct Progress<W> {
    inner: W,
    bar: Option<indicatif::ProgressBar>,
    written: u64,
}

impl<W: Write> Write for Progress<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        if let Some(bar) = &self.bar {
            bar.set_position(self.written);
        }
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes the file's (first) cube in another format, to `out` or standard output.
fn convert(path: &Path, to: Target, out: Option<&Path>, progress: bool) -> Result<(), Error> {
    let bar = progress.then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message(format!("reading {}", path.display()));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    });
    let (_, cubes) = source::open(path)?;
    let cube = &cubes[0];
    if let Some(bar) = &bar {
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {msg} {bytes} written ({bytes_per_sec})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.set_message(format!("writing {} cells", cube.cells.len()));
    }
    let sink: Box<dyn Write> = match out {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| {
            Error::new(format!("cannot create: {e}")).with_file(p.display().to_string())
        })?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = Progress {
        inner: BufWriter::with_capacity(1 << 16, sink),
        bar,
        written: 0,
    };
    let result = statcube::write(cube, to, &mut w).and_then(|()| w.flush().map_err(Error::from));
    if let Some(bar) = &w.bar {
        bar.finish_and_clear();
    }
    result.map_err(|e| {
        e.with_file(out.map_or("standard output".to_string(), |p| p.display().to_string()))
    })
}
