#!/usr/bin/env bash
# Issue 13's cached-throughput figure: one gateway alone, then two gateways behind nginx (round robin, keep-alive),
# both on one Redis, loaded with wrk with the same cached subject: one gateway directly, one behind nginx, two behind
# nginx. On a 2-core machine the gateways, nginx and wrk share the cores, so throughput cannot double; the comparable
# figure is the gateways' CPU time per request, behind the same proxy.
# With GATEWAY_CPUS=0.3 each gateway runs in a CPU allotment of its own (a cgroup quota of 0.3 cores, root needed), as
# separate nodes would: then the two gateways' throughput against one's is measured, not estimated, as long as wrk and
# nginx keep up on what is left of the machine.
# The subject is paid for through gateway 1 only: gateway 2 finds it in Redis and keeps it in its own layer.
# Usage: REDIS=127.0.0.1:6379 [GATEWAY_CPUS=0.3] [ROUNDS=3] bench/scaleout/two-gateways.sh [seconds per scenario=20]
# Bounded; everything started here is stopped on exit. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-20}
redis=${REDIS:-${TRIBUTARY_TEST_REDIS:-}}
[ -n "$redis" ] || { echo "error: set REDIS to a Redis connection string (host:port)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is required: apt-get install wrk" >&2; exit 2; }
command -v nginx >/dev/null || { echo "nginx is required: apt-get install nginx-light" >&2; exit 2; }
out=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

source bench/sandbox.sh
export Providers__Clearbit__ApiKey=sk_sandbox_clearbit Providers__Clearbit__BaseUrl=$(sim_url clearbit)
export Providers__ZoomInfo__Username=sandbox Providers__ZoomInfo__Password=sandbox Providers__ZoomInfo__BaseUrl=$(sim_url zoominfo)
export Cache__Redis=$redis Cache__RedisPrefix="bench-$(date +%s):" Privacy__Pepper=bench-pepper-shared-by-every-process
export Gateway__QuotaPerMinute=10000000 Logging__LogLevel__Default=Warning
export DOTNET_TC_DelaySingleProcMultiplier=1   # as the image and the systemd units run it (docs/deploy.md)
gateways=(18311 18312)
proxy=18310
proxy_one=18309
for i in 0 1; do
  mkdir -p "$out/g$i"
  if [ -n "${GATEWAY_CPUS:-}" ]; then
    (cd "$out/g$i" && cpu_allot "gateway$i" "$GATEWAY_CPUS" dotnet "$bin" serve --urls "http://127.0.0.1:${gateways[$i]}" >"$out/g$i.log" 2>&1) &
  else
    (cd "$out/g$i" && exec dotnet "$bin" serve --urls "http://127.0.0.1:${gateways[$i]}" >"$out/g$i.log" 2>&1) &
  fi
  pids+=($!)
