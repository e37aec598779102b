-- Requests BENCH_PATH over and over, as BEARER_TOKEN's member when it is set, and prints
-- the same JSON summary as random_paths.lua.
local path = os.getenv("BENCH_PATH")
local headers = {}

init = function(args)
  local token = os.getenv("BEARER_TOKEN")
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
end

request = function()
  return wrk.format("GET", path, headers)
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "duration_s": %.3f, "rps": %.1f, "errors": %d, '
      .. '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
