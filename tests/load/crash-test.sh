#!/usr/bin/env bash
# Crash test: drive decisions with wrk and make rule-set changes, kill -9 the service mid-load, restart it on
# the same LiteDB file; repeat. Then check that every decision id a client received is in the log, that every
# logged decision replays identically, that every acknowledged rule-set change is there, and that the chains
# verify. Prints N (acknowledged decisions), the number lost, and how many starts indexed blocks from the journal.
#   tests/load/crash-test.sh [rounds] [seconds-of-load-per-round]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
seconds=${2:-8}
port=5096
source tests/load/service.sh
ensure_wrk
publish_service
trap 'kill -9 $server 2>/dev/null || true; rm -rf "$work"' EXIT
url="http://127.0.0.1:$port"
teller=crash-teller-key-000001; editor=crash-editor-key-000001; approver=crash-approver-key-0001; auditor=crash-auditor-key-00001
start() {
  start_service $port \
    Auth__ApiKeys__0__Key=$teller Auth__ApiKeys__0__Role=teller Auth__ApiKeys__0__Name=crash-teller \
    Auth__ApiKeys__1__Key=$editor Auth__ApiKeys__1__Role=editor Auth__ApiKeys__1__Name=crash-editor \
    Auth__ApiKeys__2__Key=$approver Auth__ApiKeys__2__Role=approver Auth__ApiKeys__2__Name=crash-approver \
    Auth__ApiKeys__3__Key=$auditor Auth__ApiKeys__3__Role=auditor Auth__ApiKeys__3__Name=crash-auditor
}
call() { curl -fs -X "$1" "$url$2" -H "X-Api-Key: $3" -H "Content-Type: application/json" ${4:+-d "$4"}; }

cat > "$work/decide.lua" <<LUA
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init(args) ids = io.open("$work/acked-" .. id .. "-" .. os.time() .. ".txt", "a") end
wrk.method = "POST"
wrk.body = '{"ruleSet":"big-customer-revenue","customer":{"customerId":"K-1","annualRevenue":9500,"agreementSigned":true,"cityGroup":2}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "$teller"
function response(status, headers, body)
  if status == 200 then
    local decision = body:match('"decisionId":"([^"]+)"')
    if decision then ids:write(decision, "\n"); ids:flush() end
  end
end
LUA

start
: > "$work/changes"
for round in $(seq 1 "$rounds"); do
  wrk -t2 -c64 -d"${seconds}s" --timeout 5s -s "$work/decide.lua" "$url/v1/decisions" > /dev/null 2>&1 &
  load=$!
  sleep $((seconds / 2))
  # An acknowledged rule-set change: a draft copied from version 1, recorded only if the service answered.
  if draft=$(call POST /v1/rulesets/corporate-tiering/drafts "$editor" '{"from":1}'); then
    grep -o '"version":[0-9]*' <<<"$draft" | head -1 | cut -d: -f2 >> "$work/changes"
  fi
  kill -9 "$server"; wait "$server" 2>/dev/null || true
  wait "$load" 2>/dev/null || true
  start
done

cat "$work"/acked-*.txt | sort -u > "$work/acked"
acknowledged=$(wc -l < "$work/acked")
export url auditor
missing=$(xargs -P 32 -I{} sh -c 'curl -s -o /dev/null -w "%{http_code}\n" -H "X-Api-Key: $auditor" "$url/v1/decisions/{}"' < "$work/acked" | grep -vc '^200$' || true)
replay=$(call POST /v1/decisions/replay "$auditor" '{"from":"2000-01-01T00:00:00Z","to":"2100-01-01T00:00:00Z","limit":100000}')
verify=$(call GET /v1/audit/verify "$auditor")
versions=$(call GET /v1/rulesets "$editor")
lost_changes=0
while read -r v; do grep -q "\"version\":$v," <<<"$versions" || lost_changes=$((lost_changes + 1)); done < "$work/changes"
echo "rounds=$rounds acknowledged=$acknowledged lost=$missing"
echo "replay=$replay"
echo "changes acknowledged=$(wc -l < "$work/changes") lost=$lost_changes"
echo "verify=$verify"
echo "journal recoveries: $(grep -c "journaled blocks at start" "$work/server.log" || true) starts indexed blocks LiteDB had not"
[ "$missing" = 0 ] && [ "$lost_changes" = 0 ] && grep -q '"intact":true' <<<"$verify" && grep -q '"different":0,"failed":0' <<<"$replay"
