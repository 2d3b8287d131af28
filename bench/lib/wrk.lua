-- wrk script for every Tawasol bench scenario (run by bench/lib/bench.py, not by hand).
--
-- Configuration comes from the environment, because wrk decides whether a script paces its
-- requests (a global `delay`) when it loads the file, before init() sees any argument:
--
--   BENCH_SCENARIO  list | deep | thread | search | stats | open311 | commune_page | issue_page
--                   | create | reply | sign
--   BENCH_DATA      folder with the scenario's data files (written by bench.py):
--                     paths.txt   GET paths (reads)
--                     tokens.txt  access tokens (writes), one per line
--                     ids.txt     public issue ids (reply)
--                     create.txt  "commune south west north east" then one category code a line
--                     pairs.txt   "token_index petition_id cin" (sign): each line used once
--   BENCH_RATE      offered rate in requests/s for all connections together; 0 = closed loop
--   BENCH_THREADS   wrk's -t (the pacing interval of one thread depends on it)
--   BENCH_EXPECT    the status every answer should have (200 reads, 201 writes)
--   BENCH_TAG       a word unique to this run (for unique titles and bodies)
--   BENCH_OUT       where done() writes its JSON result
--
-- Pacing (BENCH_RATE > 0): wrk's delay() is called before every request but is not told on
-- which connection, so each thread keeps one schedule of slots, `threads * 1000 / rate` ms
-- apart, computed from CLOCK_MONOTONIC (LuaJIT ffi), and every request takes the next slot:
-- with 64 connections over 2 threads at 1000 req/s, slots are 2 ms apart in each thread and
-- each connection sends about every 64 ms. A request whose slot has passed (the server was slow)
-- goes at once, and the lag is recorded. This is a paced closed loop, not an open loop: wrk
-- measures latency from the moment a request is written, so time spent waiting for a free
-- connection is not in the percentiles (coordinated omission). `schedule_lag_*` and the
-- achieved rate in the result say when that happened.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local scenario = os.getenv("BENCH_SCENARIO") or "list"
local data_dir = os.getenv("BENCH_DATA") or "."
local rate = tonumber(os.getenv("BENCH_RATE") or "0") or 0
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1") or 1
local expect = tonumber(os.getenv("BENCH_EXPECT") or "200") or 200
local tag = os.getenv("BENCH_TAG") or "run"
local out_file = os.getenv("BENCH_OUT")

local function read_lines(name, required)
  local f = io.open(data_dir .. "/" .. name, "r")
  if not f then
    if required then error("bench: missing data file " .. data_dir .. "/" .. name) end
    return {}
  end
  local lines = {}
  for line in f:lines() do
    if line ~= "" then lines[#lines + 1] = line end
  end
  f:close()
  return lines
end

-- ---- main state: setup() and done() ----

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads - 1)
end

