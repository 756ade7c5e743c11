# Shared by scripts/start.sh and scripts/test.sh; sourced, not run.
# Kept to bash 3.2 (macOS's /bin/bash): no associative arrays, no `wait -n`, no ${var,,}.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/.run"
SERVICES_JS="$ROOT/scripts/services.js"

# What this run started, so that it stops exactly that again on exit.
STARTED_PIDS=""
STARTED_DOCKER_SERVICES=""
STARTED_PG_CLUSTER=""
STARTED_PG_DATA=""
STARTED_PG_CTL=""
STARTED_REDIS_PIDFILE=""

if [ -t 1 ]; then
  BOLD=$'\033[1m'
  RED=$'\033[31m'
  GREEN=$'\033[32m'
  RESET=$'\033[0m'
else
  BOLD=""
  RED=""
  GREEN=""
  RESET=""
fi

say() { printf '%s==>%s %s\n' "$BOLD" "$RESET" "$*"; }
warn() { printf '%s%s%s\n' "$RED" "$*" "$RESET" >&2; }
die() {
  warn "$*"
  exit 1
}

mtime() { stat -c %Y "$1" 2>/dev/null || stat -f %m "$1"; }

# The Node the project runs on when the system's is too old: the version in .nvmrc, installed from
# the npm registry (the `node` package carries the platform binaries) into .run/node.
NODE_MIN_MAJOR=22
NODE_MIN_MINOR=12
LOCAL_NODE_DIR="$RUN_DIR/node"

node_is_recent_enough() {
  local version major minor
  version="$("$1" -p 'process.versions.node' 2>/dev/null)" || return 1
  major="${version%%.*}"
  minor="${version#*.}"
  minor="${minor%%.*}"
  [ "$major" -gt "$NODE_MIN_MAJOR" ] || { [ "$major" -eq "$NODE_MIN_MAJOR" ] && [ "$minor" -ge "$NODE_MIN_MINOR" ]; }
}

install_local_node() {
  local wanted
  wanted="$(tr -d '[:space:]' <"$ROOT/.nvmrc")"
  if [ -x "$LOCAL_NODE_DIR/node_modules/node/bin/node" ] &&
    [ "$("$LOCAL_NODE_DIR/node_modules/node/bin/node" -p 'process.versions.node')" = "$wanted" ]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm is not installed; it is needed to fetch Node $wanted."
  say "Installing Node $wanted into .run/node from the npm registry (npm package node@$wanted)"
  rm -rf "$LOCAL_NODE_DIR"
  mkdir -p "$LOCAL_NODE_DIR"
  (cd "$LOCAL_NODE_DIR" && printf '{"private":true}\n' >package.json &&
    npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error "node@$wanted") ||
    die "Could not install node@$wanted from the npm registry; install Node $NODE_MIN_MAJOR.$NODE_MIN_MINOR or newer yourself."
  "$LOCAL_NODE_DIR/node_modules/node/bin/node" -v >/dev/null 2>&1 ||
    die "The Node installed into .run/node does not run on this machine; install Node $NODE_MIN_MAJOR.$NODE_MIN_MINOR or newer yourself."
}

# Uses the system's Node when it is recent enough, else the project-local one; npm and every script
# started from here then find that Node first on PATH.
check_node() {
  if command -v node >/dev/null 2>&1 && node_is_recent_enough node; then
    return 0
  fi
  local found="none"
  command -v node >/dev/null 2>&1 && found="$(node -v)"
  install_local_node
  export PATH="$LOCAL_NODE_DIR/node_modules/node/bin:$PATH"
  hash -r
  say "Using Node $(node -v) from .run/node (the system's Node is $found; Treffpunkt needs $NODE_MIN_MAJOR.$NODE_MIN_MINOR or newer)"
}

# The worker's heap limits and allocator settings (package.json config.workerNodeOptions and
# config.workerEnvironment): see docs/operations.md.
worker_node_options() {
  node -p 'require(process.argv[1]).config.workerNodeOptions' "$ROOT/package.json"
}
worker_environment() {
  node -p 'require(process.argv[1]).config.workerEnvironment' "$ROOT/package.json"
}

# What every command does first: a recent enough Node, the settings, the dependencies, and
# PostgreSQL and Redis answering.
prepare() {
  check_node
  load_env
  resolve_settings
  mkdir -p "$RUN_DIR"
  ensure_dependencies
  ensure_services
}

