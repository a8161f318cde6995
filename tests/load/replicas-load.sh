#!/usr/bin/env bash
# Load test of the PostgreSQL store: POST /v1/decisions (retail-tiering, durable log on) against one replica,
# then against two replicas of the service on the same database at once (half the connections each), as a
# load balancer would spread them. Prints decisions/s and latency for each and checks the log's chain after.
#   tests/load/replicas-load.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
connections=${2:-64}
source tests/load/service.sh
source tests/postgres.sh
ensure_wrk
ensure_postgres
publish_service
database="decisions_load_$$"
as_postgres=$([ "$(id -u)" = 0 ] && echo "runuser -u postgres --" || echo "sudo -u postgres")
$as_postgres createdb -O decisions "$database"
servers=()
trap 'kill "${servers[@]}" 2>/dev/null || true; wait "${servers[@]}" 2>/dev/null || true; $as_postgres dropdb --force "$database"; rm -rf "$work"' EXIT
key=load-test-teller-key-0001
auditor=load-test-auditor-key-001
for port in 5101 5102; do
  start_service $port Storage__Provider=Postgres Storage__Postgres__ConnectionString="$DECISIONS_TEST_POSTGRES;Maximum Pool Size=32;Database=$database" \
    Auth__ApiKeys__0__Key=$key Auth__ApiKeys__0__Role=teller Auth__ApiKeys__0__Name=load-test \
    Auth__ApiKeys__1__Key=$auditor Auth__ApiKeys__1__Role=auditor Auth__ApiKeys__1__Name=load-audit
  servers+=("$server")
done
write_wrk_script $key

run() { wrk -t"$1" -c"$2" -d"${duration}s" --timeout 5s -s "$work/post.lua" "http://127.0.0.1:$3/v1/decisions" | grep RESULT; }
run 2 "$connections" 5101 >/dev/null          # warm-up
run 2 "$connections" 5102 >/dev/null
echo "one replica   $(run 2 "$connections" 5101)"
half=$((connections / 2))
run 1 "$half" 5101 > "$work/a.out" &
first=$!
run 1 "$half" 5102 > "$work/b.out"
wait $first
echo "replica A     $(cat "$work/a.out")"
echo "replica B     $(cat "$work/b.out")"
awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^rps=/) { sub("rps=", "", $i); n += $i } } END { printf "two replicas  rps=%d (sum)\n", n }' "$work/a.out" "$work/b.out"
curl -fs -H "X-Api-Key: $auditor" http://127.0.0.1:5102/v1/audit/verify | sed 's/^/verify        /'
echo
