# Sourced by the bench scripts: a Release build of the host and `tributary sandbox` (the simulators) in a process of
# its own, so their counts outlive the processes under test. Expects $out (a scratch folder) and the array pids (what
# the caller's cleanup stops). TRIBUTARY_BIN=path/to/tributary.dll runs that build instead (A/B runs of two builds).

if [ -n "${TRIBUTARY_BIN:-}" ]; then
  bin="$TRIBUTARY_BIN"
else
  dotnet build src/Tributary -c Release -v q -nologo >/dev/null
  bin="$PWD/src/Tributary/bin/Release/net10.0/tributary.dll"
fi
dotnet "$bin" sandbox >"$out/sandbox.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do grep -q '^zoominfo ' "$out/sandbox.log" 2>/dev/null && break; sleep 0.1; done
grep -q '^zoominfo ' "$out/sandbox.log" || { echo "the simulators did not start:" >&2; cat "$out/sandbox.log" >&2; exit 1; }

# The base URL of one simulator: sim_url clearbit
sim_url() { awk -v name="$1" '$1 == name {print $2}' "$out/sandbox.log"; }

# Requests a simulator received (all its provider paths), and the answers it gave with one status code.
sim_calls() { curl -sf "$1/__sim/calls" | { grep -o '"/[^"]*": *[0-9]*' || true; } | awk -F: '{s+=$NF} END {print s+0}'; }
sim_answers() { curl -sf "$1/__sim/statuses" | { grep -o "\"$2\": *[0-9]*" || true; } | awk -F: '{s+=$NF} END {print s+0}'; }
