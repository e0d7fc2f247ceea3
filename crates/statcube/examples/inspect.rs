//! `cargo run --release -p statcube --example inspect -- FILE [--json] [--lang LL]`: the same output
//! as `bulyst stats inspect`, for benchmarking the library alone.

fn main() {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut opts = statcube::InspectOptions {
        json: false,
        lang: None,
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => opts.json = true,
            "--lang" => opts.lang = args.next(),
            _ => path = Some(a),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: inspect FILE [--json] [--lang LL]");
        std::process::exit(2);
    };
    match statcube::inspect(std::path::Path::new(&path), &opts) {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
