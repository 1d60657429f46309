#!/usr/bin/env bash
# Runs the container image the build made (examples/target/vertx-order-tracker-image.tar) without a Docker engine:
# unpacks its layers into a root filesystem, then starts its entrypoint, with its environment, working directory and
# non-root user, in a chroot with its own PID namespace and /proc (what a container runtime gives it, minus network
# isolation). It must start the main job on the embedded simulator, answer /health UP, publish events, and stop
# cleanly on SIGTERM. Needs root (chroot, unshare); called by scripts/test.sh after the Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/main-job.sh
image="${1:-examples/target/vertx-order-tracker-image.tar}"
[ -f "$image" ] || { echo "no image tarball at $image (mvn package builds it)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "check-image needs root (chroot, unshare)" >&2; exit 1; }

work=$(mktemp -d -t image-check.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT; [ -n "${KEEP:-}" ] && trap - EXIT
fail() { echo "image check FAILED: $*" >&2; echo "---- container output ----" >&2; tail -n 40 "$work/out.log" >&2 || true; exit 1; }

mkdir "$work/image" "$work/root"
tar -xf "$image" -C "$work/image"
config="$work/image/$(jq -r '.[0].Config' "$work/image/manifest.json")"
for layer in $(jq -r '.[0].Layers[]' "$work/image/manifest.json"); do
  tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$work/root"
done
user=$(jq -r '.config.User' "$config")
workdir=$(jq -r '.config.WorkingDir' "$config")
[ "$user" != "null" ] && [ "${user%%:*}" != 0 ] || fail "the image runs as root (User=$user)"
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mapfile -t env < <(jq -r '.config.Env[]' "$config")
# the entrypoint names `java` and relies on the image's PATH, as a runtime's exec does
java_path=$(printf '%s\n' "${env[@]}" | sed -n 's/^PATH=//p' | cut -d: -f1)/${entrypoint[0]}
[ -x "$work/root$java_path" ] || fail "$java_path is not executable in the image"
echo "image: $(jq -r '.[0].RepoTags[0]' "$work/image/manifest.json"), $(jq -r '.[0].Layers | length' "$work/image/manifest.json") layers, user $user"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/root/proc"
unshare_bin=$(command -v unshare)
env -i "${env[@]}" HTTP_PORT="$port" TCP_BRIDGE_PORT=0 AUTO_TRADER_RATE=10 \
  "$unshare_bin" --mount --pid --fork --mount-proc=/proc --root="$work/root" --wd="$workdir" \
  --setuid="${user%%:*}" --setgid="${user##*:}" "$java_path" "${entrypoint[@]:1}" \
  >"$work/out.log" 2>&1 &
pid=$!

wait_ready "$work/out.log" "$pid" >/dev/null
curl -fsS "http://127.0.0.1:$port/health" | grep -q '"UP"' || fail "/health is not UP"
events=$(wait_events "http://127.0.0.1:$port")
[ -n "$(ls -A "$work/root/app/data")" ] || fail "the store wrote nothing to /app/data as the non-root user"
# what `docker stop` does: SIGTERM to the container's PID 1, the JVM (the child unshare forked into the namespace)
pkill -TERM -P "$pid"
wait_stopped "$pid" "$work/out.log"
pid=""
echo "image check passed: /health UP, $events events published, store written as uid ${user%%:*}, clean stop on SIGTERM"
