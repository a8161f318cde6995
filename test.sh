#!/usr/bin/env bash
# Runs every test on a fresh machine: restores, builds the whole solution (warnings are errors) and runs
# every test project, then prints one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build Decisions.sln -c Release
status=0
dotnet test Decisions.sln -c Release --no-build --logger "console;verbosity=normal" | tee "$log" || status=$?
passed=$(awk '/^ +Passed: [0-9]+$/ { n += $2 } END { print n + 0 }' "$log")
failed=$(awk '/^ +Failed: [0-9]+$/ { n += $2 } END { print n + 0 }' "$log")
echo "${passed} passed, ${failed} failed"
exit "$status"
