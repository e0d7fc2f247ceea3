#!/usr/bin/env bash
# Checks `bulyst mentor assign` against scipy's linear_sum_assignment on random matrices.
#
#   crates/matching/tests/scipy_check.sh [COUNT]          compare COUNT matrices (default 400)
#   crates/matching/tests/scipy_check.sh --fixture FILE   write the Rust test fixture instead
#
# Installs numpy and scipy into a throwaway virtualenv under /tmp, generates square, wide, tall,
# tie-heavy, negative and large-valued matrices from a fixed seed, runs both, and compares the
# optimal totals; it also checks that bulyst's pairs are a valid assignment with that total.
# The fixture (about 50 matrices, some with forbidden cells and some infeasible) lets
# `cargo test -p matching` check the same thing without Python.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"

venv="${TMPDIR:-/tmp}/matching-scipy-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import numpy, scipy" 2>/dev/null; then
    echo "installing numpy and scipy into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q numpy scipy >&2
fi
py="$venv/bin/python"
"$py" -c 'import numpy, scipy; print("numpy", numpy.__version__, "scipy", scipy.__version__)' >&2

generator=$(
    cat <<'PY'
import json, sys
import numpy as np
from scipy.optimize import linear_sum_assignment

def matrices(rng, count):
    kinds = ["square", "wide", "tall", "ties", "negative", "large"]
    for k in range(count):
        kind = kinds[k % len(kinds)]
        n = int(rng.integers(1, 61))
        m = n
        if kind == "wide":
            m = n + int(rng.integers(1, 31))
        elif kind == "tall":
            n, m = n + int(rng.integers(1, 31)), n
        if kind == "ties":
            a = rng.integers(0, int(rng.integers(1, 4)), size=(n, m))
        elif kind == "negative":
            a = rng.integers(-1000, 1000, size=(n, m))
        elif kind == "large":
            # float64 holds sums of these exactly, so scipy's totals are exact
            a = rng.integers(-10**12, 10**12, size=(n, m))
        else:
            a = rng.integers(0, 1_000_000, size=(n, m))
        yield kind, a.astype(np.int64), bool(rng.integers(0, 2))

def scipy_total(a, maximize):
    r, c = linear_sum_assignment(a, maximize=maximize)
    return int(a[r, c].astype(object).sum())

mode, out, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = np.random.default_rng(seed)
if mode == "csv":
    index = []
    for k, (kind, a, maximize) in enumerate(matrices(rng, count)):
        big = kind == "square" and k % 100 == 0
        if big:
            a = rng.integers(0, 1_000_000, size=(300, 300)).astype(np.int64)
        path = f"{out}/m{k:04d}.csv"
        np.savetxt(path, a, fmt="%d", delimiter=",")
        index.append([path, kind, maximize, scipy_total(a, maximize), list(a.shape)])
    json.dump(index, open(f"{out}/index.json", "w"))
else:
    cases = []
    for k, (kind, a, maximize) in enumerate(matrices(rng, count)):
        # small enough to read in a diff; squares stay square, tall stays tall
        a = {"square": a[:12, :12], "tall": a[:14, :10]}.get(kind, a[:10, :16])
        cells = a.astype(object)
        forbidden = None
        if k % 3 == 0:
            # forbid a share of the cells; scipy takes them as ±inf
            forbidden = rng.random(a.shape) < (0.2, 0.6, 0.85)[k // 3 % 3]
        f = a.astype(float)
        if forbidden is not None:
            f[forbidden] = -np.inf if maximize else np.inf
        try:
            r, c = linear_sum_assignment(f, maximize=maximize)
            total = int(a[r, c].astype(object).sum())
        except ValueError:
            total = None
        rows = [[None if forbidden is not None and forbidden[i, j] else int(a[i, j])
                 for j in range(a.shape[1])] for i in range(a.shape[0])]
        cases.append({"kind": kind, "maximize": maximize, "total": total, "rows": rows})
    with open(out, "w") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]\n")
    print(f"wrote {len(cases)} cases, {sum(c['total'] is None for c in cases)} infeasible", file=sys.stderr)
PY
)

if [ "${1:-}" = "--fixture" ]; then
    "$py" -c "$generator" fixture "$2" 54 20261124
    exit 0
fi

count="${1:-400}"
cargo build --release -p bulyst >&2
bin="${CARGO_TARGET_DIR:-$root/target}/release/bulyst"
work="$(mktemp -d "${TMPDIR:-/tmp}/matching-scipy-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$py" -c "$generator" csv "$work" "$count" 20261124

checker=$(
    cat <<'PY'
import json, subprocess, sys
import numpy as np
bin, index = sys.argv[1], json.load(open(sys.argv[2]))
failures = 0
for path, kind, maximize, expected, shape in index:
    args = [bin, "mentor", "assign", "--scores", path] + (["--maximize"] if maximize else [])
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        print(f"FAIL {path} ({kind}): exit {p.returncode}: {p.stderr.strip()}")
        failures += 1
        continue
    got = json.loads(p.stdout)
    a = np.loadtxt(path, delimiter=",", dtype=np.int64, ndmin=2)
    pairs = got["pairs"]
    rows = [r for r, _ in pairs]
    cols = [c for _, c in pairs]
    valid = (len(pairs) == min(a.shape) and len(set(rows)) == len(rows)
             and len(set(cols)) == len(cols) and rows == sorted(rows)
             and sum(int(a[r, c]) for r, c in pairs) == got["total"])
    if got["total"] != expected or not valid:
        print(f"FAIL {path} ({kind} {shape}, maximize={maximize}): bulyst {got['total']}, scipy {expected}, valid pairs: {valid}")
        failures += 1
kinds = sorted(set(k for _, k, _, _, _ in index))
print(f"{len(index) - failures}/{len(index)} matrices agree with scipy (kinds: {', '.join(kinds)}; "
      f"sizes {min(min(s) for *_, s in index)}..{max(max(s) for *_, s in index)})")
sys.exit(1 if failures else 0)
PY
)
"$py" -c "$checker" "$bin" "$work/index.json"
