#!/usr/bin/env bash
# Load benchmark: the realistic mix of issue 9 against three setups in one run,
# and the proof that two servers on one PostgreSQL database see each other's
# changes within a second.
#
#   bench/load/run.sh [SECONDS]        (default 60)
#
# Configurations, in this order:
#   sqlite   one release `bulyst serve` on SQLite (a fresh temporary data dir)
#   postgres one `bulyst serve` on a fresh PostgreSQL database
#   nginx    two `bulyst serve` on one fresh PostgreSQL database behind nginx,
#            round-robin, with the scale-out check before and during the load
#
# For each: accounts are added with `bulyst user add` (5 newcomer staff, one
# per municipality 4640–4644; 3 project leaders), each signs in once through
# the API for a bearer token, each staff member registers SEED_CASES cases
# (the cases the staff reads go to), and a dry run (one connection, every
# kind of request in turn) must answer 2xx for every kind before wrk measures
# CONNECTIONS connections for SECONDS with bench/load/mix.lua: 60 % anonymous
# page and API reads, 20 % staff case reads, 12 % status updates, 8 % case
# registrations. Errors are counted per status code in Lua (anything outside
# 2xx/3xx) and socket errors (connect, read, write, timeout) by wrk.
#
# This is a measurement: it prints the figures whatever they are and ends
# with a Markdown block for bench/README.md ("## Load"). It exits non-zero
# when it cannot measure (a server does not start, a dry run fails) or when
# the scale-out check fails, after printing what it measured.
#
# Everything runs on loopback; everything it starts (servers, nginx, the
# temporary directory, the PostgreSQL databases) is removed on exit.
#
# Environment:
#   CONNECTIONS (50), THREADS (2), TIMEOUT (wrk's per-request timeout, 40s),
#   CONFIGS ("sqlite postgres nginx"), SEED_CASES (8 per staff member),
#   POSTGRES_URL (postgres://postgres@127.0.0.1:5432, a server to create
#   databases on), BULYST_LOAD_LARGE_STATISTICS (yes: the 2 M-cell IMDi file
#   is loaded, and waited for, before measuring, because the indicator
#   overview shows it; "no" skips it for a quicker run that measures a
#   different /indicators page), CARGO_TARGET_DIR, REPORT (a file to write
#   the Markdown block to as well).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$PWD

duration="${1:-60}"
[[ $duration =~ ^[0-9]+$ && $duration -gt 0 ]] || { echo "usage: bench/load/run.sh [SECONDS]" >&2; exit 2; }
connections="${CONNECTIONS:-50}"
threads="${THREADS:-2}"
# Above the server's own 30 s limit, so that a request the server gives up on
# is counted as its 408, and one it never answers as a wrk timeout.
timeout_per_request="${TIMEOUT:-40s}"
read -r -a configs <<<"${CONFIGS:-sqlite postgres nginx}"
seed_cases="${SEED_CASES:-8}"
postgres_url="${POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}"
large_statistics="${BULYST_LOAD_LARGE_STATISTICS:-yes}"
report_file="${REPORT:-}"

say() { echo "bench/load: $*" >&2; }
die() { echo "bench/load: FAILED: $*" >&2; exit 1; }

# ── Tools ─────────────────────────────────────────────────────────────────────

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    as_root apt-get update -qq
    # Debian's nginx starts itself as a service where it can; that one is not
    # used (this script runs its own with its own config).
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

