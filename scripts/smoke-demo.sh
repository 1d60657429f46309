#!/usr/bin/env bash
# Runs the main job the way a new user does (scripts/demo.sh), waits for the dashboard and for order events, checks
# /health and /metrics, then stops it with SIGTERM (what Ctrl-C does: the JVM's shutdown hook) and checks that it
# stopped cleanly. Called by scripts/test.sh after the Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/main-job.sh

log=$(mktemp -t demo-smoke.XXXXXX.log)
data=$(mktemp -d -t demo-smoke-data.XXXXXX)
fail() { echo "demo smoke test FAILED: $*" >&2; echo "---- demo output ----" >&2; tail -n 60 "$log" >&2; kill -KILL "$pid" 2>/dev/null || true; exit 1; }

HTTP_PORT=0 TCP_BRIDGE_PORT=0 DATA_DIR="$data" AUTO_TRADER_RATE=10 scripts/demo.sh >"$log" 2>&1 &
pid=$!

url=$(wait_ready "$log" "$pid")
base=$(printf '%s' "$url" | sed -E 's#^(https?://[^/]+).*#\1#')
echo "demo up at $base"

curl -fsS "$url" | grep -q '<html' || fail "the dashboard page did not load from $url"

events=$(wait_events "$base")
echo "demo published $events events"

curl -fsS "$base/health" | grep -q '"UP"' || fail "/health is not UP: $(curl -sS "$base/health")"

kill -TERM "$pid"
wait_stopped "$pid" "$log"
ls "$data"/* >/dev/null 2>&1 || fail "the demo's store wrote nothing into DATA_DIR"
echo "demo smoke test passed: dashboard, events, /health, /metrics, clean stop"
rm -rf "$data" "$log"
