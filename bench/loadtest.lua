-- wrk script for `make loadtest`: cycles through a mix of pages and API calls.
-- The paths come from the file named by the LOADTEST_PATHS environment variable
-- (one path per line); each connection starts at a different point of the list.
-- At the end it prints one JSON line with latency percentiles and status counts.

local paths = {}
for line in io.lines(os.getenv("LOADTEST_PATHS")) do
  if #line > 0 then
    paths[#paths + 1] = line
  end
end

local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7)
  table.insert(threads, thread)
end

function init(args)
  i = offset
  server_errors = 0
  client_errors = 0
  cache_hits = 0
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

function response(status, headers, body)
  -- Readers' pages and anonymous API reads say whether the cache served them
  -- (positions/views/page_cache.py, positions/api/response_cache.py).
  local page = headers["X-Standpoint-Page-Cache"] or headers["x-standpoint-page-cache"]
  local api = headers["X-Standpoint-API-Cache"] or headers["x-standpoint-api-cache"]
  if page == "hit" or api == "hit" then
    cache_hits = cache_hits + 1
  end
  if status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    client_errors = client_errors + 1
  end
end

function done(summary, latency, requests)
  local server, client, hits = 0, 0, 0
  for _, thread in ipairs(threads) do
    server = server + thread:get("server_errors")
    client = client + thread:get("client_errors")
    hits = hits + thread:get("cache_hits")
  end
  local e = summary.errors
  io.write(string.format(
    'LOADTEST {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"latency_ms": {"p50": %.3f, "p95": %.3f, "p99": %.3f, "max": %.3f, "mean": %.3f}, '
      .. '"status_5xx": %d, "status_4xx": %d, "non_2xx_3xx": %d, "cache_hits": %d, '
      .. '"socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    server, client, e.status, hits, e.connect, e.read, e.write, e.timeout))
end