# What the tests use beyond Node: Debian's Chromium for the screenshots of pages and emails,
# Python's icalendar as a third independent calendar reader, and poppler's pdftotext to read the
# text of the PDFs we print. Installed when missing and this user
# may use apt-get; otherwise the affected tests fail and say what is missing.
ensure_test_packages() {
  local missing=""
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing="$missing chromium"
  "${PYTHON_ICALENDAR:-/usr/bin/python3}" -c 'import icalendar' >/dev/null 2>&1 || missing="$missing python3-icalendar"
  command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
  [ -n "$missing" ] || return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if ! command -v apt-get >/dev/null 2>&1 || { [ -n "$sudo" ] && ! sudo -n true 2>/dev/null; }; then
    warn "Missing for the tests:$missing. Install them (Debian/Ubuntu: apt-get install$missing), or set CHROMIUM_PATH / PYTHON_ICALENDAR."
    return 0
  fi
  say "Installing what the tests need from Debian's packages:$missing"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $missing >/dev/null ||
    { $sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $missing >/dev/null; } ||
    warn "Could not install$missing; the tests that need them will fail."
}

# e2e suites and benchmarks create throwaway databases on the server of DATABASE_URL.
use_test_database_server() {
  if [ -z "${TEST_DATABASE_SERVER_URL:-}" ]; then
    TEST_DATABASE_SERVER_URL="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/postgres"; console.log(u.toString());' "$DATABASE_URL")"
    export TEST_DATABASE_SERVER_URL
  fi
}

