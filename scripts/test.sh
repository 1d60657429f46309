#!/usr/bin/env bash
# The test command of the README and of CI: installs the test dependencies (chromium, npm packages, a local
# PostgreSQL), builds every module and runs every test (mvn verify), then runs the main job as a new user would
# (scripts/smoke-demo.sh) and runs the container image without a Docker engine
# (scripts/check-image.sh). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
export PG_TEST_PORT="${PG_TEST_PORT:-55432}"
export PG_TEST_URL="${PG_TEST_URL:-postgresql://tracker:tracker@127.0.0.1:${PG_TEST_PORT}/tracker}"
echo
echo "==> mvn verify (all modules, all tests)"
mvn -B -ntp verify "$@"
echo
echo "==> the main job, as a new user runs it"
scripts/smoke-demo.sh
echo
echo "==> the container image the build made, run without a Docker engine"
scripts/check-image.sh

