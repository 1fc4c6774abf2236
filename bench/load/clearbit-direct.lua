-- One Clearbit lookup per request straight at the simulator (it keeps no cache): the provider's own latency under load.
local counter = 0
function request()
  counter = counter + 1
  return wrk.format("GET", string.format("/v2/combined/find?email=load.%d@unknown.example", counter), { ["Authorization"] = "Bearer sk_sandbox_clearbit" })
end
