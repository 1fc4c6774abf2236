-- wrk script for bench/reliability/chaos.sh: POSTs /v1/enrich, half for one known person (cached after the first),
-- half for new addresses (every provider asked), paced: each connection waits `pace` ms between its requests (wrk's
-- delay()), so the aggregate rate is about connections × 1000 / pace. Counts answers that are not 200, and 200s whose
-- body is not a complete flat profile.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  pace = tonumber(args[1]) or 100
  non200, incomplete = 0, 0
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local body = '{"email":"jane.doe@acme.com"}'
  if math.random() < 0.5 then
    body = string.format('{"email":"chaos.%d.%d@example.org"}', math.random(1, 1000000000), math.random(1, 1000000000))
  end
  return wrk.format("POST", "/v1/enrich", {["Content-Type"] = "application/json"}, body)
end

function delay()
  return pace
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  elseif not (string.sub(body, 1, 1) == "{" and string.sub(body, -1) == "}"
      and string.find(body, '"providers":', 1, true) and string.find(body, '"partial":', 1, true)) then
    incomplete = incomplete + 1
  end
end

function done(summary, latency, requests)
  local bad, broken = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non200")
    broken = broken + thread:get("incomplete")
  end
  io.write(string.format("CHAOS answers=%d non200=%d incomplete=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, bad, broken, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
