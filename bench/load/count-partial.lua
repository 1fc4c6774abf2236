-- Unique subjects, and a count of answers that were not 200 or not partial (expected: none, with one provider hanging).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  -- A fresh seed per run and thread: otherwise every wrk run repeats the same "new" emails, and finds them cached.
  math.randomseed(os.time() * 100 + id)
  prefix = string.format("t%d-%d", id, math.random(1, 1000000000))
  not_ok = 0
  not_partial = 0
end

function request()
  counter = counter + 1
  local body = string.format('{"email":"hang.%s.%d@unknown-%d.example"}', prefix, counter, counter % 997)
  return wrk.format("POST", "/v1/enrich", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  elseif not string.find(body, '"partial":true', 1, true) then
    not_partial = not_partial + 1
  end
end

function done(summary, latency, requests)
  local bad, whole = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_ok")
    whole = whole + thread:get("not_partial")
  end
  io.write(string.format("non-200 answers: %d, 200 answers without partial=true: %d\n", bad, whole))
end
