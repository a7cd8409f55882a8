#!/usr/bin/env bash
# Sets up and runs every test (unit, pipeline on real files, SQLite and PostgreSQL, HTTP, CLI, browser) and ends with
# one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

scripts/setup.sh --tests || exit 1
PIXHAVEN_TEST_POSTGRES="$(scripts/test-postgres.sh)" || { echo "PostgreSQL for the tests could not be started"; echo "0 passed, 1 failed"; exit 1; }
export PIXHAVEN_TEST_POSTGRES
dotnet build Pixhaven.slnx -c Release -nologo -v quiet -clp:ErrorsOnly -clp:NoSummary || { echo "0 passed, 1 failed"; exit 1; }

log="$(mktemp)"
dotnet test Pixhaven.slnx -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly prints "Failed:  F, Passed:  P, Skipped:  S, Total: T"; add them up.
read -r passed failed skipped assemblies < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
  awk -F'[:,]' '{f+=$2; p+=$4; s+=$6; n++} END {print p+0, f+0, s+0, n+0}')
rm -f "$log"
expected_assemblies=$(ls tests/*/*.csproj | wc -l)
if [[ $assemblies -lt $expected_assemblies ]]; then
  echo "only $assemblies of $expected_assemblies test assemblies reported results" >&2
  failed=$((failed + 1))
fi
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi

summary="$passed passed, $failed failed"
[[ $skipped -gt 0 ]] && summary="$summary, $skipped skipped"
echo "$summary"
[[ $failed -eq 0 ]]
