#!/usr/bin/env bash
# The hostile-input corpus at full size (issue: operations and proof), CsCheck-generated, seeded and reproducible (a
# failure prints its seed): 10,000 requests against the real gateway's JSON endpoints (CI: 300), then hostile CSV and
# JSON-lines files holding 10,000 rows run through the real `tributary enrich` against the simulators (CI: ~300 rows).
# Usage: bench/reliability/fuzz.sh [requests=10000] [file_rows=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Tributary.Integration.Tests -v q -nologo >/dev/null
show='Passed |Failed |Error Message|seed|Passed!|Failed!|hostile files:'
TRIBUTARY_FUZZ_ITERATIONS=${1:-10000} dotnet test tests/Tributary.Integration.Tests --no-build --filter "FullyQualifiedName~HostileInputFuzzTests" \
  --logger "console;verbosity=normal" 2>&1 | grep -E "$show"
TRIBUTARY_FUZZ_FILE_ROWS=${2:-10000} dotnet test tests/Tributary.Integration.Tests --no-build --filter "FullyQualifiedName~HostileFileFuzzTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "$show"
