#!/usr/bin/env bash
# Development identity provider: Keycloak with the learning-cities realm (dev only: admin/admin,
# plain HTTP, listens on all interfaces like any start-dev).
#
# Runs in the foreground (the caller may background it). Environment:
#   KEYCLOAK_PORT             HTTP port (default 8180)
#   KEYCLOAK_MANAGEMENT_PORT  management port for /health/ready (default 9000)
#   KEYCLOAK_HOME             where Keycloak is unpacked and keeps its data (default backend/.dev/keycloak-<version>)
#
# Keycloak's default dev H2 database lives inside backend/.dev/keycloak-<version>/data,
# so a restart keeps users; an existing realm is skipped by --import-realm.
# Delete backend/.dev/keycloak-<version>/data/h2 to start from the realm file again.
set -euo pipefail

KEYCLOAK_VERSION=26.5.6
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BACKEND_DIR="$(dirname "$SCRIPT_DIR")"
DEV_DIR="$BACKEND_DIR/.dev"
KC_HOME="${KEYCLOAK_HOME:-$DEV_DIR/keycloak-$KEYCLOAK_VERSION}"
REALM_FILE="$SCRIPT_DIR/keycloak/learning-cities-realm.json"

if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
  ARTIFACT="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"
  ZIP_NAME="keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  ZIP_SUBDIR="org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION"
  ZIP="$HOME/.m2/repository/$ZIP_SUBDIR/$ZIP_NAME"
  if [[ ! -f "$ZIP" ]]; then
    echo "Downloading Keycloak $KEYCLOAK_VERSION (about 165 MB) from Maven Central ..." >&2
    mvn -q -B dependency:get -Dtransitive=false -Dartifact="$ARTIFACT"
  fi
  if [[ ! -f "$ZIP" ]]; then
    # A non-default local repository (settings.xml or -Dmaven.repo.local in MAVEN_OPTS).
    M2_FILE="$(mktemp)"
    mvn -q -B help:evaluate -Dexpression=settings.localRepository -Doutput="$M2_FILE" >/dev/null
    M2_REPO="$(cat "$M2_FILE")"
    rm -f "$M2_FILE"
    ZIP="$M2_REPO/$ZIP_SUBDIR/$ZIP_NAME"
  fi
  [[ -f "$ZIP" ]] || { echo "Keycloak zip not found at $ZIP" >&2; exit 1; }
  echo "Unpacking Keycloak into $KC_HOME ..." >&2
  mkdir -p "$DEV_DIR"
  TMP_DIR="$(mktemp -d "$DEV_DIR/unzip.XXXXXX")"
  unzip -q "$ZIP" -d "$TMP_DIR"
  mkdir -p "$(dirname "$KC_HOME")"
  mv "$TMP_DIR/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rmdir "$TMP_DIR"
fi

mkdir -p "$KC_HOME/data/import"
cp "$REALM_FILE" "$KC_HOME/data/import/"

export KC_BOOTSTRAP_ADMIN_USERNAME=admin   # dev only
export KC_BOOTSTRAP_ADMIN_PASSWORD=admin   # dev only

exec "$KC_HOME/bin/kc.sh" start-dev \
  --http-port="${KEYCLOAK_PORT:-8180}" \
  --http-management-port="${KEYCLOAK_MANAGEMENT_PORT:-9000}" \
  --health-enabled=true \
  --import-realm
