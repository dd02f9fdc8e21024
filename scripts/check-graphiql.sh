#!/usr/bin/env bash
# Opens the service's GraphiQL in a real headless Chromium (Debian's) with no network but loopback,
# and checks that it renders, that the three saved view examples are there, and that a query runs.
# Usage: scripts/check-graphiql.sh   (builds the jar if needed; installs chromium with apt if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
jar=$(ls target/databuild-lineage-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -ntp -q package -DskipTests
  jar=$(ls target/databuild-lineage-*.jar | grep -v original | head -1)
fi
work=$(mktemp -d)
port=${PORT:-18089}
java -jar "$jar" --server.port="$port" --lineage.data-dir="$work/data" --lineage.demo.enabled=true >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
browser() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile-$1" \
    --virtual-time-budget=15000 "${@:2}" 2>/dev/null
}
url="http://localhost:$port/graphiql?path=/graphql"
browser dom --dump-dom "$url" >"$work/dom.html"
browser shot --window-size=1400,900 --screenshot="${SCREENSHOT:-$work/graphiql.png}" "$url" >/dev/null
fail=0
check() { if grep -q "$1" "$work/dom.html"; then echo "ok   $2"; else echo "FAIL $2"; fail=1; fi; }
check 'graphiql-container' 'GraphiQL rendered from local assets'
check 'WantFulfilment' 'saved example 1: want fulfilment'
check 'PartitionLineage' 'saved example 2: partition lineage'
check 'JobRunDetail' 'saved example 3: job run detail'
answer=$(curl -s -H 'Content-Type: application/json' -d '{"query":"{ want(wantId: \"W-001\") { status } }"}' "http://localhost:$port/graphql")
if echo "$answer" | grep -q SUCCESSFUL; then echo "ok   W-001 answered over HTTP"; else echo "FAIL query: $answer"; fail=1; fi
echo "screenshot: ${SCREENSHOT:-$work/graphiql.png (removed on exit; set SCREENSHOT=path to keep)}"
exit $fail
