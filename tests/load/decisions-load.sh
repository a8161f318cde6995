#!/usr/bin/env bash
# Load test: POST /v1/decisions (retail-tiering, durable log on) beside a trivial JSON echo endpoint of the
# same server, both driven by wrk at the same connection count in one run. Prints throughput, latency
# percentiles and the ratio. Everything stays on 127.0.0.1; every wrk run is bounded in time.
#   tests/load/decisions-load.sh [duration-seconds] [connections]
# PREFILL=N first logs N decisions (batches of 1,000 distinct customers, 4 in flight) so that the figures are
# taken against a store already holding them; STORE=folder starts instead from a copy of the LiteDB files in it (e.g.
# the million-decision file tests/load/replay-load.sh fills). The service's resident memory is printed after the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
connections=${2:-64}
port=5099
source tests/load/service.sh
ensure_wrk
publish_service
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
key=load-test-teller-key-0001
if [ -n "${STORE:-}" ]; then mkdir -p "$work/data" && cp "$STORE"/decisions*.db "$work/data/"; fi
start_service $port Auth__ApiKeys__0__Key=$key Auth__ApiKeys__0__Role=teller Auth__ApiKeys__0__Name=load-test Benchmark__EchoEndpoint=true \
  Limits__ConcurrentBatchesPerKey=4

write_wrk_script $key
prefill_store "${PREFILL:-0}" $port $key

run() { wrk -t2 -c"$connections" -d"${duration}s" --timeout 5s -s "$work/post.lua" "http://127.0.0.1:$port$1" | grep RESULT; }
curl -fs -o /dev/null -X POST -H "Content-Type: application/json" -H "X-Api-Key: $key" -d "$decision_body" "http://127.0.0.1:$port/v1/decisions"
run /bench/echo >/dev/null            # warm-up both paths
run /v1/decisions >/dev/null
echo=$(run /bench/echo)
decisions=$(run /v1/decisions)
echo "echo      $echo"
echo "decisions $decisions"
rps() { sed -E 's/.*rps=([0-9]+).*/\1/' <<<"$1"; }
awk -v d="$(rps "$decisions")" -v e="$(rps "$echo")" 'BEGIN { printf "ratio     decisions/echo = %.2f\n", d / e }'
awk '/VmRSS|VmHWM/ { printf "memory    %s %d MB\n", $1, $2 / 1024 }' "/proc/$server/status"
ls -l "$work/data" | awk '/decisions/ { print "store     " $5 " bytes " $9 }'
