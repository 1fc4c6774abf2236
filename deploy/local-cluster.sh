#!/usr/bin/env bash
# The compose.yaml topology as plain processes on loopback, for machines without Docker (and for CI): two gateways and a
# pipeline worker on one PostgreSQL database and one Redis (a redis-server of its own, when installed), nginx in front.
# Each process runs in sandbox mode (its own simulators).
# Usage: TRIBUTARY_PG="Host=127.0.0.1;Port=5432;Username=postgres" deploy/local-cluster.sh [--check]
#   --check: start everything, send traffic through the proxy, check both gateways served it, stop, exit 0 or 1.
#   without: start everything and keep it running until Ctrl+C (the proxy at http://127.0.0.1:18200/).
# Bounded: every wait has a deadline; everything is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
[ "${1:-}" = "--check" ] && check=true
server=${TRIBUTARY_PG:-${TRIBUTARY_TEST_POSTGRES:-}}
[ -n "$server" ] || { echo "error: set TRIBUTARY_PG to a PostgreSQL connection string (Host=…;Port=…;Username=…)" >&2; exit 2; }
command -v nginx >/dev/null || { echo "error: nginx is required (apt-get install nginx-light)" >&2; exit 2; }
command -v psql >/dev/null || { echo "error: psql is required (apt-get install postgresql-client)" >&2; exit 2; }

proxy=18200
gateways=(18201 18202)
work=$(mktemp -d)
key=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
pids=()
part() { sed -nE "s/.*$1=([^;]*).*/\1/ip" <<<"$server;"; }
psql_args=(-h "$(part Host)" -p "$(part Port || true)" -U "$(part Username)" -v ON_ERROR_STOP=1 -q)
[ -n "$(part Port)" ] || psql_args=(-h "$(part Host)" -U "$(part Username)" -v ON_ERROR_STOP=1 -q)
database=tributary_cluster
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "${psql_args[@]}" -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building (Release)…"
dotnet build src/Tributary -c Release -v q -nologo >/dev/null
bin="$PWD/src/Tributary/bin/Release/net10.0/tributary.dll"
if ! failure=$(psql "${psql_args[@]}" -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" 2>&1); then
  echo "error: cannot create database $database with TRIBUTARY_PG's server: $failure" >&2
  exit 2
fi
store="$(sed -E 's/;?Database=[^;]*//I; s/;$//' <<<"$server");Database=$database"
redis_port=18209
redis=""
if command -v redis-server >/dev/null; then
  redis-server --bind 127.0.0.1 --port $redis_port --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
  pids+=($!)
  redis="127.0.0.1:$redis_port"
fi

run() { # name, then the verb and its arguments; a worker runs at a lower CPU priority, as the systemd unit runs it
  local name=$1; shift
  local nice=0; [ "$1" = worker ] && nice=10
  (cd "$work" && Storage__Provider=postgres Storage__ConnectionString="$store" Cache__Redis="$redis" Gateway__ApiKeys="$key" Sandbox__Enabled=true \
     Sandbox__Warmup=false Logging__LogLevel__Default=Warning exec nice -n $nice dotnet "$bin" "$@" >"$work/$name.log" 2>&1) &
  pids+=($!)
}

run gateway-1 serve --urls "http://127.0.0.1:${gateways[0]}"
run gateway-2 serve --urls "http://127.0.0.1:${gateways[1]}"
run worker worker
worker_pid=${pids[-1]}
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  upstream tributary { server 127.0.0.1:${gateways[0]}; server 127.0.0.1:${gateways[1]}; keepalive 16; }
  server {
    listen 127.0.0.1:$proxy;
    location / { proxy_pass http://tributary; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' &
pids+=($!)

healthy() { curl -sf -o /dev/null "$1/healthz"; }
for port in "${gateways[@]}" $proxy; do
  for _ in $(seq 600); do healthy "http://127.0.0.1:$port" && break; sleep 0.1; done
  healthy "http://127.0.0.1:$port" || { echo "FAIL: nothing healthy on port $port"; cat "$work"/*.log >&2; exit 1; }
done
echo "up: proxy http://127.0.0.1:$proxy/ -> gateways ${gateways[*]}, one worker, database $database (gateway key in $work/key)"
echo "$key" >"$work/key"

if ! $check; then
  echo "Ctrl+C stops everything."
  wait
  exit 0
fi

failures=0
for i in $(seq 20); do
  body=$(curl -s -X POST "http://127.0.0.1:$proxy/v1/enrich" -H "X-Api-Key: $key" -d '{"email":"jane.doe@acme.com"}')
  grep -q '"name":"Jane Doe"' <<<"$body" || { failures=$((failures + 1)); echo "unexpected answer through the proxy: $body" >&2; }
done
unauthorized=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$proxy/v1/enrich" -d '{"email":"jane.doe@acme.com"}')
[ "$unauthorized" = 401 ] || { failures=$((failures + 1)); echo "a request without the key got $unauthorized, not 401" >&2; }
for port in "${gateways[@]}"; do
  served=$(curl -s "http://127.0.0.1:$port/v1/dashboard" -H "X-Api-Key: $key" | grep -oE '"2xx":[0-9]+' | cut -d: -f2)
  echo "gateway on $port answered ${served:-0} requests with 2xx"
  [ "${served:-0}" -gt 0 ] || { failures=$((failures + 1)); echo "gateway on $port served nothing through the proxy" >&2; }
done
pipeline=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$proxy/v1/pipeline" -H "X-Api-Key: $key")
[ "$pipeline" = 200 ] || { failures=$((failures + 1)); echo "/v1/pipeline through the proxy: $pipeline" >&2; }
kill -0 "$worker_pid" 2>/dev/null || { failures=$((failures + 1)); echo "the worker is not running" >&2; cat "$work/worker.log" >&2; }

if [ -n "$redis" ]; then
  # Every process announces itself in Redis every 5 s.
  for _ in $(seq 100); do [ "$(redis-cli -p $redis_port zcard tributary:nodes)" = 3 ] && break; sleep 0.1; done
  nodes=$(redis-cli -p $redis_port zcard tributary:nodes)
  echo "processes sharing Redis: $nodes"
  [ "$nodes" = 3 ] || { failures=$((failures + 1)); echo "expected 3 processes in Redis, found $nodes" >&2; }
fi

if [ "$failures" -eq 0 ]; then echo "PASS: local cluster (2 gateways, 1 worker, nginx, PostgreSQL${redis:+, Redis})"; exit 0; fi
echo "FAIL: local cluster, $failures problems"
exit 1
