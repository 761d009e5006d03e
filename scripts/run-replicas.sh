#!/usr/bin/env bash
# The console as several replicas on one machine, to try what apps/bff/README.md "Several replicas" describes:
# Redis (sessions, sign-in limits) and PostgreSQL (audit log) from the distribution's packages, the embedded
# IAM endpoint (demo account), two BFF replicas sharing them and one session key, and a round-robin proxy in
# front (apps/bff/scripts/round-robin-proxy.ts). Everything lives in a temp dir and stops on Ctrl-C.
#
#   scripts/run-replicas.sh            # then open http://127.0.0.1:8080 and pick a demo identity
#
# Ports (override by environment): PROXY_PORT 8080, BFF_PORTS "8081 8082", IAM_PORT 4566, REDIS_PORT 6390,
# PG_PORT 5433. KEEP=1 keeps the temp dir. Needs redis-server and postgresql (scripts/ensure-test-deps.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROXY_PORT=${PROXY_PORT:-8080}
BFF_PORTS=${BFF_PORTS:-"8081 8082"}
IAM_PORT=${IAM_PORT:-4566}
REDIS_PORT=${REDIS_PORT:-6390}
PG_PORT=${PG_PORT:-5433}
PATH=/usr/local/bin:$PATH
WORK=$(mktemp -d "${TMPDIR:-/tmp}/iam-console-replicas.XXXXXX")
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
command -v redis-server >/dev/null || { echo "redis-server is missing: scripts/ensure-test-deps.sh" >&2; exit 1; }
[ -n "$PG_BIN" ] || { echo "PostgreSQL is missing: scripts/ensure-test-deps.sh" >&2; exit 1; }

pids=()
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -d "$WORK/pg" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true
  if [ "${KEEP:-}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT INT TERM

wait_for() { # <what> <file> <pattern>
  for _ in $(seq 1 300); do grep -q "$3" "$2" 2>/dev/null && return 0; sleep 0.1; done
  echo "$1 did not start:" >&2; cat "$2" >&2; exit 1
}

echo "==> Redis on $REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
pids+=($!)
wait_for redis-server "$WORK/redis.log" 'Ready to accept connections'

echo "==> PostgreSQL on $PG_PORT ($PG_BIN)"
[ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE ROLE iam_console LOGIN" -c "CREATE DATABASE iam_console OWNER iam_console"

echo "==> embedded IAM endpoint on $IAM_PORT (demo account)"
node "$ROOT/packages/iam-local/src/cli/iam-local.ts" --port "$IAM_PORT" --data-dir "$WORK/iam" --seed demo >"$WORK/iam.log" 2>&1 &
pids+=($!)
wait_for iam-local "$WORK/iam.log" 'credentials file'

# What the replicas share: the stores, the endpoint, the session key (cookie signatures, sealed credentials,
# CSRF tokens) and the public address (the proxy's), which their Host allow-list must accept.
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export DATABASE_URL="postgres://iam_console@127.0.0.1:$PG_PORT/iam_console"
export SESSION_ENCRYPTION_KEY=$(node -e "console.log(require('node:crypto').randomBytes(32).toString('hex'))")
export AWS_ENDPOINT_URL_IAM="http://127.0.0.1:$IAM_PORT" AWS_ENDPOINT_URL_STS="http://127.0.0.1:$IAM_PORT"
export IAM_CONSOLE_LOCAL_DEMO="$WORK/iam/demo-identities.json"
export PUBLIC_URL="http://127.0.0.1:$PROXY_PORT,http://localhost:$PROXY_PORT"
export TRUST_PROXY=1 LOG_LEVEL=${LOG_LEVEL:-warn}

replicas=()
for port in $BFF_PORTS; do
  echo "==> BFF replica on $port"
  PORT=$port DATA_DIR="$WORK/bff-$port" node "$ROOT/apps/bff/src/main.ts" >"$WORK/bff-$port.log" 2>&1 &
  pids+=($!)
  replicas+=("http://127.0.0.1:$port")
done
for port in $BFF_PORTS; do wait_for "BFF on $port" "$WORK/bff-$port.log" 'IAM console:'; done

echo "==> round-robin proxy on $PROXY_PORT"
node "$ROOT/apps/bff/scripts/round-robin-proxy.ts" "$PROXY_PORT" "${replicas[@]}" >"$WORK/proxy.log" 2>&1 &
pids+=($!)
wait_for proxy "$WORK/proxy.log" 'round-robin proxy:'

cat <<EOF

IAM console (${#replicas[@]} replicas): http://127.0.0.1:$PROXY_PORT
  replicas: ${replicas[*]}   (each: /healthz, /readyz)
  logs: $WORK/*.log
Ctrl-C stops everything.
EOF
wait -n "${pids[@]}" || true
echo "a process stopped; shutting down" >&2