say "building bulyst (release)"
cargo build --release -p bulyst
target_dir="${CARGO_TARGET_DIR:-target}"
[[ $target_dir == /* ]] || target_dir="$root/$target_dir"
bin="$target_dir/release/bulyst"

psql_admin() { psql "$postgres_url/postgres" -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_admin -c 'select 1' >/dev/null || die "no PostgreSQL at $postgres_url"

# ── Clean-up ──────────────────────────────────────────────────────────────────

work=$(mktemp -d /tmp/bulyst-bench-load.XXXXXX)
# nginx's workers drop root for nobody.
chmod 755 "$work"
run_tag="r$$$(date +%s | tail -c 5)"
pids=()
databases=()

stop_pid() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
stop_all() {
    local pid
    # Only what this script started, by process id.
    for pid in "${pids[@]}"; do stop_pid "$pid"; done
    pids=()
}
drop_databases() {
    local db
    for db in "${databases[@]}"; do
        psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 ||
            say "could not drop the database $db"
    done
    databases=()
}
cleanup() {
    stop_all
    drop_databases
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ── Servers ───────────────────────────────────────────────────────────────────

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Servers behind nginx take the client's address from X-Forwarded-For where
# the build knows how (a later change adds --trusted-proxy).
proxy_args=()
if "$bin" serve --help 2>/dev/null | grep -q -- '--trusted-proxy'; then
    proxy_args=(--trusted-proxy 127.0.0.1)
fi

# start_server NAME DB-ENV [SERVE-ARGS…]: starts `bulyst serve` on a free
# loopback port and sets $server_url once it listens. DB-ENV is
# BULYST_DATA_DIR=… or DATABASE_URL=….
server_url=
start_server() {
    local name=$1 db_env=$2
    shift 2
    env RUST_LOG=warn,bulyst=info BULYST_LOAD_LARGE_STATISTICS="$large_statistics" "$db_env" \
        "$bin" serve --addr 127.0.0.1:0 "$@" >"$work/$name.out" 2>"$work/$name.err" &
    local pid=$!
    pids+=("$pid")
    server_url=
    # A new database gets the plan and the shipped statistics before the server listens.
    for _ in $(seq 3000); do
        server_url=$(sed -n 's|^Bulyst is serving at \(http://[^ ]*[^/ ]\)/\{0,1\} .*|\1|p' "$work/$name.out")
        [[ -n $server_url ]] && break
        kill -0 "$pid" 2>/dev/null || { tail -20 "$work/$name.err" >&2; die "$name exited before serving"; }
        sleep 0.1
    done
    [[ -n $server_url ]] || die "$name printed no URL within 300 s"
    say "$name serving at $server_url"
}

# Waits until server NAME logs FOUND (or dies on FAILED), saying WHAT it waits for.
wait_for_log() {
    local name=$1 found=$2 failed=$3 what=$4
    say "waiting for $name to $what"
    for _ in $(seq 6000); do
        grep -q "$found" "$work/$name.err" && { say "$name: $found"; return 0; }
        grep -q "$failed" "$work/$name.err" && die "$name: $failed"
        sleep 0.1
    done
    die "$name did not $what within 600 s"
}

# The first server on a new database loads the large statistics file after it
# listens; measuring during that load would measure the import.
wait_for_large_statistics() {
    [[ $large_statistics == no ]] && return 0
    wait_for_log "$1" 'loaded the large shipped statistics' \
        'loading the large shipped statistics failed' 'load the large shipped statistics'
}

# Each server computes the indicators once after it starts (seconds on the large
# statistics); the measurement is of the steady state after that.
wait_for_indicators() {
    wait_for_log "$1" 'computed the indicators' \
        'computing the indicators at start failed' 'compute the indicators'
}

start_nginx() {
    local port=$1
    shift
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
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    upstream bulyst {
CONF
        local u
        for u in "$@"; do printf '        server %s;\n' "${u#http://}"; done
        cat <<CONF
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://bulyst;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto http;
            proxy_read_timeout 120s;
        }
    }
}
CONF
    } >"$work/nginx/nginx.conf"
    "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
    local pid=$!
    pids+=("$pid")
    for _ in $(seq 100); do
        curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || { cat "$work/nginx/error.log" >&2; die "nginx exited"; }
        sleep 0.1
    done
    die "nginx did not answer within 10 s"
}

# ── Accounts, tokens, cases ───────────────────────────────────────────────────

json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# api METHOD URL [TOKEN] [BODY]: the body of a 2xx answer, or a loud failure.
api() {
    local method=$1 url=$2 token=${3:-} body=${4:-} args=() code
    # Per process: the scale-out check calls this beside the main shell.
    local answer="$work/answer.$BASHPID"
    [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    code=$(curl -sS -o "$answer" -w '%{http_code}' -X "$method" -H 'Accept: application/json' "${args[@]}" "$url") ||
        die "$method $url: no answer"
    [[ $code == 2* ]] || die "$method $url answered $code: $(head -c 400 "$answer")"
    cat "$answer"
    rm -f "$answer"
}

password="load-bench-password-$run_tag"
municipalities=(4640 4641 4642 4643 4644)
leader_count=3

# prepare CONFIG DB-ENV URL: accounts on the database, tokens through URL,
# seeded cases, the action ids; writes $work/CONFIG.lua for mix.lua.
prepare() {
    local config=$1 db_env=$2 url=$3 email token m i id
    local today staff_lua="" leader_lua="" actions_lua
    today=$(date +%F)
    for m in "${municipalities[@]}"; do
        email="staff-$m-$run_tag@load.example.no"
        env "$db_env" "$bin" user add --email "$email" --role newcomer-staff --municipality "$m" \
            <<<"$password" >/dev/null || die "user add $email"
        token=$(api POST "$url/api/v1/login" "" "{\"email\":\"$email\",\"password\":\"$password\"}" | json_field token)
        local cases=()
        for i in $(seq "$seed_cases"); do
            id=$(api POST "$url/api/v1/newcomers" "$token" \
                "{\"name\":\"Seeded Newcomer $m-$i\",\"municipality\":\"$m\",\"arrival_date\":\"$today\",\"category\":\"labour\",\"languages\":[\"pl\"],\"needs\":[\"job\"]}" |
                json_field id)
            cases+=("$id")
        done
        staff_lua+="    { token = \"$token\", municipality = \"$m\", cases = { $(IFS=,; echo "${cases[*]}") } },"$'\n'
    done
    for i in $(seq "$leader_count"); do
        email="leader-$i-$run_tag@load.example.no"
        env "$db_env" "$bin" user add --email "$email" --role project-leader \
            <<<"$password" >/dev/null || die "user add $email"
        token=$(api POST "$url/api/v1/login" "" "{\"email\":\"$email\",\"password\":\"$password\"}" | json_field token)
        leader_lua+="    { token = \"$token\" },"$'\n'
        leader_tokens+=("$token")
    done
    actions_lua=$(api GET "$url/api/v1/actions" | python3 -c '
import json, sys
print(", ".join(json.dumps(a["id"]) for a in json.load(sys.stdin)))')
    [[ -n $actions_lua ]] || die "no actions in the plan"
    cat >"$work/$config.lua" <<LUA
return {
  run = "$run_tag-$config",
  today = "$today",
  staff = {
$staff_lua  },
  leaders = {
$leader_lua  },
  actions = { $actions_lua },
}
LUA
    say "$config: ${#municipalities[@]} staff with $seed_cases cases each, $leader_count project leaders, $(tr -cd ',' <<<"$actions_lua" | wc -c | awk '{print $1 + 1}') actions"
}

# ── Checks and measurement ────────────────────────────────────────────────────

# Every kind of request once in turn on one connection: all must be 2xx.
dry_run() {
    local config=$1 url=$2 out pid marker
    marker="$work/$config.dry-done"
    rm -f "$marker"
    # The first renders of the heavy pages happen here, not in the measurement.
    BULYST_LOAD_DATA="$work/$config.lua" BULYST_LOAD_DRY=1 BULYST_LOAD_DRY_DONE="$marker" \
        wrk -t1 -c1 -d300s --timeout "$timeout_per_request" -s "$root/bench/load/mix.lua" "$url" \
        >"$work/$config.dry" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        # SIGINT ends wrk early with its report.
        [[ -e $marker ]] && { kill -INT "$pid" 2>/dev/null || true; break; }
        sleep 0.1
    done
    wait "$pid" || die "$config: the dry run did not finish: $(tail -5 "$work/$config.dry")"
    out=$(cat "$work/$config.dry")
    local kind ok failed bad=0
    while read -r _ kind ok failed; do
        say "$config dry run: $kind $ok ok, $failed failed"
        ((ok > 0 && failed == 0)) || bad=1
    done < <(grep '^DRY ' <<<"$out")
    if ((bad)) || ! grep -q '^DRY ' <<<"$out"; then
        sed 's/^/    /' <<<"$out" >&2
        die "$config: not every kind of request succeeded in the dry run"
    fi
}

now_ms() { date +%s%3N; }

# scale_out_check A B LABEL: a status update through A, then B polled for up
# to 1 s until its answer shows it. Appends "LABEL DELAY-MS|failed" to
# $work/scale-out.
scale_out_check() {
    local a=$1 b=$2 label=$3 text start seen='' code
    text="Scale-out check $run_tag $label $RANDOM"
    code=$(curl -sS -o "$work/scale-out-answer" -w '%{http_code}' -X POST \
        -H "Authorization: Bearer ${leader_tokens[0]}" -H 'Content-Type: application/json' \
        --data-binary "{\"status\":\"ongoing\",\"light\":\"green\",\"text\":\"$text\"}" \
        "$a/api/v1/actions/mentorprogram/status-updates") || code=000
    if [[ $code != 2* ]]; then
        echo "bench/load: !!! SCALE-OUT CHECK FAILED ($label): the status update through $a answered $code: $(head -c 300 "$work/scale-out-answer")" >&2
        echo "$label failed-to-write-$code" >>"$work/scale-out"
        return 0
    fi
    start=$(now_ms)
    while (($(now_ms) - start <= 1000)); do
        if curl -fsS "$b/api/v1/actions/mentorprogram" 2>/dev/null | grep -qF "$text"; then
            seen=$(($(now_ms) - start))
            break
        fi
        sleep 0.02
    done
    if [[ -n $seen ]]; then
        say "scale-out ($label): the update made through $a was visible through $b after $seen ms"
        echo "$label $seen" >>"$work/scale-out"
    else
        echo "bench/load: !!! SCALE-OUT CHECK FAILED ($label): an update made through $a was not visible through $b within 1 s" >&2
        echo "$label failed" >>"$work/scale-out"
    fi
}

declare -A result details load_at
measure() {
    local config=$1 url=$2 out
    # The machine may be shared: say how busy it was when each one started.
    load_at[$config]=$(cut -d' ' -f1 /proc/loadavg)
    say "$config: wrk -t$threads -c$connections -d${duration}s --timeout $timeout_per_request --latency -s bench/load/mix.lua $url"
    out=$(BULYST_LOAD_DATA="$work/$config.lua" \
        timeout $((duration + 120)) wrk -t"$threads" -c"$connections" -d"${duration}s" \
        --timeout "$timeout_per_request" --latency -s "$root/bench/load/mix.lua" "$url") ||
        die "$config: wrk did not finish"
    sed 's/^/    /' <<<"$out" >&2
    result[$config]=$(grep '^RESULT ' <<<"$out") || die "$config: no RESULT line from wrk"
    details[$config]=$(grep '^  ' <<<"$out" || true)
}

# What the servers of CONFIG logged at ERROR, for the report: how many lines
# and the first of each kind of message (tower_http's line for each 500 only
# repeats the status, so it is left out).
declare -A logged
server_errors() {
    local config=$1 f n first
    for f in "$work"/"$config"*.err; do
        [[ -e $f ]] || continue
        sed 's/\x1b\[[0-9;]*m//g' "$f" | grep ' ERROR ' | grep -v 'tower_http::trace' |
            sed 's/^[^ ]* *ERROR *//' >"$f.errors" || true
        n=$(wc -l <"$f.errors")
        ((n > 0)) || continue
        first=$(awk '!seen[substr($0, 1, 80)]++' "$f.errors" | head -3 | cut -c1-300)
        logged[$config]+="- $(basename "$f" .err): $n ERROR lines; first of each kind:"$'\n'"$(sed 's/^/  - `/; s/$/`/' <<<"$first")"$'\n'
    done
    [[ -n ${logged[$config]:-} ]] && say "$config: the servers logged errors:"$'\n'"${logged[$config]}"
    return 0
}

# ── The three configurations ──────────────────────────────────────────────────

leader_tokens=()
: >"$work/scale-out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for config in "${configs[@]}"; do
    leader_tokens=()
    case $config in
    sqlite)
        db_env="BULYST_DATA_DIR=$work/sqlite-data"
        start_server sqlite "$db_env"
        wait_for_large_statistics sqlite
        wait_for_indicators sqlite
        target=$server_url
        ;;
    postgres | nginx)
        db="bulyst_load_${run_tag}_$config"
        psql_admin -c "CREATE DATABASE \"$db\"" >/dev/null
        databases+=("$db")
        db_env="DATABASE_URL=$postgres_url/$db"
        if [[ $config == postgres ]]; then
            start_server postgres "$db_env"
            wait_for_large_statistics postgres
            wait_for_indicators postgres
            target=$server_url
        else
            # One after the other: the second finds the migrations applied.
            start_server nginx-a "$db_env" "${proxy_args[@]}"
            a_url=$server_url
            wait_for_large_statistics nginx-a
            wait_for_indicators nginx-a
            start_server nginx-b "$db_env" "${proxy_args[@]}"
            b_url=$server_url
            wait_for_indicators nginx-b
            nginx_port=$(free_port)
            start_nginx "$nginx_port" "$a_url" "$b_url"
            target="http://127.0.0.1:$nginx_port"
            say "nginx at $target, round-robin to $a_url and $b_url"
        fi
        ;;
    *) die "unknown configuration $config (sqlite, postgres, nginx)" ;;
    esac
    prepare "$config" "$db_env" "$target"
    dry_run "$config" "$target"
    if [[ $config == nginx ]]; then
        scale_out_check "$a_url" "$b_url" idle
        # Once more halfway through the measurement, under the full load.
        (
            sleep $((duration / 2))
            scale_out_check "$a_url" "$b_url" "under load"
        ) &
        checker=$!
        measure "$config" "$target"
        wait "$checker" || true
    else
        measure "$config" "$target"
    fi
    stop_all
    server_errors "$config"
    drop_databases
