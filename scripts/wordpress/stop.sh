#!/usr/bin/env bash
# Stops the php server and the private MariaDB that setup.sh started (by their pid files in
# WP_STATE_DIR; nothing else). The data stay, so the next setup.sh is quick; add --purge to
# delete WP_STATE_DIR as well.
set -euo pipefail

WP_STATE_DIR="${WP_STATE_DIR:-/tmp/moderera-wordpress}"
RUN_DIR="$WP_STATE_DIR/run"
PURGE=0
for arg in "$@"; do
  case "$arg" in
    --purge) PURGE=1 ;;
    *)
      echo "usage: stop.sh [--purge]" >&2
      exit 2
      ;;
  esac
done

if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  exec sudo -n --preserve-env=WP_STATE_DIR "${BASH_SOURCE[0]}" "$@"
fi

# A process that has not ended (an ended one may linger as a zombie until init reaps it).
alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

# A live process with this pid that runs this program (a pid file may outlive its process).
running() {
  alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q -- "$2"
}

# Waits up to 10 s for a process to end.
wait_gone() {
  for _ in $(seq 1 100); do
    alive "$1" || return 0
    sleep 0.1
  done
  return 1
}

php_pid="$(cat "$WP_STATE_DIR/php.pid" 2>/dev/null || true)"
if [ -n "$php_pid" ] && running "$php_pid" 'php -S'; then
  # setup.sh started php with setsid: the pid is its process group, workers included.
  kill -TERM -- "-$php_pid" 2>/dev/null || kill -TERM "$php_pid"
  wait_gone "$php_pid" || kill -KILL -- "-$php_pid" 2>/dev/null || true
  echo "stopped php (pid $php_pid)" >&2
fi
rm -f "$WP_STATE_DIR/php.pid"

db_pid="$(cat "$RUN_DIR/mariadbd.pid" 2>/dev/null || true)"
if [ -n "$db_pid" ] && running "$db_pid" mariadbd; then
  mysqladmin --no-defaults --socket="$RUN_DIR/mysqld.sock" -u root shutdown 2>/dev/null || kill -TERM "$db_pid"
  wait_gone "$db_pid" || echo "MariaDB (pid $db_pid) is still shutting down" >&2
  echo "stopped MariaDB (pid $db_pid)" >&2
fi

if [ "$PURGE" -eq 1 ]; then
  rm -rf "$WP_STATE_DIR"
  echo "removed $WP_STATE_DIR" >&2
fi
