#!/usr/bin/env bash
# CPU time the service spends per request: its process CPU (user + system, from /proc) over a 10 s wrk run at 8
# connections, divided by the requests answered. Less sensitive to a busy machine than requests per second, so two
# builds can be compared on the shared 2-core machine: run it on each, alternately, more than once.
#   tests/load/cpu-per-request.sh path/to/Decisions.Api.dll [port] [path]      (path: /bench/echo or /v1/decisions)
set -euo pipefail
dll=$(realpath "$1"); port=${2:-5252}; path=${3:-/bench/echo}
work=$(mktemp -d); server=""
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"ruleSet":"retail-tiering","customer":{"customerId":"R-0001","avgDailyBalance":800000}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "dev-teller-key-0001"
done = function(summary) io.write(string.format("%d %d\n", summary.requests, summary.errors.status)) end
LUA
# Development keys from the build output's appsettings.Development.json; limits lifted so no request is refused.
ASPNETCORE_ENVIRONMENT=Development Benchmark__EchoEndpoint=true Limits__PermitsPerSecond=1000000 Limits__Burst=1000000 \
  Logging__LogLevel__Default=Warning Storage__LiteDb__Path="$work/decisions.db" \
  dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$(dirname "$dll")" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.3; done
wrk -t1 -c8 -d4s -s "$work/post.lua" "http://127.0.0.1:$port$path" >/dev/null   # warm-up
cpu() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
before=$(cpu)
read -r requests refused < <(wrk -t1 -c8 -d10s -s "$work/post.lua" "http://127.0.0.1:$port$path" | tail -1)
after=$(cpu)
awk -v b="$before" -v a="$after" -v n="$requests" -v r="$refused" -v hz="$(getconf CLK_TCK)" -v p="$path" \
  'BEGIN { printf "%s: %d requests (%d non-2xx), %.1f us CPU per request\n", p, n, r, (a - b) / hz * 1e6 / n }'
