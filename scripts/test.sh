#!/usr/bin/env bash
# The test command of the README and of CI: installs the test dependencies (chromium, npm packages, a local
# PostgreSQL), then builds every module and runs every test. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
export PG_TEST_PORT="${PG_TEST_PORT:-55432}"
export PG_TEST_URL="${PG_TEST_URL:-postgresql://tracker:tracker@127.0.0.1:${PG_TEST_PORT}/tracker}"
echo
echo "==> mvn verify (all modules, all tests)"
exec mvn -B -ntp verify "$@"