# On exit, Ctrl-C or TERM: stops the services this run started, keeping the exit status.
stop_services_on_exit() {
  trap 'status=$?; trap - EXIT INT TERM; stop_started_services; exit "$status"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# Reads .env like the apps do (@nestjs/config): variables already in the environment win.
load_env() {
  local file="$ROOT/.env" line key value
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    [[ $line =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key="${BASH_REMATCH[2]}"
    value="${BASH_REMATCH[3]}"
    if [[ $value =~ ^\"(.*)\"[[:space:]]*$ ]] || [[ $value =~ ^\'(.*)\'[[:space:]]*$ ]]; then
      value="${BASH_REMATCH[1]}"
    else
      value="${value%%[[:space:]]#*}"
    fi
    if [ -z "${!key+x}" ]; then export "$key=$value"; fi
  done <"$file"
}

# The default of a variable as declared in libs/config/src/environment.ts, the one source of defaults.
config_default() {
  sed -n -e "s/^[[:space:]]*$1[^=]*= '\\(.*\\)';[[:space:]]*\$/\\1/p" \
    -e "s/^[[:space:]]*$1[^=]*= \\([0-9][0-9]*\\);[[:space:]]*\$/\\1/p" \
    "$ROOT/libs/config/src/environment.ts" | head -n 1
}

# Exports NAME with its value from the environment or .env, else the default of environment.ts.
use_setting() {
  local name="$1" fallback="$2" value
  value="${!name:-}"
  [ -n "$value" ] || value="$(config_default "$name")"
  [ -n "$value" ] || value="$fallback"
  export "$name=$value"
}

resolve_settings() {
  use_setting DATABASE_URL 'postgres://postgres@127.0.0.1:5432/treffpunkt'
  use_setting REDIS_URL 'redis://127.0.0.1:6379'
  use_setting API_PORT 3000
  use_setting WORKER_HEALTH_PORT 3001
  use_setting PUBLIC_BASE_URL "http://localhost:$API_PORT"
}

# Prints "host port" of a URL, with the given default port.
url_host_port() {
  node -e 'const u = new URL(process.argv[1]); console.log(u.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1", u.port || process.argv[2]);' "$1" "$2"
}

is_local_host() {
  case "$1" in
    127.* | localhost | ::1 | 0.0.0.0 | "") return 0 ;;
    *) return 1 ;;
  esac
}

ensure_dependencies() {
  local marker="$ROOT/node_modules/.package-lock.json"
  # A git worktree links the main checkout's node_modules, and its package-lock.json is as new as
  # its checkout: npm ci would empty the shared directory through the link for everyone using it.
  if [ -L "$ROOT/node_modules" ]; then
    [ -f "$marker" ] || die "node_modules links to $(readlink "$ROOT/node_modules"), which has no installed packages; run npm ci there."
    return 0
  fi
  if [ ! -f "$marker" ] || [ "$(mtime "$ROOT/package-lock.json")" -gt "$(($(mtime "$marker") + 2))" ]; then
    say "Installing dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed; see the messages above."
  fi
}

postgres_answers() { node "$SERVICES_JS" ping-postgres; }
redis_answers() { node "$SERVICES_JS" ping-redis; }

docker_works() {
  command -v docker >/dev/null 2>&1 || return 1
  docker info >/dev/null 2>&1 || return 1
  docker compose version >/dev/null 2>&1
}

find_pg_bin() {
  local name="$1" candidate
  if command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
    return 0
  fi
  for candidate in /usr/lib/postgresql/*/bin/"$name" /opt/homebrew/opt/postgresql@*/bin/"$name" \
    /usr/local/opt/postgresql@*/bin/"$name" /Applications/Postgres.app/Contents/Versions/latest/bin/"$name"; do
    if [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

start_local_postgres() {
  local port="$1" conf version pg_ctl initdb data
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for conf in /etc/postgresql/*/main; do
      [ -d "$conf" ] || continue
      version="$(basename "$(dirname "$conf")")"
      say "Starting PostgreSQL $version (pg_ctlcluster $version main start)"
      if pg_ctlcluster --skip-systemctl-redirect "$version" main start; then
        STARTED_PG_CLUSTER="$version"
        return 0
      fi
    done
  fi
  pg_ctl="$(find_pg_bin pg_ctl)" || return 1
  initdb="$(dirname "$pg_ctl")/initdb"
  data="$RUN_DIR/postgres"
  if [ ! -f "$data/PG_VERSION" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      warn "PostgreSQL refuses to initialise a cluster as root; start your system's PostgreSQL instead."
      return 1
    fi
    say "Creating a local PostgreSQL cluster in .run/postgres (user postgres, trust on 127.0.0.1)"
    "$initdb" -D "$data" -U postgres -A trust -E UTF8 >"$RUN_DIR/initdb.log" 2>&1 || return 1
  fi
  say "Starting PostgreSQL from .run/postgres on port $port"
  "$pg_ctl" -D "$data" -l "$RUN_DIR/postgres.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $RUN_DIR" start >/dev/null || return 1
  STARTED_PG_DATA="$data"
  STARTED_PG_CTL="$pg_ctl"
}

start_local_redis() {
  local port="$1"
  command -v redis-server >/dev/null 2>&1 || return 1
  say "Starting Redis on port $port (redis-server --daemonize yes)"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
    --dir "$RUN_DIR" --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log" || return 1
  STARTED_REDIS_PIDFILE="$RUN_DIR/redis.pid"
}

# $1: what does not answer, one line each.
print_install_help() {
  {
    echo
    echo "Treffpunkt needs PostgreSQL (14 or newer) and Redis (6 or newer). Not answering:"
    printf '%s\n' "$1" | sed 's/^/  /'
    cat <<'EOF'
and starting them here did not work (no working Docker engine; local binaries missing or
failing, see the messages above). Install them with one of:

  Debian/Ubuntu:  sudo apt-get install -y postgresql redis-server
                  sudo -u postgres psql -c "ALTER USER postgres PASSWORD 'postgres'"
                  echo "DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/treffpunkt" >> .env
  macOS:          brew install postgresql@16 redis
                  brew services start postgresql@16 && brew services start redis
                  createuser -s postgres
  Docker:         install Docker with the compose plugin; this script then runs
                  docker compose up -d postgres redis   by itself.

Or point DATABASE_URL and REDIS_URL (in .env) at servers that run elsewhere. Then run this again.
EOF
  } >&2
}

wait_until() {
  local seconds="$1"
  shift
  local waited=0
  until "$@" 2>/dev/null; do
    waited=$((waited + 1))
    [ "$waited" -lt "$seconds" ] || return 1
    sleep 1
  done
}

# Makes sure Postgres and Redis answer: as they are, else through Docker, else local binaries.
ensure_services() {
  mkdir -p "$RUN_DIR"
  local pg_host pg_port redis_host redis_port status need_pg=0 need_redis=0 services=""
  read -r pg_host pg_port <<<"$(url_host_port "$DATABASE_URL" 5432)"
  read -r redis_host redis_port <<<"$(url_host_port "$REDIS_URL" 6379)"

  status=0
  postgres_answers || status=$?
  [ "$status" -ne 2 ] || die "Fix the user or password in DATABASE_URL (.env), then run this again."
  [ "$status" -eq 0 ] || need_pg=1
  status=0
  redis_answers || status=$?
  [ "$status" -ne 2 ] || die "Fix the password in REDIS_URL (.env), then run this again."
  [ "$status" -eq 0 ] || need_redis=1
  if [ "$need_pg" -eq 0 ] && [ "$need_redis" -eq 0 ]; then
    say "PostgreSQL ($pg_host:$pg_port) and Redis ($redis_host:$redis_port) answer"
    return 0
  fi

  if [ "$need_pg" -eq 1 ]; then
    is_local_host "$pg_host" || die "PostgreSQL at $pg_host:$pg_port does not answer (DATABASE_URL); start it there."
    services="postgres"
  fi
  if [ "$need_redis" -eq 1 ]; then
    is_local_host "$redis_host" || die "Redis at $redis_host:$redis_port does not answer (REDIS_URL); start it there."
    services="$services redis"
  fi

  if docker_works; then
    say "Starting$([ "$need_pg" -eq 1 ] && echo " PostgreSQL")$([ "$need_redis" -eq 1 ] && echo " Redis") with docker compose"
    # shellcheck disable=SC2086 # word splitting of the service list is intended
    POSTGRES_PORT="$pg_port" REDIS_PORT="$redis_port" docker compose -f "$ROOT/docker-compose.yml" up -d $services &&
      STARTED_DOCKER_SERVICES="$services"
  else
    if [ "$need_pg" -eq 1 ]; then start_local_postgres "$pg_port" || true; fi
    if [ "$need_redis" -eq 1 ]; then start_local_redis "$redis_port" || true; fi
  fi

  local down=""
  if [ "$need_pg" -eq 1 ] && ! wait_until 60 postgres_answers; then
    down="PostgreSQL at DATABASE_URL=$DATABASE_URL"
  fi
  if [ "$need_redis" -eq 1 ] && ! wait_until 15 redis_answers; then
    down="${down:+$down
}Redis at REDIS_URL=$REDIS_URL"
  fi
  if [ -n "$down" ]; then
    print_install_help "$down"
    exit 1
  fi
  say "PostgreSQL ($pg_host:$pg_port) and Redis ($redis_host:$redis_port) answer"
}

ensure_database() {
  node "$SERVICES_JS" create-database || die "Could not create the database of DATABASE_URL."
}

stop_started_services() {
  if [ -n "$STARTED_DOCKER_SERVICES" ]; then
    say "Stopping$STARTED_DOCKER_SERVICES (docker compose)"
    # shellcheck disable=SC2086
    docker compose -f "$ROOT/docker-compose.yml" stop $STARTED_DOCKER_SERVICES >/dev/null 2>&1 || true
  fi
  if [ -n "$STARTED_PG_CLUSTER" ]; then
    say "Stopping PostgreSQL $STARTED_PG_CLUSTER"
    pg_ctlcluster --skip-systemctl-redirect "$STARTED_PG_CLUSTER" main stop >/dev/null 2>&1 || true
  fi
  if [ -n "$STARTED_PG_DATA" ]; then
    say "Stopping PostgreSQL (.run/postgres)"
    "$STARTED_PG_CTL" -D "$STARTED_PG_DATA" -m fast stop >/dev/null 2>&1 || true
  fi
  if [ -n "$STARTED_REDIS_PIDFILE" ] && [ -f "$STARTED_REDIS_PIDFILE" ]; then
    say "Stopping Redis"
    kill "$(cat "$STARTED_REDIS_PIDFILE")" 2>/dev/null || true
  fi
  STARTED_DOCKER_SERVICES=""
  STARTED_PG_CLUSTER=""
  STARTED_PG_DATA=""
  STARTED_REDIS_PIDFILE=""
}

# Runs a command in the background and remembers it for stop_started_processes.
start_process() {
  local log="$1"
  shift
  "$@" >>"$log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS="$STARTED_PIDS $LAST_PID"
}

stop_started_processes() {
  local pid waited
  [ -n "${STARTED_PIDS// /}" ] || return 0
  for pid in $STARTED_PIDS; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $STARTED_PIDS; do
    waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 100 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  STARTED_PIDS=""
}

port_free() { node "$SERVICES_JS" port-free "$1"; }

http_ok() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
  else
    node "$SERVICES_JS" http-ok "$1"
  fi
}

# maildev 3 (npm) answers health on /api/healthz, the maildev 2 Docker image on /healthz.
mail_catcher_answers() { http_ok "$1/api/healthz" || http_ok "$1/healthz"; }

# Waits until URL answers 2xx; fails early when the process PID has exited.
wait_for_http() {
  local url="$1" pid="$2" seconds="$3" waited=0
  until http_ok "$url"; do
    kill -0 "$pid" 2>/dev/null || return 1
    waited=$((waited + 1))
    [ "$waited" -lt "$seconds" ] || return 1
    sleep 1
  done
}
