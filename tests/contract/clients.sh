#!/usr/bin/env bash
# Generated clients, as a teller team would make them: against the service started from the Release build (built
# when missing) on 127.0.0.1:${CLIENTS_PORT:-5220}, generates a client from /openapi/rulesets/retail-tiering.json with
# NSwag, Kiota and openapi-typescript, builds each into the small teller program beside this script (nswag/, kiota/,
# typescript/) and runs it: decide with a typed customer, retry with the same Idempotency-Key, send a batch with a
# refused customer, read the decision back and replay it as an auditor. No generated line is patched. The generators are installed once, at pinned versions,
# under ${DECISIONS_TOOLS:-~/.cache/decisions-clients}. Prints "Passed: 3" as a test project does, for ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 KIOTA_TUTORIAL_ENABLED=false
port=${CLIENTS_PORT:-5220}
tools=${DECISIONS_TOOLS:-$HOME/.cache/decisions-clients}
contract=$PWD/tests/contract
nswag=$tools/nswag-14.8.0 kiota=$tools/kiota-1.38.0 npm=$tools/npm
teller=contract-teller-key-0001 auditor=contract-auditor-key-0001
source tests/load/service.sh

# step NAME COMMAND...: runs the command with its output in $work/NAME.log, shown if it fails.
step() {
  local name=$1
  shift
  "$@" > "$work/$name.log" 2>&1 || { echo "clients: $name failed"; tail -40 "$work/$name.log"; exit 1; }
}

finish() {
  local status=$?
  kill "${server:-}" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
  [ "$status" = 0 ] || echo "     Failed: 1"
  exit "$status"
}

use_build_output
trap finish EXIT
[ -x "$nswag/nswag" ] || step nswag-install dotnet tool install NSwag.ConsoleCore --version 14.8.0 --tool-path "$nswag"
[ -x "$kiota/kiota" ] || step kiota-install dotnet tool install Microsoft.OpenApi.Kiota --version 1.38.0 --tool-path "$kiota"
# The lock is kept as installed only once npm ci succeeded, so an interrupted install is redone.
if ! cmp -s "$contract/typescript/package-lock.json" "$npm/installed-lock.json"; then
  mkdir -p "$npm" && cp "$contract/typescript/package.json" "$contract/typescript/package-lock.json" "$npm/"
  step npm-install npm ci --prefix "$npm" --no-audit --no-fund
  cp "$npm/package-lock.json" "$npm/installed-lock.json"
fi

# A service already on the port would answer start_service's readiness probe in place of this one.
! curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 || { echo "clients: port $port is in use"; exit 1; }
start_service "$port" Auth__ApiKeys__0__Key=$teller Auth__ApiKeys__0__Role=teller Auth__ApiKeys__0__Name=contract-teller \
  Auth__ApiKeys__1__Key=$auditor Auth__ApiKeys__1__Role=auditor Auth__ApiKeys__1__Name=contract-auditor
service=http://127.0.0.1:$port
document=$work/retail-tiering.json
curl -fsS "$service/openapi/rulesets/retail-tiering.json" -o "$document"

cp -r "$contract/nswag" "$contract/kiota" "$contract/typescript" "$work/"
step nswag-generate "$nswag/nswag" openapi2csclient /input:"$document" /output:"$work/nswag/DecisionsClient.cs" \
  /namespace:Teller.NSwag /className:DecisionsClient /jsonLibrary:NewtonsoftJson
step nswag-build dotnet build "$work/nswag" -c Release --nologo
step nswag-run dotnet "$work/nswag/bin/Release/net10.0/Teller.NSwag.dll" "$service" $teller $auditor
cat "$work/nswag-run.log"

step kiota-generate "$kiota/kiota" generate -l CSharp -d "$document" -o "$work/kiota/Client" -c TellerClient -n Teller.Kiota \
  --exclude-backward-compatible
step kiota-build dotnet build "$work/kiota" -c Release --nologo
step kiota-run dotnet "$work/kiota/bin/Release/net10.0/Teller.Kiota.dll" "$service" $teller $auditor
cat "$work/kiota-run.log"

ln -s "$npm/node_modules" "$work/typescript/node_modules"
step typescript-generate "$npm/node_modules/.bin/openapi-typescript" "$document" -o "$work/typescript/decisions.d.ts"
step typescript-build "$npm/node_modules/.bin/tsc" -p "$work/typescript"
step typescript-run node "$work/typescript/dist/teller.js" "$service" $teller $auditor
cat "$work/typescript-run.log"
echo "     Passed: 3"
