-- wrk script for bench/load/genesys-ack.sh: POSTs Genesys customer.start envelopes to /webhooks/genesys, each with an
-- id of its own (no duplicates) and a new caller's number, paced: each connection waits `pace` ms between its
-- requests, so the aggregate rate is about connections × 1000 / pace. Counts answers that are not 202.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  pace = tonumber(args[1]) or 100
  run = args[2] or "run"
  not202 = 0
end

function request()
  counter = counter + 1
  local event = string.format("%s-%d-%d", run, id, counter)
  local body = string.format(
    '{"id":"%s","detail-type":"v2.detail.events.conversation.{id}.customer.start","detail":{"eventBody":' ..
    '{"direction":"INBOUND","conversationId":"%s","participantId":"p-%s","ani":"tel:+1415%07d"}}}',
    event, event, event, (id * 1000000 + counter) % 10000000)
  return wrk.format("POST", "/webhooks/genesys",
    {["Content-Type"] = "application/json", ["X-Webhook-Secret"] = "genesys-bench-secret"}, body)
end

function delay()
  return pace
end

function response(status, headers, body)
  if status ~= 202 then
    not202 = not202 + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not202")
  end
  io.write(string.format("GENESYS answers=%d not202=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, bad, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
