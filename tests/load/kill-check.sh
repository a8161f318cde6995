#!/usr/bin/env bash
# Durability check: drive decisions, kill -9 the service mid-load, restart it on the same LiteDB file, and
# check that every decision id a client received is in the log and that the hash chains verify.
#   tests/load/kill-check.sh [seconds-before-kill] [parallel-clients]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-5}
clients=${2:-16}
port=5098
work=$(mktemp -d)
trap 'kill -9 $server 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish api -c Release -o "$work/app" --nologo -v quiet >/dev/null

teller=kill-check-teller-key-01
auditor=kill-check-auditor-key-1
start() {
  ASPNETCORE_ENVIRONMENT=Production \
  Auth__ApiKeys__0__Key=$teller Auth__ApiKeys__0__Role=teller Auth__ApiKeys__0__Name=kill-check-teller \
  Auth__ApiKeys__1__Key=$auditor Auth__ApiKeys__1__Role=auditor Auth__ApiKeys__1__Name=kill-check-auditor \
  Storage__LiteDb__Path="$work/data/decisions.db" RuleSets__Path="$PWD/rulesets" Logging__LogLevel__Default=Warning \
    dotnet "$work/app/Decisions.Api.dll" --urls "http://127.0.0.1:$port" --contentRoot "$work/app" >> "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "the service did not start"; cat "$work/server.log"; exit 1
}

start
decide() {
  curl -fs -X POST "http://127.0.0.1:$port/v1/decisions" -H "X-Api-Key: $teller" -H "Content-Type: application/json" \
    -d "{\"ruleSet\":\"retail-tiering\",\"customer\":{\"customerId\":\"K-$1\",\"avgDailyBalance\":$(( $1 * 37 % 900000 ))}}" \
    | grep -o '"decisionId":"[^"]*"' | cut -d'"' -f4 || true
}
export -f decide; export port teller
seq 1 1000000 | timeout "$seconds" xargs -P "$clients" -I{} bash -c 'decide {}' > "$work/acknowledged" || true
kill -9 "$server"
wait "$server" 2>/dev/null || true
acknowledged=$(grep -c . "$work/acknowledged" || true)

start
lost=0
while read -r id; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $auditor" "http://127.0.0.1:$port/v1/decisions/$id")
  [ "$code" = 200 ] || lost=$((lost + 1))
done < "$work/acknowledged"
verify=$(curl -fs -H "X-Api-Key: $auditor" "http://127.0.0.1:$port/v1/audit/verify")
echo "acknowledged=$acknowledged lost=$lost verify=$verify"
[ "$lost" = 0 ] && grep -q '"intact":true' <<<"$verify"
