#!/usr/bin/env bash
# Issue 13's quota figures: three batch processes (`tributary enrich FILE`) and one gateway on one Redis, sharing a
# Clearbit account that the simulator (its own process) holds to R requests a minute.
#   1. real-time p99 of /v1/enrich (new subjects, so each needs a provider call) before the backfill;
#   2. achieved rate of the three batch processes together over two whole minutes, as a ratio of R, and the 429s;
#   3. real-time p99 again while the backfill runs on the same quota, at the same CPU priority as the gateway;
#   4. and once more after the backfill's threads are reniced to 10, as the shipped worker unit runs them (Nice=10).
# Takes about 7 minutes.
# Usage: REDIS=127.0.0.1:6379 bench/scaleout/shared-quota.sh [R=600]
# Bounded: each phase has a fixed length; everything started here is stopped on exit. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:-600}
redis=${REDIS:-${TRIBUTARY_TEST_REDIS:-}}
[ -n "$redis" ] || { echo "error: set REDIS to a Redis connection string (host:port)" >&2; exit 2; }
out=$(mktemp -d)
prefix="bench-$(date +%s):"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

source bench/sandbox.sh
clearbit=$(sim_url clearbit)
curl -sf -X POST "$clearbit/__sim/faults" -H 'Content-Type: application/json' -d "{\"perMinuteLimit\":$rate}" >/dev/null
calls() { sim_calls "$clearbit"; }
throttled() { sim_answers "$clearbit" 429; }

export Providers__Clearbit__ApiKey=sk_sandbox_clearbit Providers__Clearbit__BaseUrl=$clearbit
export Providers__Clearbit__RateLimit__PerMinute=$rate Cache__Redis=$redis Cache__RedisPrefix=$prefix
export Privacy__Pepper=bench-pepper-shared-by-every-process Logging__LogLevel__Default=Warning Gateway__QuotaPerMinute=1000000

port=18300
(cd "$out" && mkdir gw && cd gw && exec dotnet "$bin" serve --urls "http://127.0.0.1:$port" >"$out/serve.log" 2>&1) &
pids+=($!)
for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" || { cat "$out/serve.log" >&2; exit 1; }

# One real-time request every 250 ms for about a minute, each for a new subject; prints p50 and p99 in ms.
realtime() { # label
  local samples="$out/$1.ms"
  : >"$samples"
  for i in $(seq 240); do
    curl -s -o /dev/null -w '%{time_total}\n' -X POST "http://127.0.0.1:$port/v1/enrich" \
      -H 'Content-Type: application/json' -d "{\"email\":\"rt$i.$1.$RANDOM@rt$i-$1.example\"}" | awk '{printf "%.1f\n", $1*1000}' >>"$samples"
    sleep 0.25
  done
  sort -n "$samples" | awk -v label="$1" '{v[NR]=$1} END {printf "real-time %-9s n=%d p50=%.1f ms p99=%.1f ms\n", label, NR, v[int(NR*0.5)+1], v[int(NR*0.99)+1]}'
}

realtime warm-up >/dev/null # JIT, connection pools: the first requests of a process are not its steady state
realtime idle | tee "$out/idle.txt"

# The backfill: three processes, each with more new subjects than two minutes of the whole quota can serve.
batch=()
per_process=$(( rate * 2 )) # three processes at R a minute together: six minutes, past the last phase
for w in 1 2 3; do
  mkdir -p "$out/w$w"
  { echo email; for i in $(seq "$per_process"); do echo "bf$i.w$w@bf$i-w$w.example"; done; } >"$out/w$w/in.csv"
  (cd "$out/w$w" && exec dotnet "$bin" enrich in.csv --out out.csv >"$out/w$w.log" 2>&1) &
  pids+=($!); batch+=($!)
done

# A real-time call holds the backfill to 70 % of the quota for the minute after it (the lane): measure once the idle
# phase's last call is more than a minute old.
sleep 70
start_calls=$(calls); start_429=$(throttled)
sleep 120
end_calls=$(calls); end_429=$(throttled)
achieved=$(( (end_calls - start_calls) / 2 ))
echo "R=$rate/min shared by 3 batch processes: $achieved requests/min over two whole minutes = $(awk -v a="$achieved" -v r="$rate" 'BEGIN{printf "%.3f", a/r}') x R; 429 answers: $((end_429 - start_429))"

realtime busy | tee "$out/busy.txt"

# Every thread of the backfill processes to nice 10 (Linux nice values are per thread; threads made later inherit).
for p in "${batch[@]}"; do
  for t in /proc/"$p"/task/*; do renice -n 10 -p "${t##*/}" >/dev/null 2>&1 || true; done
done
realtime busy-nice | tee "$out/busy-nice.txt"
echo "429 answers in all: $(throttled)"
p99() { grep -o 'p99=[0-9.]*' "$out/$1.txt" | cut -d= -f2; }
awk -v i="$(p99 idle)" -v b="$(p99 busy)" -v n="$(p99 busy-nice)" \
  'BEGIN{printf "real-time p99 with the backfill running / idle = %.2f at the same priority, %.2f with the backfill at nice 10\n", b/i, n/i}'
