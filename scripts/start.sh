#!/usr/bin/env bash
# `npm start`: installs what is missing, builds, and runs the API (which creates and migrates the database) and a worker.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prepare.sh
npm run build --silent

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

node dist/apps/api/main.js &
pids+=($!)

# The worker starts once the API has migrated the database.
port="${LISTEN_PORT:-8000}"
host="${LISTEN_HOST:-127.0.0.1}"
[[ "$host" == *:* ]] && host="[$host]"
for _ in $(seq 1 120); do
  curl -fs "http://$host:$port/api/health" >/dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || exit 1
  sleep 0.5
done
node dist/apps/worker/main.js &
pids+=($!)

# Whichever process ends first ends the controller.
wait -n
