#!/usr/bin/env bash
# `npm run bench`: the same set-up as npm test (Node, dependencies, PostgreSQL, Redis), then every
# benchmark of bench/ and one table of figures, anchors, ratios and targets (bench/run.ts).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_started_services
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

check_node
load_env
resolve_settings
mkdir -p "$RUN_DIR"
ensure_dependencies
ensure_services
if [ -z "${TEST_DATABASE_SERVER_URL:-}" ]; then
  TEST_DATABASE_SERVER_URL="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/postgres"; console.log(u.toString());' "$DATABASE_URL")"
  export TEST_DATABASE_SERVER_URL
fi
node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/run.ts
