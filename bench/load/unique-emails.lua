-- Every request a subject nobody has looked up before: the cache cannot help, every provider is called.
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
end

function request()
  counter = counter + 1
  local body = string.format('{"email":"load.%s.%d@unknown-%d.example"}', prefix, counter, counter % 997)
  return wrk.format("POST", "/v1/enrich", { ["Content-Type"] = "application/json" }, body)
end
