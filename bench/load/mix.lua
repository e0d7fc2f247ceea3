-- wrk script for bench/load/run.sh: the realistic mix of issue 9.
--
--   60 % anonymous page and API reads (the paths in ANON, in turn),
--   20 % newcomer staff reading one of their existing cases,
--   12 % project leaders posting a status update on an action,
--    8 % newcomer staff registering a new case.
--
-- The accounts, their bearer tokens, the seeded case ids and the action ids
-- come from the Lua file named by BULYST_LOAD_DATA, written by run.sh after
-- it has signed every account in once. Every body is valid and unique (the
-- thread number and a counter are in each name and text), so any answer
-- outside 2xx/3xx is the server's doing.
--
-- BULYST_LOAD_DRY=1 turns the mix into a fixed round of every kind of
-- request, two rounds, and then it creates the file BULYST_LOAD_DRY_DONE
-- names (the duration wrk is given is only an upper bound: the first render
-- of a page can take seconds).
-- Run it with one connection (-t1 -c1): each answer then belongs to
-- the request built last (wrk may build one it never sends at the start, so
-- a queue would be off by one), so it is counted against its kind, and
-- done() prints "DRY kind ok failed" lines for run.sh to check.
--
-- done() prints one "RESULT key=value ..." line for run.sh and a readable
-- summary; errors are counted per status code, socket errors per kind.

local ANON = {
  "/",
  "/action-plan",
  "/indicators",
  "/actions/mentorprogram",
  "/api/v1/actions",
  "/api/v1/programme",
  "/api/v1/work-packages/arbeid",
}

-- Cumulative weights out of 100, in the order of the comment above.
local MIX = {
  { 60, "anon" },
  { 80, "case-read" },
  { 92, "status" },
  { 100, "case-create" },
}

local STATUSES = { "planned", "ongoing", "done", "delayed" }
local LIGHTS = { "green", "yellow", "red" }
local LANGUAGES = { { "pl" }, { "uk", "ru" }, { "en" }, { "lt", "en" }, { "ar" } }
local NEEDS = { { "job" }, { "housing", "school" }, { "norwegian-course" }, { "job", "leisure" } }

-- ── Main state: set up threads and report ────────────────────────────────

local threads = {}

function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

-- ── Thread state ──────────────────────────────────────────────────────────

-- thread_no is set by setup(); counts, first_error, dry_ok and dry_failed
-- are globals because done() reads them with thread:get().
thread_no = thread_no or 0
local data, dry, serial
local anon_next, status_next
local dry_round, dry_last, dry_answers

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function json_list(items)
  local out = {}
  for i, v in ipairs(items) do
    out[i] = json_string(v)
  end
  return "[" .. table.concat(out, ",") .. "]"
end

