#!/usr/bin/env bash
# `npm test`: all checks and tests. Same set-up as npm start (dependencies, PostgreSQL, Redis),
# then type check, lint, unit and e2e tests. Runs every step, reports each, and exits non-zero
# when any failed. Works without a terminal (CI=true, no stdin) on a fresh clone.
set -uo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT" || exit 1

stop_services_on_exit
set -e
prepare
set +e
ensure_test_packages
use_test_database_server

failed=""
report=""
step() {
  local name="$1" started status
  shift
  say "$name"
  started=$(date +%s)
  "$@"
  status=$?
  if [ "$status" -eq 0 ]; then
    report="$report
  ${GREEN}ok${RESET}      $name ($(($(date +%s) - started)) s)"
  else
    report="$report
  ${RED}FAILED${RESET}  $name (exit $status)"
    failed="$failed $name;"
  fi
}

rm -f "$RUN_DIR/jest-unit.json" "$RUN_DIR/jest-e2e.json"
step "Type check" npx tsc --noEmit -p tsconfig.json
step "Lint" npx eslint "{apps,libs,test,bench}/**/*.ts"
# Jest's default on two cores is one worker. The slowest unit specs wait on Chromium, and the e2e
# suites mostly on processes, SMTP and timers, so two run side by side even on two cores.
workers="$(node -p 'Math.max(2, require("node:os").availableParallelism() - 1)')"
step "Unit tests" npm run test:unit -- --maxWorkers="$workers" --json --outputFile="$RUN_DIR/jest-unit.json"
step "E2E tests" npm run test:e2e -- --maxWorkers="$workers" --json --outputFile="$RUN_DIR/jest-e2e.json"

# One closing line with the test counts of both jest runs.
counts="$(node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) continue;
    const run = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += run.numPassedTests;
    failed += run.numFailedTests + run.numRuntimeErrorTestSuites;
    skipped += run.numPendingTests + run.numTodoTests;
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$RUN_DIR/jest-unit.json" "$RUN_DIR/jest-e2e.json")"

# Stop now rather than on exit, so that the counts stay the last line of the output.
stop_started_services

printf '\n%sSummary%s%s\n\n' "$BOLD" "$RESET" "$report"
if [ -n "$failed" ]; then
  printf '\n%sFailed:%s%s\n' "$RED" "$RESET" "$failed"
  printf 'tests: %s\n' "$counts"
  exit 1
fi
printf 'tests: %s\n' "$counts"
