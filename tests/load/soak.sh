#!/usr/bin/env bash
# Soak: POST /v1/decisions at 128 connections for 60 s (after a 20 s warm-up) with wrk on 127.0.0.1.
# Passes when there are 0 socket errors, 0 non-2xx answers, and the service's resident memory after the run
# is within 20% of its memory after the warm-up.
#   tests/load/soak.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-60}
connections=${2:-128}
port=5097
source tests/load/service.sh
ensure_wrk
publish_service
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
key=soak-test-teller-key-001
start_service $port Auth__ApiKeys__0__Key=$key Auth__ApiKeys__0__Role=teller Auth__ApiKeys__0__Name=soak-test

write_wrk_script $key
rss() { awk '/VmRSS/ { print $2 }' "/proc/$server/status"; }
wrk -t2 -c"$connections" -d20s --timeout 10s -s "$work/post.lua" "http://127.0.0.1:$port/v1/decisions" >/dev/null
warm=$(rss)
result=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$work/post.lua" "http://127.0.0.1:$port/v1/decisions" | grep RESULT)
after=$(rss)
echo "$result"
awk -v w="$warm" -v a="$after" 'BEGIN { printf "memory    after warm-up %d MB, after soak %d MB (%+.1f%%)\n", w / 1024, a / 1024, (a - w) * 100 / w }'
grep -q "errors=0 non2xx=0" <<<"$result" && awk -v w="$warm" -v a="$after" 'BEGIN { exit !(a <= w * 1.2) }'
