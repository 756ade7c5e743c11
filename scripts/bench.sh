#!/usr/bin/env bash
# `npm run bench`: the same set-up as npm test (Node, dependencies, PostgreSQL, Redis), then every
# benchmark of bench/ and one table of figures, anchors, ratios and targets (bench/run.ts).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

stop_services_on_exit
prepare
use_test_database_server
node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/run.ts
