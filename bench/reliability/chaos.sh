#!/usr/bin/env bash
# Provider chaos (issue: operations and proof): a Release `serve` against the simulators (`tributary sandbox`, their own
# process); every 2 s each provider gets a new fault drawn at random, none with probability 0.7, else one of hang, 5xx,
# 429 with Retry-After, malformed JSON and connection reset, so about 30 % of provider calls meet a fault over the run.
# Load: POST /v1/enrich paced at RATE per second (half cached, half new). Pass: 0 non-200, every body a complete flat
# profile, p99 ≤ Enrichment:TimeoutMs (800) + 15 ms. Bounded: stops after SECONDS; loopback only.
# Usage: bench/reliability/chaos.sh [seconds=300] [rate=200]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-300}
rate=${2:-200}
connections=40
pace=$(( connections * 1000 / rate ))
out=$(mktemp -d)
port=18090
base="http://127.0.0.1:$port"
cleanup() { kill "${serve_pid:-}" "${sandbox_pid:-}" "${chaos_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is required: apt-get install wrk" >&2; exit 2; }

dotnet build src/Tributary -c Release -v q -nologo >/dev/null
bin="$PWD/src/Tributary/bin/Release/net10.0/tributary.dll"
dotnet "$bin" sandbox >"$out/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 200); do grep -q '^peopledatalabs ' "$out/sandbox.log" 2>/dev/null && break; sleep 0.1; done
url() { awk -v p="$1" '$1 == p {print $2}' "$out/sandbox.log"; }
declare -A sims=([clearbit]=$(url clearbit) [zoominfo]=$(url zoominfo) [apollo]=$(url apollo) [hunter]=$(url hunter) [peopledatalabs]=$(url peopledatalabs))

(cd "$out" && Providers__Clearbit__ApiKey=sk_sandbox_clearbit Providers__Clearbit__BaseUrl=${sims[clearbit]} \
  Providers__ZoomInfo__Username=sandbox Providers__ZoomInfo__Password=sandbox Providers__ZoomInfo__BaseUrl=${sims[zoominfo]} \
  Providers__Apollo__ApiKey=apollo_sandbox Providers__Apollo__BaseUrl=${sims[apollo]} \
  Providers__Hunter__ApiKey=hunter_sandbox Providers__Hunter__BaseUrl=${sims[hunter]} \
  Providers__PeopleDataLabs__ApiKey=pdl_sandbox Providers__PeopleDataLabs__BaseUrl=${sims[peopledatalabs]} \
  Gateway__QuotaPerMinute=10000000 Logging__LogLevel__Default=Warning \
  exec env $(for p in Clearbit ZoomInfo Apollo Hunter PeopleDataLabs; do printf 'Providers__%s__RateLimit__PerMinute=1000000 ' $p; done) \
  dotnet "$bin" serve --urls "$base" >"$out/serve.log" 2>&1) &
serve_pid=$!
for _ in $(seq 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "$base/healthz" >/dev/null || { echo "serve did not start:" >&2; cat "$out/serve.log" >&2; exit 1; }
for sim in "${sims[@]}"; do curl -s -o /dev/null -X POST "$sim/__sim/faults" -H 'Content-Type: application/json' -d '{"latencyMs":50,"perMinuteLimit":100000000}'; done

# The chaos: a new fault per provider every 2 s, until the run ends.
faults=('{"hang":true}' '{"failStatus":503}' '{"tooManyRequests":true,"retryAfterSeconds":1}' '{"malformedJson":true}' '{"connectionReset":true}')
(
  end=$((SECONDS + secs + 5))
  while [ $SECONDS -lt $end ]; do
    for sim in "${sims[@]}"; do
      if [ $((RANDOM % 100)) -lt 30 ]; then fault=${faults[$((RANDOM % 5))]}; else fault='{}'; fi
      body=$(sed 's/}$//' <<<"$fault"); [ "$body" = "{" ] && body='{"latencyMs":50' || body="$body,\"latencyMs\":50"
      curl -s -o /dev/null -X POST "$sim/__sim/faults" -H 'Content-Type: application/json' -d "$body,\"perMinuteLimit\":100000000}"
    done
    sleep 2
  done
) &
chaos_pid=$!

echo "chaos: ${secs}s at ${rate} req/s (${connections} connections pacing ${pace} ms), ~30 % of provider calls faulted"
wrk -t2 -c"$connections" -d"${secs}s" --latency -s bench/reliability/chaos.lua "$base" -- "$pace" >"$out/wrk.txt"
grep -E 'Requests/sec|Socket errors|Non-2xx' "$out/wrk.txt" | sed 's/^/   /' || true
result=$(grep '^CHAOS' "$out/wrk.txt")
echo "   $result"
read -r answers non200 incomplete p99 <<<"$(sed -E 's/.*answers=([0-9]+) non200=([0-9]+) incomplete=([0-9]+).*p99_ms=([0-9.]+).*/\1 \2 \3 \4/' <<<"$result")"
budget=$(( 800 + 15 ))
if [ "$non200" -eq 0 ] && [ "$incomplete" -eq 0 ] && awk -v p="$p99" -v b="$budget" 'BEGIN { exit !(p <= b) }'; then
  echo "PASS: $answers answers, 0 non-200, every body a complete flat profile, p99 ${p99} ms <= ${budget} ms"
else
  echo "FAIL: non-200 $non200, incomplete $incomplete, p99 ${p99} ms (budget ${budget} ms)"
  exit 1
fi
