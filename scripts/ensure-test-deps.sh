#!/usr/bin/env bash
# What the test suite needs beyond Node: Debian's Chromium for Playwright, redis-server for the
# session-store tests, PostgreSQL for the audit-store tests (a throwaway cluster each, from
# /usr/lib/postgresql/<version>/bin), the AWS CLI v2 as a second client of the embedded endpoint.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/bin/aws ] || missing+=(awscli)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi
