#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, restores, builds the whole solution
# (warnings are errors), runs every test project, runs the API's integration tests a second time against
# PostgreSQL, then prints one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The console's browser tests drive Debian's Chromium; a CJK font shows the Chinese labels. faketime moves
# the clock of the engine's determinism probe, and the test fails rather than skips when it is missing.
if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "wenquanyi" \
  || ! command -v faketime >/dev/null || ! command -v npm >/dev/null; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei faketime npm >/dev/null
fi
# axe-core, pinned in the console tests' package.json, is injected into the pages the browser tests check.
npm ci --prefix tests/Decisions.Console.Tests --no-audit --no-fund --silent
export DECISIONS_REQUIRE_FAKETIME=1
# PostgreSQL from Debian on 127.0.0.1 for the PostgreSQL store's tests; databases of earlier runs are dropped.
source tests/postgres.sh
ensure_postgres
as_postgres=$([ "$(id -u)" = 0 ] && echo "runuser -u postgres --" || echo "sudo -u postgres")
for db in $($as_postgres psql -Atc "select datname from pg_database where datname like 'decisions_test_%'"); do
  $as_postgres dropdb --force "$db"
done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build Decisions.sln -c Release
status=0
# One test project at a time (-m:1): the batch-fairness test measures latency, and the engine's determinism
# probe children would otherwise compete with it for the two cores.
dotnet test Decisions.sln -c Release --no-build -m:1 --logger "console;verbosity=normal" | tee "$log" || status=$?
DECISIONS_TEST_STORE=Postgres dotnet test tests/Decisions.Api.Tests -c Release --no-build --logger "console;verbosity=normal" | tee -a "$log" || status=$?
passed=$(awk '/^ +Passed: [0-9]+$/ { n += $2 } END { print n + 0 }' "$log")
failed=$(awk '/^ +Failed: [0-9]+$/ { n += $2 } END { print n + 0 }' "$log")
echo "${passed} passed, ${failed} failed"
exit "$status"
