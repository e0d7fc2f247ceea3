#!/usr/bin/env bash
# Web-page benchmark: Bulyst against nginx serving a saved copy of the same
# page, in one run, with wrk on loopback.
#
#   bench/web/run.sh
#
# nginx sending a file it already has is the ceiling: no page is served
# faster on this machine. The goal (issue 2) is Bulyst at >= 50 % of that
# throughput with p99 latency under 20 ms. This is a measurement, not a test:
# it prints and records the figures whatever they are, and fails only if it
# cannot measure. The table goes into bench/README.md under
# "## Web pages (wrk, loopback)"; other sections of that file are kept.
#
# The indicator page (issue 4) has a chart, a map and tables; anonymous
# visitors get it from the page cache, per plan and statistics revision.
#
# Environment: CARGO_TARGET_DIR, DURATION (wrk seconds per run, default 10),
# THREADS (2), CONNECTIONS (32), PAGES (space-separated paths, default
# "/ /action-plan /indicators/refugees-settled-here").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$PWD

duration="${DURATION:-10}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
read -r -a pages <<<"${PAGES:-/ /action-plan /indicators/refugees-settled-here}"

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
    echo "bench/web: installing ${missing[*]}"
    as_root apt-get update -qq
    # nginx from Debian starts itself as a service where it can; it is not
    # used here (this script runs its own with its own config).
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

