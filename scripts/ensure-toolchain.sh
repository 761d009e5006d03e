#!/usr/bin/env bash
# Makes sure this machine has what the console needs: Node 24+, pnpm 12, the workspace's packages.
# Sourced by console.sh and .ci/run; safe to run again (each step is skipped when already done).
set -euo pipefail

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 24 ]; then
  echo "==> Node $(node -v 2>/dev/null || echo none) is too old; installing Node 24 into /usr/local" >&2
  npm install -g --prefix /usr/local node@24 >&2
  hash -r
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v | cut -d. -f1)" -lt 12 ]; then
  echo "==> installing pnpm 12" >&2
  npm install -g --prefix /usr/local pnpm@12 >&2
  hash -r
fi
export PATH="/usr/local/bin:$PATH"
