#!/usr/bin/env bash
# The gateway's end-to-end figures (issue: the gateway): a Release `tributary serve` against the provider simulators
# (run as `tributary sandbox` in their own process), loaded with wrk on loopback. Bounded runs; everything stops itself.
# Usage: bench/load/gateway-load.sh [seconds-per-run=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-20}
out=$(mktemp -d)
port=18080
base="http://127.0.0.1:$port"
cleanup() { kill "${serve_pid:-}" "${sandbox_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is required: apt-get install wrk" >&2; exit 2; }

# TRIBUTARY_BIN=path/to/tributary.dll runs that build instead (A/B runs of two builds).
if [ -n "${TRIBUTARY_BIN:-}" ]; then
  bin="$TRIBUTARY_BIN"
else
  dotnet build src/Tributary -c Release -v q -nologo >/dev/null
  bin=$PWD/src/Tributary/bin/Release/net10.0/tributary.dll
fi

# The simulators, in their own process so the gateway's CPU time is its own.
dotnet "$bin" sandbox >"$out/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 100); do grep -q '^zoominfo ' "$out/sandbox.log" 2>/dev/null && break; sleep 0.1; done
clearbit=$(awk '/^clearbit /{print $2}' "$out/sandbox.log")
zoominfo=$(awk '/^zoominfo /{print $2}' "$out/sandbox.log")
faults() { curl -s -o /dev/null -X POST "$1/__sim/faults" -H 'Content-Type: application/json' -d "$2"; }

start_gateway() {
  rm -f "$out"/tributary.db*
  local started=$(date +%s%N)
  # With ONE_PROVIDER set, ZoomInfo is switched off: Clearbit is then the only provider asked.
  local zoominfo_enabled=$([ -n "${ONE_PROVIDER:-}" ] && echo false || echo true)
  (cd "$out" && Providers__Clearbit__ApiKey=sk_sandbox_clearbit Providers__Clearbit__BaseUrl=$clearbit \
    Providers__Clearbit__RateLimit__PerMinute=1000000 \
    Providers__ZoomInfo__Username=sandbox Providers__ZoomInfo__Password=sandbox Providers__ZoomInfo__BaseUrl=$zoominfo \
    Providers__ZoomInfo__Enabled=$zoominfo_enabled \
    Providers__ZoomInfo__RateLimit__PerMinute=1000000 Gateway__QuotaPerMinute=10000000 Logging__LogLevel__Default=Warning \
    exec dotnet "$bin" serve --urls "$base" >"$out/serve.log" 2>&1) &
  serve_pid=$!
  until curl -sf "$base/healthz" >/dev/null; do
    kill -0 "$serve_pid" 2>/dev/null || { cat "$out/serve.log" >&2; exit 1; }
    sleep 0.01
  done
  echo "serve ready (healthz 200) after $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$(pgrep -f "tributary.dll serve" | head -1)/stat"; }
rss_mb() { awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$(pgrep -f "tributary.dll serve" | head -1)/status"; }

run() { # name connections script
  local name=$1 conns=$2 script=$3
  local before=$(cpu_ticks)
  wrk -t2 -c"$conns" -d"${secs}s" --latency -s "bench/load/$script" "$base" >"$out/$name.txt"
  local after=$(cpu_ticks)
  local requests=$(awk '/requests in/{print $1}' "$out/$name.txt")
  echo "== $name: $conns connections, ${secs}s"
  grep -E 'Requests/sec|^ +50%|^ +99%|non-200|Non-2xx|Socket errors' "$out/$name.txt" | sed 's/^/   /'
  awk -v t=$((after - before)) -v n="$requests" 'BEGIN { printf "   gateway CPU: %.1f s for %d requests = %.3f CPU-ms per request\n", t/100, n, (t*10)/n }'
}

start_gateway
faults "$clearbit" '{"latencyMs":50,"perMinuteLimit":100000000}'
faults "$zoominfo" '{"latencyMs":50,"perMinuteLimit":100000000}'
curl -s -X POST "$base/v1/enrich" -d '{"email":"jane.doe@acme.com"}' >/dev/null
# Warm-up (JIT, tiered compilation, connection pools), not measured.
wrk -t2 -c50 -d10s -s bench/load/unique-emails.lua "$base" >/dev/null

# The provider alone on this machine: the simulator's 50 ms as it is delivered under the same load (100 calls at once,
# as 50 gateway connections asking two providers make), so the gateway's latency is read as a ratio to it. The gateway
# waits for the slower of its two providers, so it is compared with that too (clearbit-direct.lua says how).
percentile_ms() { # file percentile -> milliseconds
  awk -v p="$2%" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' "$1"
}
# provider.txt's last line: "provider p50 A p99 B slower-of-two p50 C p99 D"; field 3 is A, 5 B, 8 C, 10 D.
provider_field() { awk -v n="$1" '/^provider p50/ { print $n }' "$out/provider.txt"; }
wrk -t2 -c100 -d"${secs}s" --latency -s bench/load/clearbit-direct.lua "$clearbit" >"$out/provider.txt"
echo "== the Clearbit simulator alone (50 ms), 100 connections, ${secs}s"
grep '^provider p50' "$out/provider.txt" | sed 's/^/   /'
run uncached-50 50 unique-emails.lua
ratios() { # gateway-run provider-p50 provider-p99 label
  awk -v g50="$(percentile_ms "$out/$1.txt" 50)" -v g99="$(percentile_ms "$out/$1.txt" 99)" -v p50="$2" -v p99="$3" -v l="$4" \
    'BEGIN { printf "   gateway / %s: p50 %.3f x, p99 %.3f x\n", l, g50 / p50, g99 / p99 }'
}
ratios uncached-50 "$(provider_field 3)" "$(provider_field 5)" "one provider alone"
ratios uncached-50 "$(provider_field 8)" "$(provider_field 10)" "the slower of two providers alone"
run uncached-200 200 unique-emails.lua
run cached-32 32 same-email.lua
echo "   RSS after the load so far: $(rss_mb) MB"

# Load generator alone against a trivial endpoint, for what wrk itself costs on the same two cores.
wrk -t2 -c32 -d5s "$base/healthz" | grep 'Requests/sec' | sed 's/^/   wrk against \/healthz: /'

faults "$clearbit" '{"hang":true}'
run one-provider-hanging-50 50 count-partial.lua
echo "   RSS at the end: $(rss_mb) MB"

# The gateway with Clearbit alone, 100 connections: the same 100 provider calls at once as the simulator alone above,
# so the ratio is the gateway's own share of a request's latency, without waiting for a second provider.
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
faults "$clearbit" '{"latencyMs":50,"perMinuteLimit":100000000}'
ONE_PROVIDER=1 start_gateway
wrk -t2 -c100 -d10s -s bench/load/unique-emails.lua "$base" >/dev/null
run uncached-one-provider-100 100 unique-emails.lua
ratios uncached-one-provider-100 "$(provider_field 3)" "$(provider_field 5)" "the provider alone"
