#!/usr/bin/env bash
# Load test of the streamed re-decision: fills a LiteDB store with N decisions through POST /v1/decisions/batch
# (FILL_KEYS teller keys, default 4, each with one batch in flight; a customer deciding about three times), then runs a replay of the whole range and an impact
# of a draft over the same period as long-running operations, polling their progress. Prints decisions/s and the
# service's resident memory before, and at most during, each run. Everything stays on 127.0.0.1.
#   [PORT=5103] [FILL=http|service] [FILL_KEYS=4] [RUNS="replay impact replay"] tests/load/replay-load.sh [decisions] [kept-data-folder]
# With a kept-data folder the filled store is kept there and reused by the next run with the same folder. RUNS
# chooses the runs, in order (replay, impact, warmup; an empty RUNS only fills). FILL=service fills without HTTP, benchmark only: the service
# decides and logs the same synthetic customers through DecisionService at start (Benchmark:FillDecisions).
set -euo pipefail
cd "$(dirname "$0")/../.."
decisions=${1:-100000}
kept=${2:-}
port=${PORT:-5103}
source tests/load/service.sh
publish_service
[ -n "$kept" ] && mkdir -p "$kept" && rm -rf "$work/data" && ln -s "$(realpath "$kept")" "$work/data"
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
keys=() settings=()
tellers=${FILL_KEYS:-4}
for i in $(seq 0 $((tellers - 1))); do
  keys+=("load-test-teller-key-$(printf %04d "$i")")
  settings+=("Auth__ApiKeys__${i}__Key=${keys[$i]}" "Auth__ApiKeys__${i}__Role=teller" "Auth__ApiKeys__${i}__Name=teller-$i")
done
auditor=load-test-auditor-key-001 editor=load-test-editor-key-0001
serve() {
  start_service $port "${settings[@]}" Auth__ApiKeys__${tellers}__Key=$auditor Auth__ApiKeys__${tellers}__Role=auditor \
    Auth__ApiKeys__${tellers}__Name=auditor Auth__ApiKeys__$((tellers + 1))__Key=$editor \
    Auth__ApiKeys__$((tellers + 1))__Role=editor Auth__ApiKeys__$((tellers + 1))__Name=editor "$@"
}
base="http://127.0.0.1:$port"
logged() {
  curl -fs -H "X-Api-Key: $auditor" "$base/metrics" | awk '/^decisions_decisionlog_decision_log_decisions / { print int($2) }'
}

stored=$(cat "$work/data/filled" 2>/dev/null || echo 0)
if [ "$stored" -lt "$decisions" ] && [ "${FILL:-http}" = service ]; then
  # Benchmark only: the service logs synthetic customers through DecisionService at start (evaluation,
  # serialization, digest, compression and group commit as for POST /v1/decisions), without HTTP.
  echo "filling the store through DecisionService, no HTTP: $stored → $decisions decisions"
  started=$(date +%s.%N)
  serve Benchmark__FillDecisions=$((decisions - stored)) Benchmark__FillFrom="$stored"
  while n=$(logged); [ "${n:-0}" -lt "$decisions" ]; do kill -0 "$server" || exit 1; sleep 5; done
  kill "$server"; wait "$server" || true
  echo "$decisions" > "$work/data/filled"
  awk -v n="$((decisions - stored))" -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "filled    %d decisions in %.0f s (%.0f/s)\n", n, e - s, n / (e - s) }'
  stored=$decisions
fi
serve
if [ "$stored" -lt "$decisions" ]; then
  echo "filling the store: $stored → $decisions decisions"
  started=$(date +%s.%N)
  python3 - "$base" "$((decisions - stored))" "${keys[@]}" <<'PY'
import json, sys, threading, urllib.request
base, missing, keys = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
batches = (missing + 999) // 1000
def customer(i):
    return {"customerId": f"R-{i // 3:07d}", "name": "王芳", "avgDailyBalance": 1000 + (i * 7919) % 900000,
            "largeOutflow30d": 250000, "monthlyTransactions": 6, "productsHeld": ["fund", "credit_card"],
            "occupation": "clerk", "lastTransactionDate": "2026-06-10", "lastTierReviewDate": "2026-03-01",
            "birthDate": "1985-01-20", "satisfaction": 7}