local function pick(list)
  return list[math.random(#list)]
end

local function bearer(token)
  return {
    ["Authorization"] = "Bearer " .. token,
    ["Accept"] = "application/json",
  }
end

local function json_headers(token)
  local h = bearer(token)
  h["Content-Type"] = "application/json"
  return h
end

local function anon_read()
  anon_next = anon_next % #ANON + 1
  return wrk.format("GET", ANON[anon_next])
end

local function case_read()
  local staff = pick(data.staff)
  return wrk.format("GET", "/api/v1/newcomers/" .. pick(staff.cases), bearer(staff.token))
end

local function status_update()
  serial = serial + 1
  local leader = pick(data.leaders)
  status_next = status_next % #data.actions + 1
  local action = data.actions[status_next]
  local body = string.format(
    '{"status":%s,"light":%s,"text":%s}',
    json_string(pick(STATUSES)),
    json_string(pick(LIGHTS)),
    json_string(string.format("Load run %s, thread %d, update %d: on track.", data.run, thread_no, serial))
  )
  return wrk.format("POST", "/api/v1/actions/" .. action .. "/status-updates", json_headers(leader.token), body)
end

local function case_create()
  serial = serial + 1
  local staff = pick(data.staff)
  local tag = string.format("%s-%d-%d", data.run, thread_no, serial)
  local body = string.format(
    '{"name":%s,"phone":%s,"email":%s,"municipality":%s,"arrival_date":%s,"category":%s,'
      .. '"household":[{"relation":"child","birth_year":2018}],"languages":%s,"needs":%s}',
    json_string("Load Newcomer " .. tag),
    json_string(string.format("+47 4%07d", (thread_no * 1000003 + serial) % 10000000)),
    json_string("newcomer." .. tag .. "@example.no"),
    json_string(staff.municipality),
    json_string(data.today),
    json_string(pick({ "labour", "refugee", "family" })),
    json_list(pick(LANGUAGES)),
    json_list(pick(NEEDS))
  )
  return wrk.format("POST", "/api/v1/newcomers", json_headers(staff.token), body)
end

local MAKE = {
  ["anon"] = anon_read,
  ["case-read"] = case_read,
  ["status"] = status_update,
  ["case-create"] = case_create,
}

-- One of each kind, and every anonymous path once.
local DRY_ROUNDS = 2
local DRY_ROUND = {}
for _ = 1, #ANON do
  table.insert(DRY_ROUND, "anon")
end
for _, kind in ipairs({ "case-read", "status", "case-create" }) do
  table.insert(DRY_ROUND, kind)
end

function init(args)
  local path = os.getenv("BULYST_LOAD_DATA") or error("BULYST_LOAD_DATA is not set")
  data = dofile(path)
  dry = os.getenv("BULYST_LOAD_DRY") == "1"
  math.randomseed(thread_no * 7919 + os.time())
  serial = 0
  -- Threads start at different places, so that they do not move in step.
  anon_next = thread_no % #ANON
  status_next = (thread_no * 5) % #data.actions
  counts = {}
  first_error = {}
  dry_round, dry_answers, dry_ok, dry_failed = 0, 0, {}, {}
end

function request()
  -- wrk also calls request() once in its main state to check the request,
  -- where init() has not run.
  if not data then
    init({})
  end
  local kind
  if dry then
    dry_round = dry_round % #DRY_ROUND + 1
    kind = DRY_ROUND[dry_round]
    dry_last = kind
  else
    local r = math.random(100)
    for _, m in ipairs(MIX) do
      if r <= m[1] then
        kind = m[2]
        break
      end
    end
  end
  return MAKE[kind]()
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  local failed = status < 200 or status >= 400
  if failed and not first_error[status] then
    first_error[status] = (body or ""):sub(1, 300):gsub("%s+", " ")
  end
  if dry then
    local kind = dry_last or "?"
    local tally = failed and dry_failed or dry_ok
    tally[kind] = (tally[kind] or 0) + 1
    if failed then
      first_error[kind] = first_error[kind] or (status .. " " .. (body or ""):sub(1, 300):gsub("%s+", " "))
    end
    dry_answers = dry_answers + 1
    -- Two whole rounds are enough. wrk itself waits out -d, so the file
    -- tells run.sh to end it now (SIGINT makes wrk report and exit).
    if dry_answers == DRY_ROUNDS * #DRY_ROUND then
      local marker = os.getenv("BULYST_LOAD_DRY_DONE")
      if marker then
        io.open(marker, "w"):close()
      end
      wrk.thread:stop()
    end
  end
end

-- ── Report (main state) ─────────────────────────────────────────────────

local function add_all(into, from)
  for k, v in pairs(from or {}) do
    into[k] = (into[k] or 0) + v
  end
end

function done(summary, latency, requests)
  local statuses, firsts, ok, failed = {}, {}, {}, {}
  for _, t in ipairs(threads) do
    add_all(statuses, t:get("counts"))
    add_all(ok, t:get("dry_ok"))
    add_all(failed, t:get("dry_failed"))
    for k, v in pairs(t:get("first_error") or {}) do
      firsts[k] = firsts[k] or v
    end
  end

  local codes = {}
  for code in pairs(statuses) do
    table.insert(codes, code)
  end
  table.sort(codes)
  local answered, bad, per_code = 0, 0, {}
  for _, code in ipairs(codes) do
    answered = answered + statuses[code]
    if code < 200 or code >= 400 then
      bad = bad + statuses[code]
      table.insert(per_code, code .. ":" .. statuses[code])
    end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6

  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " http_errors=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d statuses=%s\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, socket, e.connect, e.read, e.write, e.timeout,
    #per_code > 0 and table.concat(per_code, ",") or "none"
  ))
  io.write(string.format("  answers counted: %d; by status:", answered))
  for _, code in ipairs(codes) do
    io.write(string.format(" %d×%d", code, statuses[code]))
  end
  io.write("\n")
  for _, code in ipairs(codes) do
    if firsts[code] then
      io.write(string.format("  first %d answer: %s\n", code, firsts[code]))
    end
  end

  if next(ok) or next(failed) then
    for _, kind in ipairs({ "anon", "case-read", "status", "case-create" }) do
      io.write(string.format("DRY %s %d %d\n", kind, ok[kind] or 0, failed[kind] or 0))
      if firsts[kind] then
        io.write(string.format("  first failure of %s: %s\n", kind, firsts[kind]))
      end
    end
  end
end