done

# ── Report ────────────────────────────────────────────────────────────────────

field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p" | head -1; }

declare -A label=(
    [sqlite]="SQLite, one server"
    [postgres]="PostgreSQL, one server"
    [nginx]="PostgreSQL, two servers behind nginx"
)
table="| Configuration | req/s | p50 | p99 | errors | of requests | error answers | load average at start |
|---|---:|---:|---:|---:|---:|---|---:|"
for config in "${configs[@]}"; do
    r=${result[$config]}
    http=$(field http_errors "$r")
    socket=$(field socket_errors "$r")
    requests=$(field requests "$r")
    errors=$((http + socket))
    share=$(awk -v e="$errors" -v n="$requests" 'BEGIN { printf "%.1f %%", (n > 0 ? 100 * e / n : 0) }')
    what=$(field statuses "$r")
    [[ $what == none ]] && what=
    timeouts=$(field timeout "$r")
    other=$((socket - timeouts))
    ((timeouts > 0)) && what+="${what:+, }timeouts:$timeouts"
    ((other > 0)) && what+="${what:+, }socket:$other"
    table+=$'\n'"| ${label[$config]} | $(printf '%.0f' "$(field rps "$r")") | $(field p50_ms "$r") ms | $(field p99_ms "$r") ms | $errors | $share of $requests | ${what:-–} | ${load_at[$config]} |"
