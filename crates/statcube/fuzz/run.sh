#!/usr/bin/env bash
# Runs each statcube fuzz target for at most SECONDS (default 60):
#
#   crates/statcube/fuzz/run.sh [SECONDS]
#
# Needs a nightly toolchain (libFuzzer's sanitizer flags); installs cargo-fuzz if it is missing.
#
# By default the run is reproducible: a fixed seed (FUZZ_SEED, default 1), a fixed number of
# inputs per target (FUZZ_RUNS, default 20000, about 40 s here) and a fresh corpus made from the real test files,
# so the same code gives the same verdict on every machine and a CI run cannot fail on luck.
# To search for new crashes, give another seed or FUZZ_RUNS=-1 (no count, only the time limit);
# FUZZ_KEEP_CORPUS=1 keeps what the fuzzer learns in fuzz/corpus/ between runs.
#
# A crash lands in fuzz/artifacts/<target>/; copy it to tests/data/fuzz/<target>/, where
# tests/statcube/fuzz_found.rs replays it with cargo test, and fix the reader.
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

seed="${FUZZ_SEED:-1}"
runs="${FUZZ_RUNS:-20000}"

# Seed the corpora with the real files, and with what broke the readers before, so the fuzzer
# starts from valid structure.
data=../tests/data
if [[ ${FUZZ_KEEP_CORPUS:-0} == 1 ]]; then
    corpus=$PWD/corpus
else
    corpus=$(mktemp -d /tmp/statcube-fuzz-corpus.XXXXXX)
    trap 'rm -rf "$corpus"' EXIT
fi
mkdir -p "$corpus/px_reader" "$corpus/jsonstat_reader"
for f in "$data"/*.px; do
    head -c 65536 "$f" > "$corpus/px_reader/$(basename "$f")"
done
cp "$data"/*.json "$corpus/jsonstat_reader/"
for target in px_reader jsonstat_reader; do
    find "$data/fuzz/$target" -type f ! -name '.*' -exec cp {} "$corpus/$target/" \;
done

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
for target in px_reader jsonstat_reader; do
    echo "statcube fuzz: $target, seed $seed, at most $runs inputs (-1: no limit) and ${seconds}s"
    cargo +nightly fuzz run "$target" "$corpus/$target" -- \
        -seed="$seed" -runs="$runs" -max_total_time="$seconds" \
        -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1
done
echo "statcube fuzz: no crash (seed $seed, ${seconds}s per target at most)"
