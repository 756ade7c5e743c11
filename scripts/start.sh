#!/usr/bin/env bash
# `npm start`: the main job. Installs what is missing, makes sure PostgreSQL and Redis answer,
# migrates, loads the demo programme, starts a mail catcher, the API and the worker, and prints
# where to find them. Ctrl-C stops everything this script started.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  echo
  say "Stopping what npm start started"
  stop_started_processes
  stop_started_services
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

prepare

for port in "$API_PORT" "$WORKER_HEALTH_PORT"; do
  port_free "$port" || die "Port $port is in use. Is Treffpunkt already running (npm start in another terminal)? Stop it, or set API_PORT / WORKER_HEALTH_PORT in .env."
done

ensure_database

say "Building API and worker (npm run build)"
npm run -s build

say "Migrating the database (npm run migration:run)"
if ! npm run -s migration:run >"$RUN_DIR/migrations.log" 2>&1; then
  tail -n 30 "$RUN_DIR/migrations.log" >&2
  die "Migrations failed; the whole log is in .run/migrations.log."
fi
grep -E 'has been executed successfully|No migrations are pending' "$RUN_DIR/migrations.log" | sed 's/^/    /' || true

say "Loading the demo programme (npm run seed:demo)"
if ! npm run -s seed:demo >"$RUN_DIR/demo-seed.txt" 2>&1; then
  cat "$RUN_DIR/demo-seed.txt" >&2
  die "Loading the demo programme failed."
fi

mail_inbox=""
if [ -z "${SMTP_URL:-}" ]; then
  smtp_port="${MAILDEV_SMTP_PORT:-1025}"
  web_port="${MAILDEV_WEB_PORT:-1080}"
  export SMTP_URL="smtp://127.0.0.1:$smtp_port"
  mail_inbox="http://localhost:$web_port"
  if ! port_free "$smtp_port" && mail_catcher_answers "http://127.0.0.1:$web_port"; then
    say "A mail catcher already listens on ports $smtp_port/$web_port; using it"
  else
    say "Starting the mail catcher (maildev) on SMTP $smtp_port, inbox $mail_inbox"
    start_process "$RUN_DIR/maildev.log" "$ROOT/node_modules/.bin/maildev" \
      --smtp "$smtp_port" --ip 127.0.0.1 --web "$web_port" --web-ip 127.0.0.1
    wait_for_http "http://127.0.0.1:$web_port/api/healthz" "$LAST_PID" 30 ||
      die "The mail catcher did not start; see .run/maildev.log (or set SMTP_URL in .env)."
  fi
fi

say "Starting API and worker (logs in .run/api.log and .run/worker.log)"
: >"$RUN_DIR/api.log"
: >"$RUN_DIR/worker.log"
start_process "$RUN_DIR/api.log" node dist/apps/api/src/main.js
api_pid=$LAST_PID
# shellcheck disable=SC2046 # the options are separate words
start_process "$RUN_DIR/worker.log" env $(worker_environment) node $(worker_node_options) dist/apps/worker/src/main.js
worker_pid=$LAST_PID

api_ready="http://127.0.0.1:$API_PORT/health/ready"
worker_ready="http://127.0.0.1:$WORKER_HEALTH_PORT/health/ready"
if ! wait_for_http "$api_ready" "$api_pid" 60; then
  tail -n 40 "$RUN_DIR/api.log" >&2
  die "The API did not become ready; see .run/api.log."
fi
if ! wait_for_http "$worker_ready" "$worker_pid" 60; then
  tail -n 40 "$RUN_DIR/worker.log" >&2
  die "The worker did not become ready; see .run/worker.log."
fi

base="${PUBLIC_BASE_URL%/}"
[ -n "$mail_inbox" ] || mail_inbox="(none started: mail goes to the SMTP_URL of your settings)"
cat <<EOF

${GREEN}${BOLD}Treffpunkt is running.${RESET}

  Organiser console    $base/console  (sign in with a link printed below)
  API docs (Swagger)   $base/docs
  Public base URL      $base
  API health           $base/health/ready
  Worker health        $worker_ready
  Mail inbox           $mail_inbox
  Logs                 .run/api.log  .run/worker.log

EOF
cat "$RUN_DIR/demo-seed.txt"
cat <<EOF

(The sign-in links, keys and feed URLs above are kept in .run/demo-seed.txt.) Press Ctrl-C to stop.
EOF

# A process manager that stops `npm start` with SIGTERM reaches only npm and its `sh -c`, not this
# script: stop too when that parent is gone, rather than leave API and worker behind.
parent_pid=$PPID
while kill -0 "$api_pid" 2>/dev/null && kill -0 "$worker_pid" 2>/dev/null; do
  kill -0 "$parent_pid" 2>/dev/null || exit 143
  sleep 1
done
if kill -0 "$api_pid" 2>/dev/null; then
  tail -n 40 "$RUN_DIR/worker.log" >&2
  die "The worker stopped unexpectedly; see .run/worker.log."
fi
tail -n 40 "$RUN_DIR/api.log" >&2
die "The API stopped unexpectedly; see .run/api.log."
