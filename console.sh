#!/usr/bin/env bash
# The console's two commands (see README.md):
#   ./console.sh start   install what is missing, build, start the embedded IAM endpoint + console
#   ./console.sh test    install what is missing, run every test
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-toolchain.sh

case "${1:-}" in
  start)
    pnpm install --frozen-lockfile
    pnpm run build
    # Data (the embedded account, sessions, audit log) lives in ./.data unless DATA_DIR says otherwise.
    exec node apps/bff/src/local-main.ts "${DATA_DIR:-.data}"
    ;;
  test)
    source scripts/ensure-test-deps.sh
    pnpm install --frozen-lockfile
    exec pnpm test
    ;;
  *)
    echo "usage: ./console.sh start|test" >&2
    exit 2
    ;;
esac
