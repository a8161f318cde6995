# Sourced by the load and contract scripts: wrk from Debian, the service published in Release once (or the build
# output), and started on 127.0.0.1 with production settings plus the extra environment a script gives (its keys,
# its switches).
# Sets $work (a temporary folder holding the build and the data) and $server (the process id).

ensure_wrk() {
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
}

# new_work: the temporary folder, with a throw-away checkpoint signing key (production refuses to start without one).
new_work() {
  work=$(mktemp -d)
  openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt > "$work/checkpoint-key.pem"
}

publish_service() {
  new_work
  dotnet publish api -c Release -o "$work/app" --nologo -v quiet >/dev/null
}

# use_build_output: the Release build ./test.sh has just made (built here when missing), instead of a publish.
use_build_output() {
  new_work
  [ -f api/bin/Release/net10.0/Decisions.Api.dll ] || dotnet build api -c Release --nologo -v quiet >/dev/null
  ln -s "$PWD/api/bin/Release/net10.0" "$work/app"
}

# start_service PORT [NAME=VALUE ...]: starts the service on the same data folder each time, waits until ready.
start_service() {
  local port=$1
  shift
  env ASPNETCORE_ENVIRONMENT=Production Storage__LiteDb__Path="$work/data/decisions.db" RuleSets__Path="$PWD/rulesets" \
    Checkpoints__KeyId=load-test Checkpoints__SigningKey="$(cat "$work/checkpoint-key.pem")" \
    Limits__PermitsPerSecond=1000000 Limits__Burst=1000000 Logging__LogLevel__Default=Warning "$@" \
    dotnet "$work/app/Decisions.Api.dll" --urls "http://127.0.0.1:$port" --contentRoot "$work/app" >> "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "the service did not start"; tail -20 "$work/server.log"; exit 1
}

# write_wrk_script KEY: $work/post.lua, which POSTs one retail-tiering decision with KEY and prints a RESULT line.
decision_body='{"ruleSet":"retail-tiering","customer":{"customerId":"R-0001","name":"王芳","avgDailyBalance":800000,"largeOutflow30d":250000,"monthlyTransactions":6,"productsHeld":["fund","credit_card"],"occupation":"clerk","lastTransactionDate":"2026-06-10","lastTierReviewDate":"2026-03-01","birthDate":"1985-01-20","satisfaction":7}}'
write_wrk_script() {
  cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$decision_body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "$1"
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.0f p50=%.2f p90=%.2f p99=%.2f errors=%d non2xx=%d\\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
LUA
}

# prefill_store N PORT KEY: logs N decisions through POST /v1/decisions/batch (1,000 customers a request, 4 requests
# in flight), each customer distinct, and prints how long it took.
prefill_store() {
  local count=$1 port=$2 key=$3
  [ "$count" -gt 0 ] || return 0
  python3 - "$work/batch-" <<'PY'
import json, sys
for part in range(4):
    customers = [{"customerId": f"P-{part}-{i:04d}", "avgDailyBalance": (i * 997) % 1_200_000, "largeOutflow30d": i % 300_000,
                  "monthlyTransactions": i % 40, "productsHeld": ["fund", "credit_card"][: i % 3], "lastTierReviewDate": "2026-03-01",
                  "birthDate": "1985-01-20"} for i in range(1000)]
    json.dump({"ruleSet": "retail-tiering", "customers": customers}, open(f"{sys.argv[1]}{part}.json", "w"))
PY
  local started=$SECONDS
  seq 0 $(((count + 999) / 1000 - 1)) | xargs -P 4 -I{} sh -c \
    'curl -fs -o /dev/null -X POST -H "Content-Type: application/json" -H "X-Api-Key: $0" --data-binary @"$1/batch-$(({} % 4)).json" "http://127.0.0.1:$2/v1/decisions/batch"' \
    "$key" "$work" "$port"
  echo "prefill   $count decisions in $((SECONDS - started)) s"
}
