#!/usr/bin/env bash
# Runs the main job the way a new user does (scripts/demo.sh), waits for the dashboard and for order events, checks
# /health and /metrics, then stops it with SIGTERM (what Ctrl-C does: the JVM's shutdown hook) and checks that it
# stopped cleanly. Called by scripts/test.sh after the Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp -t demo-smoke.XXXXXX.log)
data=$(mktemp -d -t demo-smoke-data.XXXXXX)
fail() { echo "demo smoke test FAILED: $*" >&2; echo "---- demo output ----" >&2; tail -n 60 "$log" >&2; kill -KILL "$pid" 2>/dev/null || true; exit 1; }

HTTP_PORT=0 TCP_BRIDGE_PORT=0 DATA_DIR="$data" AUTO_TRADER_RATE=10 scripts/demo.sh >"$log" 2>&1 &
pid=$!

url=""
for _ in $(seq 1 240); do
  url=$(sed -n 's/^DEMO-READY //p' "$log" | head -n 1)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the demo exited before it was ready"
  sleep 0.5
done
[ -n "$url" ] || fail "no DEMO-READY line within 120 s"
base=$(printf '%s' "$url" | sed -E 's#^(https?://[^/]+).*#\1#')
echo "demo up at $base"

curl -fsS "$url" | grep -q '<html' || fail "the dashboard page did not load from $url"

events=0
for _ in $(seq 1 60); do
  events=$(curl -fsS "$base/metrics" | awk '/^tracker_events_published_total/ {s += $NF} END {printf "%d", s}')
  [ "${events:-0}" -gt 0 ] && break
  sleep 0.5
done
[ "${events:-0}" -gt 0 ] || fail "no order events published within 30 s"
echo "demo published $events events"

curl -fsS "$base/health" | grep -q '"UP"' || fail "/health is not UP: $(curl -sS "$base/health")"

kill -TERM "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
kill -0 "$pid" 2>/dev/null && fail "the demo did not stop within 30 s of SIGTERM"
grep -q "stopped cleanly" "$log" || fail "the demo did not report a clean stop"
ls "$data"/* >/dev/null 2>&1 || fail "the demo's store wrote nothing into DATA_DIR"
echo "demo smoke test passed: dashboard, events, /health, /metrics, clean stop"
rm -rf "$data" "$log"
