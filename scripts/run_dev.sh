#!/usr/bin/env bash
# Serves the portal for development and runs the task worker beside it (`make run` calls this).
# The worker stops when the server stops, however it stops (Ctrl-C, kill, an error at start-up).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
ADMIN_EMAIL=${DEMO_ADMIN_EMAIL:-admin@example.org}
ADMIN_PASSWORD=${DEMO_ADMIN_PASSWORD:-consular-demo-2026}

# The worker gets its own process group (setsid, where there is one), so stopping it also stops its
# autoreloader's child process.
if command -v setsid >/dev/null; then
    setsid "$PY" manage.py db_worker --backend portal &
else
    "$PY" manage.py db_worker --backend portal &
fi
worker=$!

stop_worker() {
    trap - EXIT INT TERM
    if kill -0 "$worker" 2>/dev/null; then
        kill -TERM -- "-$worker" 2>/dev/null || kill -TERM "$worker" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$worker" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$worker" 2>/dev/null || true
    fi
    wait "$worker" 2>/dev/null || true
}
trap stop_worker EXIT
trap 'stop_worker; exit 130' INT
trap 'stop_worker; exit 143' TERM

cat <<MSG

  领事保护进万家 · Consular Protection for All
  Site:   http://$HOST:$PORT/   (中文 /zh-hans/, English /en/)
  Admin:  http://$HOST:$PORT/admin/
  Login:  $ADMIN_EMAIL / $ADMIN_PASSWORD   (the demo admin made by seed_demo)
  Learner: learner@example.org / learner-demo-2026   (the demo learner: My learning, /zh-hans/my/learning/)
  Task worker: manage.py db_worker --backend portal (pid $worker), stopped with the server.
  Stop with Ctrl-C.

MSG

# In the foreground (so Ctrl-C reaches it) and not exec'd (so the traps above run when it exits).
"$PY" manage.py runserver "$HOST:$PORT"