echo "bench/web: building bulyst (release)"
cargo build --release -p bulyst
target_dir="${CARGO_TARGET_DIR:-target}"
[[ $target_dir == /* ]] || target_dir="$root/$target_dir"
bin="$target_dir/release/bulyst"

work=$(mktemp -d /tmp/bulyst-bench-web.XXXXXX)
# nginx's workers drop root for nobody, who must be able to read the saved pages.
chmod 755 "$work"
bulyst_pid=
nginx_pid=
cleanup() {
    # Only the two servers this script started, by their process ids.
    [[ -n $bulyst_pid ]] && kill -TERM "$bulyst_pid" 2>/dev/null && wait "$bulyst_pid" 2>/dev/null || true
    [[ -n $nginx_pid ]] && kill -TERM "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The large shipped statistics would load in the background for minutes,
# taking CPU from both servers while they are measured.
RUST_LOG=warn BULYST_LOAD_LARGE_STATISTICS=no \
    "$bin" serve --addr 127.0.0.1:0 --data-dir "$work/data" >"$work/bulyst.out" 2>"$work/bulyst.err" &
bulyst_pid=$!
bulyst_url=
# A new database gets the plan and the shipped statistics before the server listens.
for _ in $(seq 1800); do
    bulyst_url=$(sed -n 's|^Bulyst is serving at \(http://[^ ]*[^/ ]\)/\{0,1\} .*|\1|p' "$work/bulyst.out")
    [[ -n $bulyst_url ]] && break
    kill -0 "$bulyst_pid" 2>/dev/null || { cat "$work/bulyst.err" >&2; echo "bench/web: bulyst exited before serving" >&2; exit 1; }
    sleep 0.1
done
[[ -n $bulyst_url ]] || { echo "bench/web: bulyst printed no URL within 180 s" >&2; exit 1; }
echo "bench/web: bulyst at $bulyst_url"

# The saved copies nginx serves, with the Content-Type Bulyst sent.
mkdir -p -m 755 "$work/site"
declare -A file_of content_type_of
for p in "${pages[@]}"; do
    f="page$(echo "$p" | tr -c 'a-z0-9\n' '-').html"
    ct=$(curl -fsS -o "$work/site/$f" -w '%{content_type}' "$bulyst_url$p")
    file_of[$p]=$f
    content_type_of[$p]=$ct
    echo "bench/web: saved $p ($(wc -c <"$work/site/$f") bytes, $ct)"
done

nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx/tmp"
{
    cat <<CONF
daemon off;
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    types { }
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/site;
CONF
    for p in "${pages[@]}"; do
        printf '        location = %s { default_type "%s"; try_files /%s =404; }\n' "$p" "${content_type_of[$p]}" "${file_of[$p]}"
    done
    printf '    }\n}\n'
} >"$work/nginx/nginx.conf"
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
nginx_url="http://127.0.0.1:$nginx_port"
for _ in $(seq 100); do
    curl -fsS -o /dev/null "$nginx_url/" 2>/dev/null && break
    kill -0 "$nginx_pid" 2>/dev/null || { cat "$work/nginx/error.log" >&2; echo "bench/web: nginx exited" >&2; exit 1; }
    sleep 0.1
done
for p in "${pages[@]}"; do
    if ! cmp -s <(curl -fsS "$nginx_url$p") "$work/site/${file_of[$p]}"; then
        echo "bench/web: nginx does not serve the saved copy of $p" >&2
        exit 1
    fi
done
echo "bench/web: nginx at $nginx_url"

# wrk's latency as milliseconds ("850.00us", "12.3ms", "1.20s").
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
        printf "%.2f", n
    }'
}

# Prints "requests/s p99-ms errors" for one URL.
measure() {
    local url=$1 out
    # A short warm-up first, so that neither server is measured while it
    # fills caches or opens connections.
    timeout 60 wrk -t"$threads" -c"$connections" -d2s "$url" >/dev/null
    out=$(timeout $((duration + 60)) wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$url")
    # wrk's own report, for anyone who wants more than the table.
    sed 's/^/    /' <<<"$out" >&2
    local rps p99 errors
    rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i + 0 } END { print n + 0 }' <<<"$out")
    echo "$rps $(to_ms "$p99") $errors"
}

# Other work on the machine shows in the figures; say how busy it was.
load=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A result
for p in "${pages[@]}"; do
    for server in bulyst nginx; do
        if [[ $server == bulyst ]]; then url="$bulyst_url$p"; else url="$nginx_url$p"; fi
        echo "bench/web: wrk -t$threads -c$connections -d${duration}s --latency $url"
        result[$server$p]=$(measure "$url")
    done
done

rev=$(git rev-parse --short HEAD 2>/dev/null || echo "unknown")
dirty=$( (git status --porcelain -- crates Cargo.toml Cargo.lock 2>/dev/null || true) | head -1)
[[ -n $dirty ]] && rev="$rev (with uncommitted changes in crates/)"
table="| Page | Bulyst req/s | nginx req/s | Bulyst / nginx | Bulyst p99 | nginx p99 | Goal (≥ 50 %, p99 < 20 ms) |
|---|---:|---:|---:|---:|---:|---|"
notes=
for p in "${pages[@]}"; do
    read -r b_rps b_p99 b_err <<<"${result[bulyst$p]}"
    read -r n_rps n_p99 n_err <<<"${result[nginx$p]}"
    ratio=$(awk -v b="$b_rps" -v n="$n_rps" 'BEGIN { printf "%.0f %%", (n > 0 ? 100 * b / n : 0) }')
    goal=$(awk -v b="$b_rps" -v n="$n_rps" -v l="$b_p99" 'BEGIN {
        t = n > 0 && b >= n / 2; q = l < 20
        if (t && q) print "met"; else if (t) print "not met: p99"; else if (q) print "not met: throughput"; else print "not met: both"
    }')
    table+=$'\n'"| \`$p\` | $(printf '%.0f' "$b_rps") | $(printf '%.0f' "$n_rps") | $ratio | $b_p99 ms | $n_p99 ms | $goal |"
    ((b_err + n_err > 0)) && notes+=$'\n'"- \`$p\`: wrk counted $b_err errors or non-2xx answers from Bulyst and $n_err from nginx."
done

echo
echo "$table"
[[ -n $notes ]] && echo "$notes"

section="## Web pages (wrk, loopback)

\`bench/web/run.sh\`: Bulyst (release build, SQLite, anonymous visitor) against nginx
($("$nginx_bin" -v 2>&1 | sed 's|^nginx version: ||'), \`worker_processes 2\`, \`access_log off\`) serving a copy of the
same page saved with curl a moment before, in the same run. \`wrk -t$threads -c$connections -d${duration}s --latency\`
after a 2 s warm-up, one page and server at a time, all on loopback on one machine
($(nproc) cores; wrk, nginx and Bulyst share them; load average $load before the runs).
Measured $(date -u +%Y-%m-%d) at commit $rev. An anonymous visitor's plan pages (\`/\`,
\`/action-plan\`) come from Bulyst's page cache (per plan revision and language), so their figures
are for serving a rendered page through Bulyst's whole stack (routing, session and language
lookup, security headers), not for rendering it. An indicator page (\`/indicators/…\`), with its
chart, map of Vestland's municipalities and tables, is cached the same way per plan and
statistics revision; a signed-in visitor's is rendered on every request. Figures move from run to run on a busy
machine; compare the two servers within one run.

$table
${notes:+$'\n'Errors:$notes$'\n'}"

readme="$root/bench/README.md"
SECTION="$section" python3 - "$readme" <<'PY'
import os, re, sys
path = sys.argv[1]
section = os.environ["SECTION"].rstrip("\n") + "\n"
heading = "## Web pages (wrk, loopback)"
try:
    text = open(path, encoding="utf-8").read()
except FileNotFoundError:
    text = "# Benchmarks\n"
lines = text.splitlines(keepends=True)
start = next((i for i, l in enumerate(lines) if l.rstrip("\n") == heading), None)
if start is None:
    text = text.rstrip("\n") + "\n\n" + section
else:
    # The section runs to the next heading of the same or a higher level.
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"#{1,2} ", lines[i])), len(lines))
    after = "".join(lines[end:])
    text = "".join(lines[:start]) + section + ("\n" + after if after else "")
open(path, "w", encoding="utf-8").write(text)
PY
echo
echo "bench/web: figures written to bench/README.md"
