-- Checks out one unit of a random listing per request, each with its own Idempotency-Key,
-- and prints a JSON summary. ITEMS_FILE: one "item_id price" per line; CHECKOUT_PATH: where
-- to post (the API's `/api/v1/checkout` unless set, the bare baseline's `/checkout`).
local items = {}
local threads = 0
local sent = 0

setup = function(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

init = function(args)
  for line in io.lines(os.getenv("ITEMS_FILE")) do
    local id, price = line:match("^(%S+) (%d+)$")
    items[#items + 1] = { id = id, price = price }
  end
  math.randomseed(os.time() + thread_id * 7919)
  run_id = os.getenv("RUN_ID")
  token = os.getenv("BEARER_TOKEN")
  path = os.getenv("CHECKOUT_PATH") or "/api/v1/checkout"
end

request = function()
  sent = sent + 1
  local item = items[math.random(#items)]
  local body = string.format(
    '{"lines":[{"item_id":"%s","quantity":1,"unit_price":{"amount":%s,"currency":"EUR"}}],'
      .. '"shipping_address":{"name":"Bench Buyer","line1":"1 Rue du Banc",'
      .. '"postal_code":"75001","city":"Paris","country_code":"FR"},'
      .. '"payment_method":"4242 4242 4242 4242"}',
    item.id, item.price)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run_id, thread_id, sent),
  }
  return wrk.format("POST", path, headers, body)
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
