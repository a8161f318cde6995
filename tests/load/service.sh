# Sourced by the load scripts: wrk from Debian, the service published in Release once, and started on
# 127.0.0.1 with production settings plus the extra environment a script gives (its keys, its switches).
# Sets $work (a temporary folder holding the build and the data) and $server (the process id).

ensure_wrk() {
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
}

publish_service() {
  work=$(mktemp -d)
  dotnet publish api -c Release -o "$work/app" --nologo -v quiet >/dev/null
}

# start_service PORT [NAME=VALUE ...]: starts the service on the same data folder each time, waits until ready.
start_service() {
  local port=$1
  shift
  env ASPNETCORE_ENVIRONMENT=Production Storage__LiteDb__Path="$work/data/decisions.db" RuleSets__Path="$PWD/rulesets" \
    Limits__PermitsPerSecond=1000000 Limits__Burst=1000000 Logging__LogLevel__Default=Warning "$@" \
    dotnet "$work/app/Decisions.Api.dll" --urls "http://127.0.0.1:$port" --contentRoot "$work/app" >> "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "the service did not start"; tail -20 "$work/server.log"; exit 1
}
