# The commands a person types. `make run` starts the whole product; `make test` runs every test.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
MVN := mvn -B --no-transfer-progress -f backend/pom.xml
NPM_DIR := frontend

.PHONY: run test build frontend-build frontend-test backend-test e2e chromium lint clean bench

## run: build, then start MariaDB, Keycloak and the API (serving the SPA) until Ctrl-C
run: build
	backend/dev/stack.sh run

## build: the SPA into frontend/dist, then the API (with the SPA inside) into backend/target
build: frontend-build
	$(MVN) -q package -DskipTests

## test: contract and SPA checks, backend tests on real MariaDB, then the browser test on the running product
test: frontend-test backend-test e2e

$(NPM_DIR)/node_modules/.installed: $(NPM_DIR)/package-lock.json
	cd $(NPM_DIR) && npm ci --no-audit --no-fund
	touch $@

frontend-build: $(NPM_DIR)/node_modules/.installed
	cd $(NPM_DIR) && npm run -s build

## frontend-test: generated client up to date, types, contract lint, unit tests
frontend-test: $(NPM_DIR)/node_modules/.installed
	cd $(NPM_DIR) && npm run -s gen:check && npm run -s typecheck && npm run -s lint:api && npm run -s test

## backend-test: @QuarkusTest suites against a real MariaDB, then the fault tests (*IT) against the packaged API
backend-test: frontend-build
	$(MVN) verify

## e2e: a throwaway stack on other ports and the Playwright test in Debian's Chromium
e2e: chromium
	@test -f backend/target/quarkus-app/quarkus-run.jar || $(MAKE) build
	backend/dev/stack.sh e2e

## bench: a throwaway stack (MariaDB 3310, API 8090, OIDC stub 8190), a large generated network, two tables of figures
bench: chromium
	@# wrk cross-checks the Java load generator (optional: the bench says so and goes on without it)
	@if ! command -v wrk >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) || true; \
	fi
	bench/run.sh

chromium:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the browser test ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser test needs Chromium: run 'sudo apt-get install -y chromium', then make test again." >&2; exit 1; \
	  fi; \
	fi

lint: $(NPM_DIR)/node_modules/.installed
	cd $(NPM_DIR) && npm run -s lint:api

clean:
	$(MVN) -q clean
	rm -rf $(NPM_DIR)/dist $(NPM_DIR)/node_modules