local function json(v)
  local t = type(v)
  if t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    return string.format("%.17g", v)
  elseif t == "boolean" then
    return tostring(v)
  elseif t == "nil" then
    return "null"
  elseif t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c)
      return string.format("\\u%04x", c:byte())
    end) .. '"'
  else
    local is_array = #v > 0
    local parts = {}
    if is_array then
      for _, x in ipairs(v) do parts[#parts + 1] = json(x) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    for k, x in pairs(v) do parts[#parts + 1] = json(tostring(k)) .. ":" .. json(x) end
    return "{" .. table.concat(parts, ",") .. "}"
  end
end

function done(summary, latency, requests)
  local statuses, unexpected, sent, late, lag_sum, lag_max, exhausted = {}, 0, 0, 0, 0, 0, false
  local first_error = nil
  for _, t in ipairs(threads) do
    unexpected = unexpected + (t:get("unexpected") or 0)
    sent = sent + (t:get("counter") or 0)
    late = late + (t:get("late") or 0)
    lag_sum = lag_sum + (t:get("lag_sum") or 0)
    lag_max = math.max(lag_max, t:get("lag_max") or 0)
    exhausted = exhausted or (t:get("exhausted") or false)
    first_error = first_error or t:get("first_error")
    for code, n in pairs(t:get("statuses") or {}) do
      statuses[tostring(code)] = (statuses[tostring(code)] or 0) + n
    end
  end
  local p = {}
  for _, q in ipairs({ 50, 75, 90, 99, 99.9 }) do
    p[tostring(q)] = latency:percentile(q) / 1000.0
  end
  local e = summary.errors
  local result = {
    scenario = scenario,
    rate = rate,
    duration_s = summary.duration / 1e6,
    requests = summary.requests,
    requests_sent = sent,
    bytes = summary.bytes,
    rps = summary.requests / (summary.duration / 1e6),
    latency_ms = {
      p50 = p["50"], p75 = p["75"], p90 = p["90"], p99 = p["99"], p999 = p["99.9"],
      max = latency.max / 1000.0, mean = latency.mean / 1000.0, stdev = latency.stdev / 1000.0,
    },
    socket_errors = {
      connect = e.connect, read = e.read, write = e.write, timeout = e.timeout,
    },
    status_over_399 = e.status,
    unexpected_status = unexpected,
    statuses = statuses,
    first_error = first_error,
    schedule = { late = late, lag_max_ms = lag_max, lag_mean_ms = late > 0 and lag_sum / late or 0 },
    pairs_exhausted = exhausted,
  }
  local text = json(result)
  if out_file then
    local f = assert(io.open(out_file, "w"))
    f:write(text, "\n")
    f:close()
  else
    io.write(text, "\n")
  end
end

-- ---- thread states: init(), delay(), request(), response() ----

tid = 0            -- set by setup()
counter = 0        -- requests built by this thread
unexpected = 0     -- answers whose status is not BENCH_EXPECT
statuses = {}
first_error = nil
late, lag_sum, lag_max = 0, 0, 0
exhausted = false

local paths, tokens, ids, categories, pairs_ = {}, {}, {}, {}, {}
local commune, box = nil, nil
local idle_request = nil

function init(args)
  math.randomseed(42 + tid)
  if scenario == "create" then
    tokens = read_lines("tokens.txt", true)
    local lines = read_lines("create.txt", true)
    local c, s, w, n, e = lines[1]:match("^(%S+)%s+(%S+)%s+(%S+)%s+(%S+)%s+(%S+)")
    commune, box = c, { tonumber(s), tonumber(w), tonumber(n), tonumber(e) }
    for i = 2, #lines do categories[#categories + 1] = lines[i] end
  elseif scenario == "reply" then
    tokens = read_lines("tokens.txt", true)
    ids = read_lines("ids.txt", true)
  elseif scenario == "sign" then
    tokens = read_lines("tokens.txt", true)
    for _, line in ipairs(read_lines("pairs.txt", true)) do
      local t, pid, cin = line:match("^(%d+)%s+(%d+)%s+(%S+)")
      pairs_[#pairs_ + 1] = { tonumber(t), pid, cin }
    end
  else
    paths = read_lines("paths.txt", true)
  end
  idle_request = wrk.format("GET", "/health/live")
end

if rate > 0 then
  local interval = nthreads * 1000.0 / rate
  local next_slot = nil
  function delay()
    local t = now_ms()
    if next_slot == nil then next_slot = t end
    local d = next_slot - t
    next_slot = next_slot + interval
    if d < 0 then
      if d < -1 then
        late = late + 1
        lag_sum = lag_sum - d
        if -d > lag_max then lag_max = -d end
      end
      return 0
    end
    return math.floor(d)
  end
end

local function json_headers(token)
  return { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

-- Words only, numbers kept short and apart: the server holds a text with something that looks
-- like a phone number or a CIN for moderation, which is not what this bench measures.
local words_fr = { "lampadaire", "trottoir", "caniveau", "poubelles", "chaussée", "jardin" }
local words_ar = { "الإنارة", "الرصيف", "النفايات", "الطريق", "الحديقة", "المجاري" }

function request()
  counter = counter + 1
  local n = counter
  if scenario == "create" then
    local token = tokens[((n - 1) * nthreads + tid) % #tokens + 1]
    local category = categories[math.random(#categories)]
    local lat = box[1] + (box[3] - box[1]) * math.random()
    local lon = box[2] + (box[4] - box[2]) * math.random()
    local w = words_fr[math.random(#words_fr)]
    local a = words_ar[math.random(#words_ar)]
    local body = string.format(
      '{"commune":"%s","category":"%s","title":"Banc d\'essai %s %s fil %d essai %d",' ..
      '"description":"Description de charge %s pour %s (%s), fil %d, essai %d, pas de données personnelles.",' ..
      '"location":{"lat":%.6f,"lon":%.6f}}',
      commune, category, w, tag, tid, n, tag, w, a, tid, n, lat, lon)
    return wrk.format("POST", "/api/v1/issues", json_headers(token), body)
  elseif scenario == "reply" then
    local token = tokens[((n - 1) * nthreads + tid) % #tokens + 1]
    local id = ids[math.random(#ids)]
    local body = string.format(
      '{"body":"Réponse de charge %s, fil %d, essai %d : %s %s."}',
      tag, tid, n, words_fr[math.random(#words_fr)], words_ar[math.random(#words_ar)])
    return wrk.format("POST", "/api/v1/issues/" .. id .. "/replies", json_headers(token), body)
  elseif scenario == "sign" then
    -- thread tid uses lines tid+1, tid+1+threads, …: no (user, petition) pair twice.
    local k = (n - 1) * nthreads + tid + 1
    local pair = pairs_[k]
    if pair == nil then
      exhausted = true
      wrk.thread:stop()
      return idle_request
    end
    local token = tokens[pair[1] + 1]
    local body = string.format(
      '{"full_name":"Signataire de charge","cin":"%s","address":"Rue de l\'essai, Tanger",' ..
      '"declarations":{"lives_or_works_in_commune":true,"on_electoral_roll":true,' ..
      '"direct_interest":true},"consent":true,"show_name":false}', pair[3])
    return wrk.format("POST", "/api/v1/petitions/" .. pair[2] .. "/signatures",
      json_headers(token), body)
  elseif scenario == "thread" or scenario == "issue_page" then
    return wrk.format("GET", paths[math.random(#paths)])
  else
    -- several paths (search words): taken in turn
    return wrk.format("GET", paths[(n - 1) % #paths + 1])
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= expect then
    unexpected = unexpected + 1
    if first_error == nil then
      first_error = tostring(status) .. " " .. string.sub(body or "", 1, 300)
    end
  end
end
