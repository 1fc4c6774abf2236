#!/usr/bin/env bash
# The hostile-input corpus at full size (issue: operations and proof): 10,000 generated requests (CsCheck, seeded and
# reproducible; a failure prints its seed) against the real gateway's JSON endpoints. CI runs the same test with 300.
# Usage: bench/reliability/fuzz.sh [iterations=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIBUTARY_FUZZ_ITERATIONS=${1:-10000} dotnet test tests/Tributary.Integration.Tests --filter "FullyQualifiedName~HostileInputFuzzTests" \
  --logger "console;verbosity=normal" 2>&1 | grep -E "Passed |Failed |Error Message|seed|Passed!|Failed!"