done
healthy() { # port log: waits at most 60 s
  for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$1/healthz" && return 0; sleep 0.1; done
  echo "nothing healthy on port $1:" >&2; cat "$2" >&2; exit 1
}
healthy "${gateways[0]}" "$out/g0.log"; healthy "${gateways[1]}" "$out/g1.log"
cat >"$out/nginx.conf" <<NGINX
worker_processes 1;
pid $out/nginx.pid;
error_log $out/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $out/nb; proxy_temp_path $out/np;
  upstream both { server 127.0.0.1:${gateways[0]}; server 127.0.0.1:${gateways[1]}; keepalive 64; }
  upstream first { server 127.0.0.1:${gateways[0]}; keepalive 64; }
  server { listen 127.0.0.1:$proxy; location / { proxy_pass http://both; proxy_http_version 1.1; proxy_set_header Connection ""; } }
  server { listen 127.0.0.1:$proxy_one; location / { proxy_pass http://first; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
NGINX
nginx -c "$out/nginx.conf" -p "$out" -g 'daemon off;' &
pids+=($!)
healthy "$proxy" "$out/nginx-error.log"

ticks() { awk '{print $14 + $15}' "/proc/$(pgrep -f "serve --urls http://127.0.0.1:$1" | head -1)/stat"; }
proxy_ticks() { local t=0 p; for p in $(pgrep -f "nginx: worker process"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
# One scenario, one line appended to $out/figures: round name requests/s p99 gateway-CPU-ms-per-request nginx-%-of-a-core
scenario() { # round name
  local before0 before1 proxy_before n0 n1 p99=- url
  before0=$(ticks "${gateways[0]}"); before1=$(ticks "${gateways[1]}"); proxy_before=$(proxy_ticks)
  case $2 in
    one-gateway-direct) url="http://127.0.0.1:${gateways[0]}" ;;
    one-gateway-behind-nginx) url="http://127.0.0.1:$proxy_one" ;;
    two-gateways-behind-nginx) url="http://127.0.0.1:$proxy" ;;
  esac
  if [ "$2" = two-gateways-direct ]; then # without the proxy: each gateway loaded by a wrk of its own, half the connections each
    wrk -t1 -c16 -d"${secs}s" -s bench/load/same-email.lua "http://127.0.0.1:${gateways[0]}" >"$out/d0.txt" &
    local direct0=$!
    wrk -t1 -c16 -d"${secs}s" -s bench/load/same-email.lua "http://127.0.0.1:${gateways[1]}" >"$out/d1.txt"
    wait "$direct0"
    n0=$(awk '/requests in/{print $1}' "$out/d0.txt"); n1=$(awk '/requests in/{print $1}' "$out/d1.txt")
  else
    wrk -t2 -c"${CONNECTIONS:-32}" -d"${secs}s" --latency -s bench/load/same-email.lua "$url" >"$out/w.txt"
    n0=$(awk '/requests in/{print $1}' "$out/w.txt"); n1=0
    p99=$(awk '$1 == "99%" {print $2}' "$out/w.txt")
  fi
  awk -v r="$1" -v name="$2" -v n=$((n0 + n1)) -v s="$secs" -v p99="$p99" \
      -v cpu=$(($(ticks "${gateways[0]}") - before0 + $(ticks "${gateways[1]}") - before1)) -v px=$(($(proxy_ticks) - proxy_before)) \
    'BEGIN { printf "%d %s %.0f %s %.4f %.0f\n", r, name, n/s, p99, cpu*10/n, px/s }' >>"$out/figures"
}

# Paid once, through gateway 1.
curl -s -o /dev/null -X POST "http://127.0.0.1:${gateways[0]}/v1/enrich" -d '{"email":"jane.doe@acme.com"}'
# Warm-up, both gateways at once. A process with a fraction of a CPU compiles its hot paths slowly (its CPU per request
# was still falling after 20 s of load at 0.3 cores): 60 s there, 5 s otherwise.
warm=$([ -n "${GATEWAY_CPUS:-}" ] && echo 60 || echo 5)
wrk -t1 -c16 -d"${warm}s" -s bench/load/same-email.lua "http://127.0.0.1:${gateways[0]}" >/dev/null &
warming=$!
wrk -t1 -c16 -d"${warm}s" -s bench/load/same-email.lua "http://127.0.0.1:${gateways[1]}" >/dev/null
wait "$warming"
wrk -t2 -c32 -d5s -s bench/load/same-email.lua "http://127.0.0.1:$proxy" >/dev/null
# The machine's speed drifts during a run (a virtual machine's neighbours, the gateways' late compilation), so the
# scenarios are measured in rounds, in reverse order every other round, and each round gives its own ratios.
names=(one-gateway-direct one-gateway-behind-nginx two-gateways-behind-nginx two-gateways-direct)
for r in $(seq "${ROUNDS:-3}"); do
  order=("${names[@]}")
  [ $((r % 2)) -eq 0 ] && order=(two-gateways-direct two-gateways-behind-nginx one-gateway-behind-nginx one-gateway-direct)
  for name in "${order[@]}"; do scenario "$r" "$name"; done
done
echo "round  scenario                      requests/s      p99  CPU-ms/request (gateways)  nginx % of a core"
sort -k1,1n -k2,2 "$out/figures" | awk '{ printf "%5d  %-27s %11s %8s %12s %25s\n", $1, $2, $3, $4, $5, $6 }'
# Per round: two gateways behind nginx ÷ one behind nginx, and the same loaded directly; then the medians.
# (On two shared cores, where throughput cannot double, the CPU per request is the figure to compare.)
awk '{ rps[$1, $2] = $3; cpu[$1, $2] = $5; if ($1 > last) last = $1 }
  END { for (r = 1; r <= last; r++)
          printf "%d %.2f %.2f %.2f\n", r, rps[r, "two-gateways-behind-nginx"] / rps[r, "one-gateway-behind-nginx"],
                 rps[r, "two-gateways-direct"] / rps[r, "one-gateway-direct"],
                 cpu[r, "two-gateways-behind-nginx"] / cpu[r, "one-gateway-behind-nginx"] }' "$out/figures" >"$out/ratios"
awk '{ printf "round %d: two ÷ one gateway behind nginx %.2f ×, loaded directly %.2f ×; CPU per request behind nginx %.2f ×\n", $1, $2, $3, $4 }' "$out/ratios"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "median of the rounds: two ÷ one gateway behind nginx $(cut -d' ' -f2 "$out/ratios" | median) ×, loaded directly $(cut -d' ' -f3 "$out/ratios" | median) ×; CPU per request behind nginx $(cut -d' ' -f4 "$out/ratios" | median) ×"
for i in 0 1; do
  echo "gateway $((i + 1)) lookups that needed a provider call: $(curl -s "http://127.0.0.1:${gateways[$i]}/metrics" | { grep -E '^enrichment_cache_misses_total' || true; } | awk '{s+=$2} END {print s+0}')"
done
