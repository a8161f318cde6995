#!/usr/bin/env bash
# Writes the upgrade fixtures beside this script with a build of an earlier main: a LiteDB file and a PostgreSQL
# dump holding seeded versions, a reviewed and activated v2, a rejected draft, a cancelled schedule, a rollback and
# decisions (single, pinned, batch). The upgrade tests open them with today's build.
#   write-fixtures.sh <checkout of the earlier main, built with -c Release>
# The fixtures in this folder were written from commit d6a23f4 (main on 2026-12-02, before the block log).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
old=$(cd "$1" && pwd)
source "$here/../../../postgres.sh"
ensure_postgres
port=5181
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

start() {
  (cd "$old/api" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:$port exec env "$@" \
    dotnet bin/Release/net10.0/Decisions.Api.dll >"$work/service.log" 2>&1) &
  server=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && return; sleep 0.2; done
  cat "$work/service.log"; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; }
call() { # key method path [body]
  local key=$1 method=$2 path=$3 status
  status=$(curl -sS -o "$work/answer" -w '%{http_code}' -X "$method" -H "X-Api-Key: dev-$key-key-0001" \
    -H "Content-Type: application/json" ${4:+-d "$4"} "http://127.0.0.1:$port$path")
  cat "$work/answer"; echo
  if [ "$status" -ge 400 ]; then echo "$method $path: $status" >&2; cat "$work/answer" >&2; exit 1; fi
}

story() {
  call teller POST /v1/decisions '{"ruleSet":"retail-tiering","customer":{"customerId":"R-0001","name":"王芳","avgDailyBalance":800000,"lastTierReviewDate":"2026-03-01"}}'
  call teller POST /v1/decisions '{"ruleSet":"corporate-tiering","asOf":"2026-12-20T10:00:00+08:00","customer":{"customerId":"C-0001","depositBalance":6000000,"lastVisitDate":"2026-04-01"}}'
  call teller POST /v1/decisions/batch '{"ruleSet":"big-customer-revenue","customers":[{"customerId":"G-1","annualRevenue":5000000,"cityGroup":1},{"customerId":"G-2","annualRevenue":9000,"cityGroup":2}]}'
  call editor POST /v1/rulesets/retail-tiering/drafts '{"from":1}'
  local draft
  draft=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["version"]=2; d["description"]+=" v2: reviewed wording."; print(json.dumps(d, ensure_ascii=False))' "$old/rulesets/retail-tiering/v1.json")
  call editor PUT /v1/rulesets/retail-tiering/versions/2 "$draft"
  call editor POST /v1/rulesets/retail-tiering/versions/2/submit '{"comment":"Reword the description"}'
  call approver POST /v1/rulesets/retail-tiering/versions/2/approve '{"comment":"Checked the impact"}'
  call approver POST /v1/rulesets/retail-tiering/versions/2/activate '{"comment":"Go live"}'
  for i in $(seq 1 12); do
    call teller POST /v1/decisions "{\"ruleSet\":\"retail-tiering\",\"customer\":{\"customerId\":\"R-$((i % 4))\",\"avgDailyBalance\":$((i * 70000)),\"monthlyTransactions\":5,\"productsHeld\":[\"deposit\",\"card\"]}}" >/dev/null
  done
  call teller POST /v1/decisions '{"ruleSet":"retail-tiering","version":1,"customer":{"customerId":"R-0001","avgDailyBalance":600000}}'
  call approver POST /v1/rulesets/retail-tiering/versions/2/activate '{"comment":"Next year too","effectiveAt":"2030-01-01T00:00:00+08:00"}'
  call approver POST /v1/rulesets/retail-tiering/activations/6/cancel '{"comment":"Not needed"}'
  call approver POST /v1/rulesets/retail-tiering/rollback '{"toVersion":1,"comment":"Back out"}'
  call editor POST /v1/rulesets/prospect-grading/drafts '{"from":1}'
  call editor POST /v1/rulesets/prospect-grading/versions/2/submit '{"comment":"Same again"}'
  call approver POST /v1/rulesets/prospect-grading/versions/2/reject '{"comment":"No change in it"}'
  call teller POST /v1/decisions '{"ruleSet":"retail-tiering","customer":{"customerId":"R-0002","avgDailyBalance":900000,"monthlyTransactions":3,"productsHeld":["deposit"]}}'
  call auditor GET /v1/audit/verify
}

start Storage__LiteDb__Path="$work/decisions.db"
story >"$work/litedb-story.log"
stop
cp "$work/decisions.db" "$here/legacy.litedb"

database=decisions_upgrade_fixture
runuser -u postgres -- psql -q -c "drop database if exists $database" -c "create database $database owner decisions"
start Storage__Provider=Postgres "Storage__Postgres__ConnectionString=$DECISIONS_TEST_POSTGRES;Database=$database"
story >"$work/postgres-story.log"
stop
runuser -u postgres -- pg_dump --no-owner --no-privileges "$database" >"$here/legacy-postgres.sql"
runuser -u postgres -- psql -q -c "drop database $database"
tail -n 1 "$work/litedb-story.log" "$work/postgres-story.log"
