#!/usr/bin/env bash
# Soak (issue: operations and proof): a Release `serve` against the simulators (`tributary sandbox`, 50 ms), a steady
# paced load mixing cached and uncached /v1/enrich for MINUTES; samples the gateway's RSS every 30 s and reads the
# runtime's GC figures from /metrics at the start and the end. Pass: 0 errors, RSS growth after warm-up < 10 %.
# Warm-up is the first WARMUP minutes (default 10): the bounded in-process cache fills with the run's new subjects
# (about 45 a second, two entries each) in about 4 minutes when it holds CACHE_ENTRIES (default 20,000; the product's
# default is 100,000, which this rate fills in about 17 minutes), and each pooled SQLite connection's page cache (up to
# 2 MB) fills as the file grows, which a first run showed taking until about minute 8.
# Usage: [WARMUP=10] [CACHE_ENTRIES=20000] bench/reliability/soak.sh [minutes=30] [rate=100]
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-30}
rate=${2:-100}
warmup=${WARMUP:-10}
cache_entries=${CACHE_ENTRIES:-20000}
connections=20
pace=$(( connections * 1000 / rate ))
out=$(mktemp -d)
port=18095
base="http://127.0.0.1:$port"
cleanup() { kill "${serve_pid:-}" "${sandbox_pid:-}" "${wrk_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is required: apt-get install wrk" >&2; exit 2; }

dotnet build src/Tributary -c Release -v q -nologo >/dev/null
bin="$PWD/src/Tributary/bin/Release/net10.0/tributary.dll"
dotnet "$bin" sandbox >"$out/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 200); do grep -q '^peopledatalabs ' "$out/sandbox.log" 2>/dev/null && break; sleep 0.1; done
url() { awk -v p="$1" '$1 == p {print $2}' "$out/sandbox.log"; }
(cd "$out" && Providers__Clearbit__ApiKey=sk_sandbox_clearbit Providers__Clearbit__BaseUrl=$(url clearbit) \
  Providers__ZoomInfo__Username=sandbox Providers__ZoomInfo__Password=sandbox Providers__ZoomInfo__BaseUrl=$(url zoominfo) \
  Gateway__QuotaPerMinute=10000000 Cache__MaxEntries=$cache_entries Logging__LogLevel__Default=Warning \
  exec env Providers__Clearbit__RateLimit__PerMinute=1000000 Providers__ZoomInfo__RateLimit__PerMinute=1000000 \
  dotnet "$bin" serve --urls "$base" >"$out/serve.log" 2>&1) &
serve_pid=$!
for _ in $(seq 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "$base/healthz" >/dev/null || { echo "serve did not start:" >&2; cat "$out/serve.log" >&2; exit 1; }
for p in clearbit zoominfo; do curl -s -o /dev/null -X POST "$(url $p)/__sim/faults" -H 'Content-Type: application/json' -d '{"latencyMs":50,"perMinuteLimit":100000000}'; done

pid=$(pgrep -f "tributary.dll serve --urls $base" | head -1)
rss() { awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$pid/status"; }
gc() { curl -s "$base/metrics" | grep -E '^dotnet_gc_(pause_time_seconds_total|collections_total)' | sed -E 's/\{otel_scope_name="System.Runtime",?/{/; s/\{\}//' | tr '\n' ' '; }
echo "soak: ${minutes} min at ~${rate} req/s (half cached), Cache:MaxEntries $cache_entries, warm-up $warmup min, gateway pid $pid"
echo "GC at start: $(gc)"
wrk -t2 -c"$connections" -d"$((minutes * 60))s" --latency -s bench/reliability/chaos.lua "$base" -- "$pace" >"$out/wrk.txt" &
wrk_pid=$!
samples=()
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep 30
  kill -0 "$wrk_pid" 2>/dev/null || break
  samples+=("$(rss)")
  echo "  $(date +%H:%M:%S) RSS ${samples[-1]} MB"
done
wait "$wrk_pid" || true
echo "GC at end:   $(gc)"
result=$(grep '^CHAOS' "$out/wrk.txt")
echo "   $result"
read -r answers non200 incomplete <<<"$(sed -E 's/.*answers=([0-9]+) non200=([0-9]+) incomplete=([0-9]+).*/\1 \2 \3/' <<<"$result")"
# Samples are 30 s apart: the one at the end of the warm-up is the baseline.
baseline=$(( warmup * 2 - 1 )); [ "$baseline" -lt "${#samples[@]}" ] || baseline=0
first=${samples[$baseline]}; last=${samples[-1]}
peak=$(printf '%s\n' "${samples[@]:$baseline}" | sort -n | tail -1)
growth=$(awk -v a="$first" -v b="$last" 'BEGIN { printf "%.1f", 100 * (b - a) / a }')
echo "RSS after warm-up ${first} MB, at the end ${last} MB (peak since warm-up ${peak} MB): ${growth} % growth"
if [ "$non200" -eq 0 ] && [ "$incomplete" -eq 0 ] && awk -v g="$growth" 'BEGIN { exit !(g < 10) }'; then
  echo "PASS: $answers answers, 0 errors, RSS growth ${growth} % < 10 %"
else
  echo "FAIL: non-200 $non200, incomplete $incomplete, RSS growth ${growth} %"
  exit 1
fi
