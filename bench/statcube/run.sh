#!/usr/bin/env bash
# statcube benchmark, one command: bench/statcube/run.sh [RUNS]
# Times `bulyst stats inspect --json` on the StatFin performance file (gzip and unpacked), the
# Traficom file and the SSB 07459 JSON-stat file, against pyaxis 0.4.3 and pyjstat 2.4.0 in a
# throwaway virtualenv, in the same run. Reports best-of-RUNS wall time, MB/s and peak memory.
set -euo pipefail
runs="${1:-5}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

data="$root/../shared/data"
[ -d "$data" ] || data="$root/crates/statcube/tests/data"
work="${TMPDIR:-/tmp}/statcube-bench"
mkdir -p "$work"

if [ ! -x /usr/bin/time ] || ! command -v bc >/dev/null; then
    echo "installing GNU time (peak memory) and bc" >&2
    apt-get update -qq && apt-get install -y -qq time bc >/dev/null
fi

# The binary: bulyst if it has the stats subcommand yet, else the library's own inspect example
# (the same statcube::cli::inspect call, without the rest of bulyst).
cargo build --release -p bulyst >&2 || true
target_dir="${CARGO_TARGET_DIR:-$root/target}"
bin="$target_dir/release/bulyst"
if [ -x "$bin" ] && "$bin" stats inspect --json "$data/ssb_14216_tettsted.px" >/dev/null 2>&1; then
    ours=("$bin" stats inspect --json)
    ours_name="bulyst stats inspect --json"
else
    echo "bulyst has no working 'stats inspect' yet: timing statcube's inspect example instead" >&2
    cargo build --release -p statcube --example inspect >&2
    ours=("$target_dir/release/examples/inspect" --json)
    ours_name="statcube inspect example --json"
fi

venv="$work/venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pyaxis, pyjstat" 2>/dev/null; then
    echo "installing pyaxis 0.4.3 and pyjstat 2.4.0 into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "pyaxis==0.4.3" "pyjstat==2.4.0" pandas numpy requests >&2
fi
py="$venv/bin/python"

statfin_gz="$data/statfin_ehk_pxt_005_en.px.gz"
statfin="$work/statfin_ehk_pxt_005_en.px"
[ -f "$statfin" ] || gzip -dc "$statfin_gz" > "$statfin"
traficom="$data/traficom_010_kats_tau_101_fi_sv_en.px"
ssb07459="$data/ssb_07459_population_2022_kommuner.jsonstat2.json"

cat > "$work/pyaxis_run.py" <<'PY'
import sys, time
t0 = time.perf_counter()
from pyaxis import pyaxis
px = pyaxis.parse(uri=sys.argv[1], encoding=sys.argv[2])
df = px["DATA"]
print(len(df), "rows", file=sys.stderr)
PY
cat > "$work/pyjstat_run.py" <<'PY'
import sys
from pyjstat import pyjstat
with open(sys.argv[1], encoding="utf-8") as f:
    ds = pyjstat.Dataset.read(f.read())
df = ds.write("dataframe")
print(len(df), "rows", file=sys.stderr)
PY

# best wall seconds over $runs runs, and peak RSS in MB of one more run
measure() {
    local best="" t0 t1 s
    for _ in $(seq "$runs"); do
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        t1=$(date +%s.%N)
        s=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$s < $best" | bc -l)" = 1 ]; then best=$s; fi
    done
    local kb
    kb=$(/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}')
    printf '%.3f %.1f\n' "$best" "$(echo "$kb / 1024" | bc -l)"
}

row() { # label tool bytes-processed cmd...
    local label=$1 tool=$2 bytes=$3
    shift 3
    read -r secs mb < <(measure "$@")
    local mbs
    mbs=$(echo "$bytes / 1000000 / $secs" | bc -l)
    printf '| %s | %s | %.3f | %.0f | %.0f |\n' "$label" "$tool" "$secs" "$mbs" "$mb"
    echo "$secs" > "$work/last"
}

size() { stat -c %s "$1"; }

echo "machine: $(nproc) cores, $(uname -sr); best of $runs runs; MB/s counts unpacked bytes"
echo
echo "| file | tool | wall s (best) | MB/s | peak MB |"
echo "|---|---|---|---|---|"
row "StatFin ehk_005 .px.gz (16.2 MB unpacked, 3.39 M cells)" "$ours_name" "$(size "$statfin")" "${ours[@]}" "$statfin_gz"
g_ours=$(cat "$work/last")
row "StatFin ehk_005 .px (unpacked)" "$ours_name" "$(size "$statfin")" "${ours[@]}" "$statfin"
u_ours=$(cat "$work/last")
row "StatFin ehk_005 .px (unpacked)" "pyaxis 0.4.3 (windows-1252)" "$(size "$statfin")" "$py" "$work/pyaxis_run.py" "$statfin" windows-1252
u_py=$(cat "$work/last")
row "Traficom 010_kats_tau_101 .px (1.26 MB, 264 k cells, 3 languages)" "$ours_name" "$(size "$traficom")" "${ours[@]}" "$traficom"
t_ours=$(cat "$work/last")
row "Traficom 010_kats_tau_101 .px" "pyaxis 0.4.3 (windows-1252)" "$(size "$traficom")" "$py" "$work/pyaxis_run.py" "$traficom" windows-1252
t_py=$(cat "$work/last")
row "SSB 07459 JSON-stat 2.0 (14 KB, 359 cells)" "$ours_name" "$(size "$ssb07459")" "${ours[@]}" "$ssb07459"
j_ours=$(cat "$work/last")
row "SSB 07459 JSON-stat 2.0" "pyjstat 2.4.0" "$(size "$ssb07459")" "$py" "$work/pyjstat_run.py" "$ssb07459"
j_py=$(cat "$work/last")
echo
printf 'speed-up: StatFin %.0fx (unpacked) and %.0fx (ours on .gz vs pyaxis on the unpacked file); Traficom %.0fx; 07459 JSON-stat %.0fx vs pyjstat\n' \
    "$(echo "$u_py / $u_ours" | bc -l)" "$(echo "$u_py / $g_ours" | bc -l)" \
    "$(echo "$t_py / $t_ours" | bc -l)" "$(echo "$j_py / $j_ours" | bc -l)"
