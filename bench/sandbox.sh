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

# Runs a command in a CPU allotment of its own, as a node of its own would have it: cpu_allot NAME CPUS command...
# (a cgroup with a CPU quota per 10 ms, v2 or v1; needs root). The runtime reads the quota at start, so the process sizes its
# thread pool for CPUS cores. It replaces the calling shell, so call it in a backgrounded subshell: ( cpu_allot … ) &
# The group is left behind empty and reused by the next run.
cpu_allot() {
  local name=$1 cpus=$2 group quota
  shift 2
  quota=$(awk -v c="$cpus" 'BEGIN { printf "%d", c * 10000 }')
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    group=/sys/fs/cgroup/tributary-bench-$name
    mkdir -p "$group" && echo "$quota 10000" >"$group/cpu.max"
  else
    group=/sys/fs/cgroup/cpu/tributary-bench-$name
    mkdir -p "$group" && echo 10000 >"$group/cpu.cfs_period_us" && echo "$quota" >"$group/cpu.cfs_quota_us"
  fi
  exec sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' cpu_allot "$group" "$@"
}
