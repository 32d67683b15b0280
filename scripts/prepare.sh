#!/usr/bin/env bash
# Whatever a fresh machine of this kind lacks, for `npm start`, `npm test` and CI alike. Quick when nothing is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: libkrb5-dev to build nodegit (its prebuilt download is unreachable), nix-bin to parse, evaluate and
# build the generated Nix offline, chromium for the dashboard's browser tests (driven by playwright-core).
missing=()
for package in libkrb5-dev nix-bin chromium; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; }
fi

# PostgreSQL and Redis run on every machine of this kind, but apt never starts services: start them when down.
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
fi

# Node dependencies, when missing or older than the lock file (nodegit builds from source: about 4 minutes).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The dashboard the API serves (and the browser tests use), when missing or older than its sources.
if [ ! -f frontend/dist/index.html ] ||
  [ -n "$(find frontend/src frontend/angular.json libs/contracts -newer frontend/dist/index.html -print -quit)" ]; then
  npm run build:frontend --silent
fi