def fill(worker):
    for b in range(worker, batches, len(keys)):
        size = min(1000, missing - b * 1000)
        body = json.dumps({"ruleSet": "retail-tiering", "customers": [customer(b * 1000 + j) for j in range(size)]}).encode()
        request = urllib.request.Request(base + "/v1/decisions/batch", body, {"Content-Type": "application/json", "X-Api-Key": keys[worker]})
        urllib.request.urlopen(request, timeout=120).read()
threads = [threading.Thread(target=fill, args=(w,)) for w in range(len(keys))]
[t.start() for t in threads]
[t.join() for t in threads]
PY
  echo "$decisions" > "$work/data/filled"
  awk -v n="$((decisions - stored))" -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "filled    %d decisions in %.0f s (%.0f/s)\n", n, e - s, n / (e - s) }'
fi

rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$server/status"; }
# The service's CPU seconds so far: on a shared machine, decisions per CPU-second tell what it costs.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$server/stat"; }
# run NAME KEY URL BODY: starts a run, polls it until it ends, prints its rate and the memory it took.
run() {
  local name=$1 key=$2 url=$3 body=$4 before peak=0 status started location cpu0
  sleep 2
  before=$(rss) cpu0=$(cpu)
  started=$(date +%s.%N)
  location=$(curl -fs -D - -o /dev/null -X POST -H "Content-Type: application/json" -H "X-Api-Key: $key" -d "$body" "$base$url" \
    | awk 'tolower($1) == "location:" { print $2 }' | tr -d '\r')
  while :; do
    status=$(curl -fs -H "X-Api-Key: $key" "$base$location")
    now=$(rss); [ "$now" -gt "$peak" ] && peak=$now
    state=$(python3 -c 'import json,sys; s=json.loads(sys.argv[1]); print(s["state"], s["read"], s["percent"])' "$status")
    echo "  $name: $state" >&2
    [ "${state%% *}" = running ] || break
    sleep 1
  done
  awk -v r="$(cut -d' ' -f2 <<<"$state")" -v s="$started" -v e="$(date +%s.%N)" -v b="$before" -v p="$peak" -v n="$name" -v st="${state%% *}" \
    -v c="$(awk -v a="$cpu0" -v z="$(cpu)" 'BEGIN { print z - a }')" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "%-9s %s: %d decisions in %.1f s = %.0f decisions/s (load %s); %.1f CPU s = %.0f decisions per CPU-second; RSS %d MB before, at most %d MB during (+%d MB)\n", n, st, r, e - s, r / (e - s), l, c, r / c, b, p, p - b }'
  python3 -c 'import json,sys; s=json.loads(sys.argv[1]); r=s["replay"] or s["impact"]; print("          " + json.dumps({k: v for k, v in r.items() if not isinstance(v, list)}))' "$status"
}

curl -fs -o /dev/null -X POST -H "Content-Type: application/json" -H "X-Api-Key: $editor" -d '{"from":1}' "$base/v1/rulesets/retail-tiering/drafts" || true
# The first run also pays for the JIT and fills LiteDB's page cache: the second replay shows the steady state.
for kind in ${RUNS-replay impact replay}; do
  case $kind in
    replay) run replay "$auditor" /v1/decisions/replay/runs '{"from":"2000-01-01T00:00:00Z","to":"2100-01-01T00:00:00Z"}' ;;
    # A replay of the newest 10,000 only: what the first run after start costs whatever its length (JIT, caches).
    warmup) run warmup "$auditor" /v1/decisions/replay/runs '{"from":"2000-01-01T00:00:00Z","to":"2100-01-01T00:00:00Z","limit":10000}' ;;
    impact) run impact "$editor" /v1/rulesets/retail-tiering/versions/2/impact/runs '{"from":"2000-01-01T00:00:00Z"}' ;;
  esac
done
