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

dotnet build src/Tributary -c Release -v q -nologo >/dev/null
bin=src/Tributary/bin/Release/net10.0/tributary.dll

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
  (cd "$out" && Providers__Clearbit__ApiKey=sk_sandbox_clearbit Providers__Clearbit__BaseUrl=$clearbit \
    Providers__Clearbit__RateLimit__PerMinute=1000000 \
    Providers__ZoomInfo__Username=sandbox Providers__ZoomInfo__Password=sandbox Providers__ZoomInfo__BaseUrl=$zoominfo \
    Providers__ZoomInfo__RateLimit__PerMinute=1000000 Gateway__QuotaPerMinute=10000000 Logging__LogLevel__Default=Warning \
    exec dotnet "$OLDPWD/$bin" serve --urls "$base" >"$out/serve.log" 2>&1) &
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
# as 50 gateway connections asking two providers make), so the gateway's latency is read as a ratio to it.
percentile_ms() { # file percentile -> milliseconds
  awk -v p="$2%" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' "$1"
}
wrk -t2 -c100 -d"${secs}s" --latency -s bench/load/clearbit-direct.lua "$clearbit" >"$out/provider.txt"
echo "== the Clearbit simulator alone (50 ms), 100 connections, ${secs}s: p50 $(percentile_ms "$out/provider.txt" 50) ms, p99 $(percentile_ms "$out/provider.txt" 99) ms"
run uncached-50 50 unique-emails.lua
awk -v g50="$(percentile_ms "$out/uncached-50.txt" 50)" -v g99="$(percentile_ms "$out/uncached-50.txt" 99)" \
    -v p50="$(percentile_ms "$out/provider.txt" 50)" -v p99="$(percentile_ms "$out/provider.txt" 99)" \
    'BEGIN { printf "   gateway / provider alone: p50 %.3f x, p99 %.3f x (one provider'"'"'s latency: the slower of two is higher still)\n", g50 / p50, g99 / p99 }'
run uncached-200 200 unique-emails.lua
run cached-32 32 same-email.lua
echo "   RSS after the load so far: $(rss_mb) MB"

# Load generator alone against a trivial endpoint, for what wrk itself costs on the same two cores.
wrk -t2 -c32 -d5s "$base/healthz" | grep 'Requests/sec' | sed 's/^/   wrk against \/healthz: /'

faults "$clearbit" '{"hang":true}'
run one-provider-hanging-50 50 count-partial.lua
echo "   RSS at the end: $(rss_mb) MB"
