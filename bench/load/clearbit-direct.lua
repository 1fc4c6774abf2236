-- One Clearbit lookup per request straight at the simulator (it keeps no cache): the provider's own latency under load.
local counter = 0
function request()
  counter = counter + 1
  return wrk.format("GET", string.format("/v2/combined/find?email=load.%d@unknown.example", counter), { ["Authorization"] = "Bearer sk_sandbox_clearbit" })
end

-- A gateway asking two providers at once answers when the slower of the two has: for two independent draws,
-- P(max <= x) = F(x)^2, so the slower-of-two's p50 is this distribution's p70.71 and its p99 is p99.499.
function done(summary, latency, requests)
  io.write(string.format("provider p50 %.2f p99 %.2f slower-of-two p50 %.2f p99 %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(70.71) / 1000, latency:percentile(99.499) / 1000))
end
