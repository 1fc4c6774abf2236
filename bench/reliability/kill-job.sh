#!/usr/bin/env bash
# kill -9 of a gateway in the middle of a bulk job (issue 14): a Release `tributary serve` on a SQLite file runs a
# /v1/jobs job of new subjects against Clearbit's simulator (its own process, so its count of calls outlives the
# gateway); the gateway is killed with SIGKILL once a third of the records were asked, started again on the same file,
# and the job is followed to its end. Prints the records in the results (each once, by the caller's id), and the
# provider calls beyond one per record: the calls paid twice, to compare with the calls in flight at the kill (the
# requests the simulator held when the gateway died, which it counts as abandoned).
# Usage: bench/reliability/kill-job.sh [records=3000]   (KILL=0: the same run without the kill, for comparison)
# Bounded: every wait has a deadline; everything started here is stopped on exit. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
records=${1:-3000}
concurrency=8
out=$(mktemp -d)
port=18320
base="http://127.0.0.1:$port"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

source bench/sandbox.sh
clearbit=$(sim_url clearbit)
curl -sf -X POST "$clearbit/__sim/faults" -H 'Content-Type: application/json' -d '{"latencyMs":40}' >/dev/null
calls() { sim_calls "$clearbit"; }

export Providers__Clearbit__ApiKey=sk_sandbox_clearbit Providers__Clearbit__BaseUrl=$clearbit
export Providers__Clearbit__RateLimit__PerMinute=1000000 Providers__Clearbit__BatchTimeoutMs=5000
export Jobs__Concurrency=$concurrency Jobs__LeaseSeconds=5 Jobs__PollSeconds=1 Logging__LogLevel__Default=Warning
start_gateway() { # log
  (cd "$out" && exec dotnet "$bin" serve --urls "$base" >"$out/$1" 2>&1) &
  gateway=$!
  pids+=($gateway)
  for _ in $(seq 600); do curl -sf -o /dev/null "$base/healthz" && return 0; sleep 0.1; done
  cat "$out/$1" >&2; exit 1
}
start_gateway serve-1.log

{
  printf '{"records":['
  for i in $(seq "$records"); do
    [ "$i" -gt 1 ] && printf ','
    printf '{"id":"r%d","email":"k%d.%s@kill%d.example"}' "$i" "$i" "$RANDOM" "$i"
  done
  printf ']}'
} >"$out/job.json"
job=$(curl -sf -X POST "$base/v1/jobs" -H 'Content-Type: application/json' --data-binary @"$out/job.json")
id=$(grep -o '"jobId":"[^"]*"' <<<"$job" | cut -d'"' -f4)
echo "job $id: $records records"
started=$(date +%s%N)

for _ in $(seq 1200); do [ "$(calls)" -ge $((records / 3)) ] && break; sleep 0.05; done
[ "${KILL:-1}" = 0 ] || kill -9 "$gateway"
at_kill=$(calls)
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
sleep 0.5
settled=$(calls)
# In flight at the kill: the requests the simulator was still holding when their caller went away.
in_flight=$(sim_answers "$clearbit" abandoned)
[ "${KILL:-1}" = 0 ] && echo "not killed (KILL=0); $at_kill provider calls after $elapsed_ms ms" \
  || echo "killed (SIGKILL) after $at_kill provider calls in $elapsed_ms ms; $((settled - at_kill)) more arrived after the kill (already sent); $in_flight were in flight"
average=$(awk -v n="$at_kill" -v ms="$elapsed_ms" 'BEGIN { printf "%.0f", n / ms * 40 }')
echo "calls in flight on average before the kill (Little's law, 40 ms each): $average"

durable=""
if command -v sqlite3 >/dev/null && [ "${KILL:-1}" != 0 ]; then
  durable=$(sqlite3 "$out/tributary.db" "SELECT count(*) FROM lookup_ledger")
  echo "paid answers durable in the ledger at the kill: $durable (of $at_kill calls sent)"
fi
[ "${KILL:-1}" = 0 ] || start_gateway serve-2.log
state=""
for _ in $(seq 600); do
  state=$(curl -sf "$base/v1/jobs/$id" | grep -o '"status":"[^"]*"' | head -1 | cut -d'"' -f4 || true)
  [ "$state" = completed ] || [ "$state" = failed ] && break
  sleep 0.5
done
echo "job state after the restart: $state"
curl -sf "$base/v1/jobs/$id/results" >"$out/results.jsonl"
lines=$(grep -c . "$out/results.jsonl" || true)
distinct=$(grep -o '"id":"r[0-9]*"' "$out/results.jsonl" | sort -u | wc -l)
total=$(calls)
echo "results: $lines lines, $distinct distinct record ids of $records"
echo "provider calls: $total for $records new subjects = $((total - records)) paid twice; $in_flight were in flight at the kill"
[ "$state" = completed ] && [ "$distinct" -eq "$records" ] && [ "$lines" -eq "$records" ] && echo "PASS: nothing lost" || { echo "FAIL"; exit 1; }
