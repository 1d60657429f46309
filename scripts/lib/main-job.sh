# Shared by scripts/smoke-demo.sh and scripts/check-image.sh, which run the main job (on the JVM, in the image) and
# check it the same way. Source it; each function calls the caller's `fail` with the reason.

# wait_ready LOG PID: waits up to 120 s for the DEMO-READY line; prints its URL.
wait_ready() {
  local log="$1" pid="$2" url=""
  for _ in $(seq 1 240); do
    url=$(sed -n 's/^DEMO-READY //p' "$log" | head -n 1)
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || fail "the main job exited before it was ready"
    sleep 0.5
  done
  [ -n "$url" ] || fail "no DEMO-READY line within 120 s"
  printf '%s' "$url"
}

# wait_events BASE: waits up to 30 s for published order events in BASE/metrics; prints their count.
wait_events() {
  local base="$1" events=0
  for _ in $(seq 1 60); do
    events=$(curl -fsS "$base/metrics" | awk '/^tracker_events_published_total/ {s += $NF} END {printf "%d", s}')
    [ "${events:-0}" -gt 0 ] && break
    sleep 0.5
  done
  [ "${events:-0}" -gt 0 ] || fail "no order events published within 30 s"
  printf '%s' "$events"
}

# wait_stopped PID LOG: after SIGTERM, waits up to 30 s for PID to exit and requires the clean-stop line in LOG.
wait_stopped() {
  local pid="$1" log="$2"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "$pid" 2>/dev/null && fail "still running 30 s after SIGTERM"
  grep -q "stopped cleanly" "$log" || fail "no clean stop reported"
}