done

scale_out_line=
scale_out_failed=0
if [[ -s $work/scale-out ]]; then
    while read -r what delay; do
        # "under load 123" reads as what=under, delay="load 123".
        [[ $what == under ]] && { what="under load"; delay=${delay#load }; }
        if [[ $delay == failed ]]; then
            scale_out_line+="${scale_out_line:+; }$what: **not visible within 1 s (failed)**"
            scale_out_failed=1
        elif [[ $delay == failed-to-write-* ]]; then
            scale_out_line+="${scale_out_line:+; }$what: **the update through server A answered ${delay#failed-to-write-} (failed)**"
            scale_out_failed=1
        else
            scale_out_line+="${scale_out_line:+; }$what: $delay ms"
        fi
    done <"$work/scale-out"
fi
if [[ " ${configs[*]} " == *" nginx "* ]] && (($(wc -l <"$work/scale-out") < 2)); then
    scale_out_line+="${scale_out_line:+; }**a check did not run to the end (failed)**"
    scale_out_failed=1
fi

rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$( (git status --porcelain -- crates Cargo.toml Cargo.lock 2>/dev/null || true) | head -1)
[[ -n $dirty ]] && rev="$rev (with uncommitted changes in crates/)"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
pg_version=$(psql_admin -c 'show server_version' | cut -d' ' -f1)

block="Measured $(date -u '+%Y-%m-%d %H:%M') UTC at commit $rev with \`bench/load/run.sh $duration\`
($connections connections, $threads wrk threads, ${duration} s each, wrk timeout $timeout_per_request) on
$(nproc) cores ($cpu), $mem; wrk, nginx, PostgreSQL $pg_version and the servers share them
(load average before the run: $load_before). Large statistics: $large_statistics.

$table"
for config in "${configs[@]}"; do
    if [[ -n ${details[$config]} ]] && grep -q 'first [0-9]* answer' <<<"${details[$config]}"; then
        block+=$'\n\n'"${label[$config]}, the first answer of each error status:"$'\n'
        block+=$(grep 'first [0-9]* answer' <<<"${details[$config]}" | sed 's/^ *first \([0-9]*\) answer: \(.*\)/- \1: `\2`/; s/`` *$/(empty body)/' | cut -c1-240)
    fi
done
for config in "${configs[@]}"; do
    [[ -n ${logged[$config]:-} ]] && block+=$'\n\n'"${label[$config]}, what the servers logged at ERROR:"$'\n'"${logged[$config]%$'\n'}"
done
[[ -n $scale_out_line ]] && block+=$'\n\n'"Scale-out (a status update through server A, polled through server B): $scale_out_line."

echo
echo "---- for bench/README.md, section \"## Load (mixed use, wrk, loopback)\" ----"
echo "$block"
echo "----"
[[ -n $report_file ]] && echo "$block" >"$report_file"

if ((scale_out_failed)); then
    echo "bench/load: !!! SCALE-OUT CHECK FAILED: see above" >&2
    exit 1
fi
