#!/usr/bin/env bash
# The main job: builds what is needed (first run: a few minutes), then starts the full stack on the embedded
# Binance simulator — tracker, adapter, event-bus bridge, dashboard, metrics — and prints the dashboard URL and a
# demo token. With BINANCE_API_KEY and BINANCE_SECRET_KEY (or BINANCE_PRIVATE_KEY_FILE) set, it connects to real
# Binance (or BINANCE_WS_API_URL / BINANCE_REST_URL, e.g. the testnet) instead. Ctrl-C stops it cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=examples/target/vertx-order-tracker-demo.jar
if [ ! -f "$JAR" ] || [ -n "$(find . -path ./js -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/resources/*' \) -newer "$JAR" -print -quit)" ]; then
  echo "==> building the demo (mvn package, tests skipped; the first build downloads dependencies)"
  # only the jar: no container image, javadoc or sources jars (mvn verify builds those)
  mvn -B -ntp -q -DskipTests -Dimage.skip -Dmaven.javadoc.skip -Dmaven.source.skip -Dinvoker.skip -pl examples -am package
fi
echo "==> starting the full stack"
exec java --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  -jar "$JAR" "$@"
