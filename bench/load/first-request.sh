#!/usr/bin/env bash
# The first /v1/enrich after a restart, with real-mode providers (Clearbit and ZoomInfo pointed at `tributary sandbox`,
# the simulators, in their own process): each run starts `serve` on a fresh store, waits for /healthz and one second,
# times one lookup of Jane Doe, then one of a new subject. Bounded; everything stops itself.
# Usage: bench/load/first-request.sh [runs=4]   (TRIBUTARY_BIN=path/to/tributary.dll runs that build)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-4}
port=18181
out=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

source bench/sandbox.sh
export Sandbox__Enabled=false Logging__LogLevel__Default=Warning
export Providers__Clearbit__ApiKey=sk_sandbox_clearbit Providers__Clearbit__BaseUrl=$(sim_url clearbit)
export Providers__ZoomInfo__Username=sandbox Providers__ZoomInfo__Password=sandbox Providers__ZoomInfo__BaseUrl=$(sim_url zoominfo)

enrich() { curl -s -o "$out/answer.json" -w '%{time_total}' -X POST "http://127.0.0.1:$port/v1/enrich" -H 'Content-Type: application/json' -d "{\"email\":\"$1\"}"; }

for run in $(seq "$runs"); do
  rm -f "$out"/tributary.db*
  (cd "$out" && exec dotnet "$bin" serve --urls "http://127.0.0.1:$port" >"$out/serve.log" 2>&1) &
  serve_pid=$!
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
  sleep 1
  first=$(enrich jane.doe@acme.com)
  providers=$(grep -o '"providers":"[^"]*"' "$out/answer.json")
  next=$(enrich "new.subject.$run@acme.com")
  echo "run $run: first ${first} s ($providers), next ${next} s"
  kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
done
