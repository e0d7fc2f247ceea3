#!/usr/bin/env bash
# Importing statistics: the StatFin PX file (3.4 M cells) into a fresh SQLite
# data directory and a fresh PostgreSQL database, twice each: the first import
# inserts every cell, the second finds them all unchanged. Prints cells per
# second and writes them into bench/README.md under
# "## Importing statistics (cells per second)". A benchmark: it reports, it
# never fails on the numbers.
#
#   bench/statistics/run.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 for the user postgres (PGURL to change
# it); creates the database bulyst_bench and drops it afterwards.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
FILE="${STATFIN:-$ROOT/../shared/data/statfin_ehk_pxt_005_en.px.gz}"
PGURL="${PGURL:-postgres://postgres@127.0.0.1:5432}"
BIN="$TARGET/release/bulyst"
# The file's SOURCE names the agencies behind the figures; the publisher is Statistics Finland.
OPTS=(--publisher "Statistics Finland" --table "ehk_pxt_005")

cd "$ROOT"
CARGO_TARGET_DIR="$TARGET" cargo build --release -q -p bulyst

WORK="$(mktemp -d)"
cleanup() {
    rm -rf "$WORK"
    psql "$PGURL/postgres" -q -c "DROP DATABASE IF EXISTS bulyst_bench" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# One import: prints "seconds cells inserted unchanged" from bulyst's report line.
import() {
    local line
    line="$("$BIN" "$@" stats import "${OPTS[@]}" "$FILE" 2>&1 | tail -1 || true)"
    echo "$line" >&2
    python3 - "$line" <<'EOF'
import re, sys
m = re.search(r"(\d+) new, (\d+) changed, (\d+) unchanged \((\d+) cells in ([0-9.]+) s", sys.argv[1])
print(m.group(5), m.group(4), m.group(1), m.group(3)) if m else print("nan 0 0 0")
EOF
}

declare -a ROWS
run_backend() {
    local name="$1"; shift
    for pass in first again; do
        read -r secs cells inserted unchanged < <(import "$@")
        rate="$(python3 -c "import sys; s=float('$secs'); print(f'{int($cells)/s:,.0f}' if s > 0 else 'n/a')")"
        ROWS+=("| $name | $pass | $cells | $inserted | $unchanged | $secs | $rate |")
    done
}

run_backend "SQLite" --data-dir "$WORK/sqlite"
if psql "$PGURL/postgres" -q -c "DROP DATABASE IF EXISTS bulyst_bench" -c "CREATE DATABASE bulyst_bench" >/dev/null 2>&1; then
    run_backend "PostgreSQL" --database-url "$PGURL/bulyst_bench"
else
    ROWS+=("| PostgreSQL | – | – | – | – | – | not run: no server at $PGURL |")
fi

LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
SECTION="$(cat <<EOF
## Importing statistics (cells per second)

One command: \`bench/statistics/run.sh\`. It builds \`bulyst\` in release and runs
\`bulyst stats import --publisher "Statistics Finland" --table ehk_pxt_005\` on the StatFin file
\`statfin_ehk_pxt_005_en.px.gz\` (3 394 872 cells, 96 % \`"."\`, all stored: a missing figure keeps its
status) into a fresh SQLite data directory and a fresh PostgreSQL database, twice each. The first
import writes every cell straight into \`observations\` in batches (multi-row \`VALUES\` on SQLite,
\`UNNEST\` arrays on PostgreSQL); the second copies them into a temporary table and compares with
one \`UPDATE … FROM\` and one \`INSERT … ON CONFLICT DO NOTHING\`, changing nothing. Each import is
one transaction, timed by \`bulyst\` from reading the file to the commit.

Measured $(date -u +%Y-%m-%d) on $(nproc) cores (load average before the run: $LOAD):

| database | import | cells | new | unchanged | seconds | cells/s |
|---|---|---|---|---|---|---|
$(printf '%s\n' "${ROWS[@]}")
EOF
)"

python3 - "$ROOT/bench/README.md" "$SECTION" <<'EOF'
import re, sys
path, section = sys.argv[1], sys.argv[2].rstrip() + "\n"
text = open(path, encoding="utf-8").read()
heading = "## Importing statistics (cells per second)"
if heading in text:
    start = text.index(heading)
    nxt = text.find("\n## ", start + len(heading))
    text = text[:start] + section + (text[nxt:] if nxt >= 0 else "")
else:
    text = text.rstrip() + "\n\n" + section
open(path, "w", encoding="utf-8").write(text)
EOF
printf '%s\n' "${ROWS[@]}"
