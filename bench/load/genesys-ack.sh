#!/usr/bin/env bash
# /webhooks/genesys acknowledgement latency with the gateway in a process of its own (issue: contact center, target
# p99 <= 5 ms at 200 events/s): a Release `serve` on a SQLite file, the simulators in another process (`tributary
# sandbox`, providers at 50 ms), wrk sending customer.start envelopes (each a new event id and a new caller) at about
# RATE a second over 20 connections. A warm-up of WARMUP seconds (not measured) first: a fresh process compiles its
# webhook path and opens its store's first connections on its first requests. The gateway enriches each caller and
# writes the conversation's attributes behind the acknowledgement (the simulator answers 404 for conversations it does
# not know, which ends an event quietly).
# Usage: [WARMUP=5] bench/load/genesys-ack.sh [seconds=20] [rate=200]
# Bounded: wrk runs for fixed times; everything started here is stopped on exit. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-20}
rate=${2:-200}
warmup=${WARMUP:-5}
connections=20
pace=$(( connections * 1000 / rate ))
command -v wrk >/dev/null || { echo "wrk is required: apt-get install wrk" >&2; exit 2; }
out=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

source bench/sandbox.sh
for p in clearbit zoominfo peopledatalabs; do
  url=$(sim_url $p)
  curl -sf -o /dev/null -X POST "${url%/v5}/__sim/faults" -H 'Content-Type: application/json' -d '{"latencyMs":50,"perMinuteLimit":100000000}'
done
export Providers__Clearbit__ApiKey=sk_sandbox_clearbit Providers__Clearbit__BaseUrl=$(sim_url clearbit)
export Providers__ZoomInfo__Username=sandbox Providers__ZoomInfo__Password=sandbox Providers__ZoomInfo__BaseUrl=$(sim_url zoominfo)
export Providers__PeopleDataLabs__ApiKey=pdl_sandbox Providers__PeopleDataLabs__BaseUrl=$(sim_url peopledatalabs)
for p in Clearbit ZoomInfo PeopleDataLabs; do export "Providers__${p}__RateLimit__PerMinute=1000000"; done
export Genesys__ClientId=sandbox-genesys-client Genesys__ClientSecret=sandbox-genesys-secret
export Genesys__BaseUrl=$(sim_url genesys) Genesys__LoginUrl=$(sim_url genesys) Genesys__WebhookSecret=genesys-bench-secret
export Gateway__QuotaPerMinute=10000000 Logging__LogLevel__Default=Warning
port=18330
base="http://127.0.0.1:$port"
(cd "$out" && exec dotnet "$bin" serve --urls "$base" >"$out/serve.log" 2>&1) &
pids+=($!)
for _ in $(seq 600); do curl -sf -o /dev/null "$base/healthz" && break; sleep 0.1; done
curl -sf -o /dev/null "$base/healthz" || { echo "serve did not start:" >&2; cat "$out/serve.log" >&2; exit 1; }

echo "genesys-ack: ${warmup} s warm-up, then ${secs} s at ~${rate} events/s over $connections connections"
wrk -t2 -c"$connections" -d"${warmup}s" -s bench/load/genesys-ack.lua "$base" -- "$pace" warm >/dev/null
sleep 2
gc() { curl -s "$base/metrics" | awk '/^dotnet_gc_pause_time_seconds_total/{p=$2} /^dotnet_gc_collections_total/{c+=$2} END{printf "%s %d", p, c}'; }
exceptions() { curl -s "$base/metrics" | awk -F'error_type="' '/^dotnet_exceptions_total/{split($2, t, "\""); n=split($0, f, " "); print t[1], f[n]}'; }
read -r p0 c0 <<<"$(gc)"
exceptions >"$out/exceptions-before"
wrk -t2 -c"$connections" -d"${secs}s" --latency -s bench/load/genesys-ack.lua "$base" -- "$pace" run | grep '^GENESYS'
read -r p1 c1 <<<"$(gc)"
exceptions >"$out/exceptions-after"
echo "exceptions while measured: $(awk 'FILENAME == ARGV[1] {b[$1]=$2; next} $2-b[$1] > 0 {printf "%s %d; ", $1, $2-b[$1]; n++} END {if (!n) printf "none"}' "$out/exceptions-before" "$out/exceptions-after")"
awk -v p="$p1" -v q="$p0" -v c=$((c1 - c0)) 'BEGIN { printf "GC while measured: %d collections, %.1f ms paused, %.2f ms each\n", c, (p-q)*1000, c ? (p-q)*1000/c : 0 }'
pid=$(pgrep -f "tributary.dll serve --urls $base" | head -1)
echo "gateway process: $(awk '{printf "%.1f s of CPU", ($14 + $15) / 100}' "/proc/$pid/stat")"
