#!/usr/bin/env bash
# Cached agent-desktop profile reads (issue: identity, CDP and privacy): a Release `tributary serve` in sandbox mode
# (the Segment simulator serves the CDP traits), one identified customer, then wrk on GET /v1/profiles/{id} with an
# X-Purpose header, so every read is also audited. Bounded; everything stops itself.
# Usage: bench/load/profile-load.sh [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-20}
out=$(mktemp -d)
port=18081
base="http://127.0.0.1:$port"
cleanup() { kill "${serve_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is required: apt-get install wrk" >&2; exit 2; }

dotnet build src/Tributary -c Release -v q -nologo >/dev/null
bin="$PWD/src/Tributary/bin/Release/net10.0/tributary.dll"
(cd "$out" && Logging__LogLevel__Default=Warning Gateway__QuotaPerMinute=10000000 Sandbox__Warmup=false \
  exec dotnet "$bin" serve --urls "$base" >"$out/serve.log" 2>&1) &
serve_pid=$!
until curl -sf "$base/healthz" >/dev/null; do kill -0 "$serve_pid" 2>/dev/null || { cat "$out/serve.log" >&2; exit 1; }; sleep 0.05; done

profile=$(curl -sf -X POST "$base/v1/identity/identify" -H 'Content-Type: application/json' \
  -d '{"userId":"CUST-00001","traits":{"email":"jane.doe@acme.com","name":"Jane Doe","tier":"gold"}}' | sed -E 's/.*"profileId":"([^"]+)".*/\1/')
curl -sf "$base/v1/profiles/$profile" | head -c 300; echo
cat >"$out/profile.lua" <<LUA
wrk.method = "GET"
wrk.path = "/v1/profiles/$profile"
wrk.headers["X-Purpose"] = "load test"
LUA

cpu_ticks() { awk '{print $14 + $15}' "/proc/$(pgrep -f "tributary.dll serve" | head -1)/stat"; }
wrk -t2 -c32 -d5s -s "$out/profile.lua" "$base" >/dev/null   # warm-up: JIT, pools
before=$(cpu_ticks)
wrk -t2 -c32 -d"${secs}s" --latency -s "$out/profile.lua" "$base" >"$out/run.txt"
after=$(cpu_ticks)
requests=$(awk '/requests in/{print $1}' "$out/run.txt")
echo "== cached GET /v1/profiles/{id}: 32 connections, ${secs}s"
grep -E 'Requests/sec|^ +50%|^ +99%|Non-2xx|Socket errors' "$out/run.txt" | sed 's/^/   /'
awk -v t=$((after - before)) -v n="$requests" 'BEGIN { printf "   gateway CPU: %.1f s for %d requests = %.3f CPU-ms per request\n", t/100, n, (t*10)/n }'
audited=$(curl -sf "$base/v1/audit?profileId=$profile&limit=1000" | grep -o '"profile.read"' | wc -l)
echo "   audit rows readable for the profile (capped at 1000 by the API): $audited"
wrk -t2 -c32 -d5s "$base/healthz" | grep 'Requests/sec' | sed 's/^/   wrk against \/healthz: /'
