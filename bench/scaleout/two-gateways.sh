#!/usr/bin/env bash
# Issue 13's cached-throughput figure: one gateway alone, then two gateways behind nginx (round robin, keep-alive),
# both on one Redis, loaded with wrk with the same cached subject: one gateway directly, one behind nginx, two behind
# nginx. On a 2-core machine the gateways, nginx and wrk share the cores, so throughput cannot double; the comparable
# figure is the gateways' CPU time per request, behind the same proxy.
# With GATEWAY_CPUS=0.3 each gateway runs in a CPU allotment of its own (a cgroup quota of 0.3 cores, root needed), as
# separate nodes would: then the two gateways' throughput against one's is measured, not estimated, as long as wrk and
# nginx keep up on what is left of the machine.
# The subject is paid for through gateway 1 only: gateway 2 finds it in Redis and keeps it in its own layer.
# Usage: REDIS=127.0.0.1:6379 [GATEWAY_CPUS=0.3] bench/scaleout/two-gateways.sh [seconds=20]
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
load() { # name url
  local before0 before1 after0 after1 requests
  before0=$(ticks "${gateways[0]}"); before1=$(ticks "${gateways[1]}"); proxy_before=$(proxy_ticks)
  wrk -t2 -c"${CONNECTIONS:-32}" -d"${secs}s" --latency -s bench/load/same-email.lua "$2" >"$out/$1.txt"
  after0=$(ticks "${gateways[0]}"); after1=$(ticks "${gateways[1]}"); proxy_after=$(proxy_ticks)
  requests=$(awk '/requests in/{print $1}' "$out/$1.txt")
  echo "== $1"
  grep -E 'Requests/sec|^ +99%|Non-2xx|Socket errors' "$out/$1.txt" | sed 's/^/   /'
  awk -v a=$((after0 - before0)) -v b=$((after1 - before1)) -v n="$requests" \
    'BEGIN { printf "   gateway CPU: %.2f + %.2f s for %d requests = %.4f CPU-ms per request\n", a/100, b/100, n, ((a+b)*10)/n }'
  echo "   nginx CPU: $(awk -v t=$((proxy_after - proxy_before)) -v s="$secs" 'BEGIN { printf "%.2f s (%.0f %% of a core)", t/100, t/s }')"
}

# Paid once, through gateway 1.
curl -s -o /dev/null -X POST "http://127.0.0.1:${gateways[0]}/v1/enrich" -d '{"email":"jane.doe@acme.com"}'
# Warm-up. A process with less than one CPU takes longer to compile its hot paths: 20 s each there, 5 s otherwise.
warm=$([ -n "${GATEWAY_CPUS:-}" ] && echo 20 || echo 5)
wrk -t2 -c32 -d"${warm}s" -s bench/load/same-email.lua "http://127.0.0.1:${gateways[0]}" >/dev/null
wrk -t2 -c32 -d"${warm}s" -s bench/load/same-email.lua "http://127.0.0.1:${gateways[1]}" >/dev/null
wrk -t2 -c32 -d5s -s bench/load/same-email.lua "http://127.0.0.1:$proxy" >/dev/null
load one-gateway-direct "http://127.0.0.1:${gateways[0]}"
load one-gateway-behind-nginx "http://127.0.0.1:$proxy_one"
load two-gateways-behind-nginx "http://127.0.0.1:$proxy"
# Without the proxy: each gateway loaded directly by a wrk of its own, half the connections each.
b0=$(ticks "${gateways[0]}"); b1=$(ticks "${gateways[1]}")
wrk -t1 -c16 -d"${secs}s" -s bench/load/same-email.lua "http://127.0.0.1:${gateways[0]}" >"$out/direct0.txt" &
direct0=$!
wrk -t1 -c16 -d"${secs}s" -s bench/load/same-email.lua "http://127.0.0.1:${gateways[1]}" >"$out/direct1.txt"
wait "$direct0"
n0=$(awk '/requests in/{print $1}' "$out/direct0.txt"); n1=$(awk '/requests in/{print $1}' "$out/direct1.txt")
echo "== two-gateways-direct"
awk -v n0="$n0" -v n1="$n1" -v s="$secs" -v a=$(($(ticks "${gateways[0]}") - b0)) -v b=$(($(ticks "${gateways[1]}") - b1)) \
  'BEGIN { printf "   Requests/sec: %.2f (%.2f + %.2f)\n   gateway CPU: %.2f + %.2f s = %.4f CPU-ms per request\n", (n0+n1)/s, n0/s, n1/s, a/100, b/100, ((a+b)*10)/(n0+n1) }'
for i in 0 1; do
  echo "gateway $((i + 1)) lookups that needed a provider call: $(curl -s "http://127.0.0.1:${gateways[$i]}/metrics" | { grep -E '^enrichment_cache_misses_total' || true; } | awk '{s+=$2} END {print s+0}')"
done
