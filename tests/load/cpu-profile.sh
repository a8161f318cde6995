#!/usr/bin/env bash
# Where a decision's CPU goes: samples the service with perf while wrk drives POST /v1/decisions (durable log on),
# and prints the share of the process's CPU time spent in each part of the request, inclusive of what it calls.
#   tests/load/cpu-profile.sh [seconds] [connections]
# Needs perf (Debian's linux-perf); JIT-compiled code is named through the runtime's perf map.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
connections=${2:-64}
port=5098
command -v perf >/dev/null || { apt-get update -qq && apt-get install -y -qq linux-perf >/dev/null; }
source tests/load/service.sh
ensure_wrk
publish_service
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
key=load-test-teller-key-0001
start_service $port DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  Auth__ApiKeys__0__Key=$key Auth__ApiKeys__0__Role=teller Auth__ApiKeys__0__Name=load-test
write_wrk_script $key
url="http://127.0.0.1:$port/v1/decisions"
wrk -t2 -c"$connections" -d15s --timeout 5s -s "$work/post.lua" "$url" >/dev/null   # warm-up: tiered JIT settles
wrk -t2 -c"$connections" -d"$((seconds + 4))s" --timeout 5s -s "$work/post.lua" "$url" | grep RESULT &
load=$!
sleep 2
perf record -F 999 -g -p "$server" -o "$work/perf.data" -- sleep "$seconds" 2>/dev/null
wait $load
perf report -i "$work/perf.data" --children --sort sym -g none --percent-limit 0 2>/dev/null > "$work/report.txt"
perf report -i "$work/perf.data" --no-children --sort dso -g none 2>/dev/null > "$work/dso.txt"
# part|pattern: the largest inclusive share of a frame matching the pattern (its outermost frame).
share() { awk -v p="$2" -v n="$1" '$0 ~ p { v = $1 + 0; if (v > max) max = v } END { printf "%-44s %5.1f%%\n", n, max }' \
  "$work/report.txt"; }
echo "CPU share of the service process, inclusive ($seconds s, $connections connections):"
share "request body read and parsed (JSON)" 'TryReadBodyAsync'
share "decision: engine evaluation" 'CompiledRuleSet::Evaluate'
share "decision: answer serialized once (JSON)" 'JsonSerializer::Serialize|JsonSerializer::WriteString|JsonConverter`1.*::WriteCore'
share "log: payload compression (Brotli)" 'Payload::Pack'
share "log: chain digest (SHA-256)" 'Chain::Digest'
share "log: journal append (O_DSYNC write)" 'DecisionJournal::Append'
share "log: LiteDB indexing behind the answer" 'LiteDbWriter::Run'
share "all request handling (Kestrel down)" 'HttpProtocol.<ProcessRequests>'
awk '$1 ~ /%/ && ($2 ~ /kernel/ || $2 ~ /libcoreclr/ || $2 ~ /libclrjit/) { printf "%-44s %5.1f%% (self)\n", $2, $1 + 0 }' \
  "$work/dso.txt"
