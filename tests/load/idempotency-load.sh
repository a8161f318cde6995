#!/usr/bin/env bash
# Load test of Idempotency-Key: POST /v1/decisions driven by wrk three ways in one run, on the durable LiteDB log:
# without a key, with a new key on every request (each decided and logged once, the key looked up first), and
# retrying 64 keys over and over (answered from the log, nothing new logged). Prints throughput and latency.
#   tests/load/idempotency-load.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15}
connections=${2:-64}
port=5098
source tests/load/service.sh
ensure_wrk
publish_service
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
key=load-test-teller-key-0001
start_service $port Auth__ApiKeys__0__Key=$key Auth__ApiKeys__0__Role=teller Auth__ApiKeys__0__Name=load-test

write_wrk_script $key
# keys.lua: the same request with an Idempotency-Key; KEYS distinct keys in turn per thread (0: a new one each time).
cat "$work/post.lua" > "$work/keys.lua"
cat >> "$work/keys.lua" <<'LUA'
local counter, threads = 0, 0
-- Each thread's keys get a prefix of their own (thread:set makes it a global of that thread).
setup = function(thread)
  threads = threads + 1
  thread:set("prefix", tostring(threads) .. "-" .. tostring(os.time()))
end
request = function()
  counter = counter + 1
  local n = tonumber(os.getenv("KEYS") or "0")
  local id = n > 0 and tostring(counter % n) or prefix .. "-" .. tostring(counter)
  wrk.headers["Idempotency-Key"] = id
  return wrk.format(nil, nil, wrk.headers, wrk.body)
end
LUA

run() { env "${@:2}" wrk -t2 -c"$connections" -d"${duration}s" --timeout 5s -s "$work/$1" "http://127.0.0.1:$port/v1/decisions" | grep RESULT; }
run post.lua >/dev/null # warm-up
echo "no key        $(run post.lua)"
echo "new keys      $(run keys.lua KEYS=0)"
echo "64 keys again $(run keys.lua KEYS=64)"
ls -l "$work/data" | awk '/decisions/ { print "store         " $5 " bytes " $9 }'
