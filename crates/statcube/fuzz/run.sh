#!/usr/bin/env bash
# Runs each statcube fuzz target for SECONDS (default 60): crates/statcube/fuzz/run.sh [SECONDS]
# Needs a nightly toolchain (libFuzzer's sanitizer flags); installs cargo-fuzz if it is missing.
# Crashes land in fuzz/artifacts/<target>/; turn each into a regression test in tests/statcube/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    echo "statcube fuzz: no nightly Rust toolchain here, so cargo-fuzz cannot run; skipping."
    echo "statcube fuzz: the stable smoke test (tests/statcube/smoke.rs) still runs with cargo test."
    exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "statcube fuzz: installing cargo-fuzz"
    cargo install --locked cargo-fuzz
fi

# Seed the corpora with the real files so the fuzzer starts from valid structure.
data=../tests/data
mkdir -p corpus/px_reader corpus/jsonstat_reader
for f in "$data"/*.px; do
    head -c 65536 "$f" > "corpus/px_reader/$(basename "$f")"
done
cp "$data"/*.json corpus/jsonstat_reader/

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
for target in px_reader jsonstat_reader; do
    echo "statcube fuzz: $target for ${seconds}s"
    cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144
done
echo "statcube fuzz: no crash in ${seconds}s per target"
