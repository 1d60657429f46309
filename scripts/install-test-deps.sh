#!/usr/bin/env bash
# Installs what the test suite needs beyond Java and Maven, idempotently:
#   - Debian chromium (headless browser tests of the dashboard), as root through apt-get;
#   - the npm packages of js/ (bridge clients, third-party Binance clients, playwright-core);
#   - a throw-away PostgreSQL on 127.0.0.1 for the PostgreSQL store tests (scripts/postgres-for-tests.sh).
# Prints progress; exits non-zero with a clear message if something cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "need root to install Debian packages: $*" >&2
    exit 1
  fi
  if [ "$apt_updated" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  step "installing Debian chromium (headless browser tests)"
  apt_install chromium
fi

if ! command -v node >/dev/null 2>&1; then
  step "installing Node.js and npm"
  apt_install nodejs npm
fi

if [ ! -d js/node_modules ] || [ js/package-lock.json -nt js/node_modules/.package-lock.json ]; then
  step "installing npm packages of js/"
  npm ci --prefix js --no-audit --no-fund --loglevel=error
fi

if [ -x scripts/postgres-for-tests.sh ]; then
  step "starting a throw-away PostgreSQL on 127.0.0.1 for the store tests"
  # a server killed with its machine's previous session can leave a stale pid/socket: a second try starts it
  scripts/postgres-for-tests.sh || { sleep 3; scripts/postgres-for-tests.sh; }
fi
