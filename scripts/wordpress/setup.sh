#!/usr/bin/env bash
# A real local WordPress for the browser tests (Debian 12; root; no systemd or docker needed).
#
#   sudo scripts/wordpress/setup.sh [--fresh]
#
# Idempotent. Installs the Debian packages when missing, starts a private MariaDB (own datadir,
# socket and port under WP_STATE_DIR, never the system's), creates the database and its user,
# writes /etc/wordpress/config-127.0.0.1.php, installs WordPress (sv_SE when wordpress-l10n is
# there), resets the test post and comments to the same ids and texts on every run, and serves
# WordPress with `php -S` in the background. The last line on stdout is JSON with the URL and the
# credentials; the same JSON is written to $WP_STATE_DIR/wordpress.json. Progress goes to stderr.
# --fresh throws away the database first. scripts/wordpress/stop.sh stops what this started.
#
# Environment (all optional): WP_PORT (8765), WP_DB_PORT (3307), WP_STATE_DIR
# (/tmp/moderera-wordpress), WP_ADMIN_USER (moderator), WP_ADMIN_PASSWORD, WP_DB_PASSWORD.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WP_PORT="${WP_PORT:-8765}"
WP_DB_PORT="${WP_DB_PORT:-3307}"
WP_STATE_DIR="${WP_STATE_DIR:-/tmp/moderera-wordpress}"
WP_ADMIN_USER="${WP_ADMIN_USER:-moderator}"
WP_ADMIN_PASSWORD="${WP_ADMIN_PASSWORD:-moderera-test-2025}"
WP_DB_PASSWORD="${WP_DB_PASSWORD:-moderera-db-2025}"
DB_NAME=moderera_wp
DB_USER=moderera_wp
HOST=127.0.0.1
WP_ROOT=/usr/share/wordpress
WP_CONFIG="/etc/wordpress/config-${HOST}.php"
PACKAGES=(wordpress wordpress-l10n wordpress-theme-twentytwentythree mariadb-server mariadb-client php-cli php-mysql php-xml php-mbstring curl)

log() { printf 'wordpress setup: %s\n' "$*" >&2; }
die() {
  printf 'wordpress setup: ERROR: %s\n' "$*" >&2
  exit 1
}

FRESH=0
for arg in "$@"; do
  case "$arg" in
    --fresh) FRESH=1 ;;
    *) die "unknown argument '$arg' (usage: setup.sh [--fresh])" ;;
  esac
done

[[ "$WP_PORT" =~ ^[0-9]+$ && "$WP_DB_PORT" =~ ^[0-9]+$ ]] || die "WP_PORT and WP_DB_PORT must be numbers"
for value in "$WP_ADMIN_USER" "$WP_ADMIN_PASSWORD" "$WP_DB_PASSWORD"; do
  [[ "$value" =~ ^[A-Za-z0-9._@-]+$ ]] || die "user names and passwords may only use A-Z a-z 0-9 . _ @ -"
done
[[ "$WP_STATE_DIR" =~ ^/[A-Za-z0-9._/-]+$ ]] || die "WP_STATE_DIR must be an absolute path of A-Z a-z 0-9 . _ / -"

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    exec sudo -n --preserve-env=WP_PORT,WP_DB_PORT,WP_STATE_DIR,WP_ADMIN_USER,WP_ADMIN_PASSWORD,WP_DB_PASSWORD \
      "${BASH_SOURCE[0]}" "$@"
  fi
  die "must run as root (it installs packages, writes ${WP_CONFIG} and starts MariaDB): sudo $0"
fi

STARTED=$SECONDS
RUN_DIR="$WP_STATE_DIR/run"
DATA_DIR="$WP_STATE_DIR/mysql"
SOCKET="$RUN_DIR/mysqld.sock"
MY_CNF="$WP_STATE_DIR/my.cnf"
PHP_PID="$WP_STATE_DIR/php.pid"
PHP_LOG="$WP_STATE_DIR/php.log"
INFO="$WP_STATE_DIR/wordpress.json"

mkdir -p "$WP_STATE_DIR"
chmod 0755 "$WP_STATE_DIR"
# One setup at a time (two test runs starting together would otherwise race). The servers started
# below get `9>&-` so they do not keep holding the lock.
exec 9>"$WP_STATE_DIR/setup.lock"
flock 9

# --- 1. Packages -------------------------------------------------------------------------------
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || die "missing packages ${missing[*]} and no apt-get to install them"
  log "installing ${missing[*]} (apt-get)"
  apt-get update -qq >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    die "could not install: apt-get install -y ${missing[*]}"
fi

# --- 2. A private MariaDB ------------------------------------------------------------------------
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
mariadb_up() { mysqladmin --no-defaults --socket="$SOCKET" -u root ping >/dev/null 2>&1; }

stop_mariadb() {
  local pid
  pid="$(cat "$RUN_DIR/mariadbd.pid" 2>/dev/null || true)"
  if mariadb_up; then mysqladmin --no-defaults --socket="$SOCKET" -u root shutdown >/dev/null 2>&1 || true; fi
  for _ in $(seq 1 100); do
    if [ -z "$pid" ] || ! alive "$pid"; then break; fi
    sleep 0.1
  done
}

stop_php() {
  local pid
  pid="$(cat "$PHP_PID" 2>/dev/null || true)"
  if [ -n "$pid" ] && running "$pid" 'php -S'; then
    # php -S with workers is a process group of its own (started with setsid).
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      alive "$pid" || break
      sleep 0.1
    done
  fi
  rm -f "$PHP_PID"
}

if [ "$FRESH" -eq 1 ]; then
  log "--fresh: removing the old database"
  stop_php
  stop_mariadb
  rm -rf "$DATA_DIR" "$RUN_DIR"
fi

mkdir -p "$RUN_DIR"
chown mysql:mysql "$RUN_DIR"
cat >"$MY_CNF" <<EOF
[mariadbd]
user=mysql
datadir=$DATA_DIR
socket=$SOCKET
pid-file=$RUN_DIR/mariadbd.pid
log-error=$RUN_DIR/mariadbd.log
port=$WP_DB_PORT
bind-address=$HOST
skip-name-resolve
skip-log-bin
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
innodb-buffer-pool-size=64M
innodb-log-file-size=16M
EOF

if mariadb_up; then
  log "MariaDB already running on $HOST:$WP_DB_PORT"
else
  if [ ! -d "$DATA_DIR/mysql" ]; then
    log "creating the MariaDB data directory $DATA_DIR"
    rm -rf "$DATA_DIR"
    mariadb-install-db --defaults-file="$MY_CNF" --auth-root-authentication-method=socket \
      --skip-test-db >"$WP_STATE_DIR/install-db.log" 2>&1 ||
      die "mariadb-install-db failed; see $WP_STATE_DIR/install-db.log"
  fi
  log "starting MariaDB on $HOST:$WP_DB_PORT"
  setsid mariadbd --defaults-file="$MY_CNF" </dev/null >>"$WP_STATE_DIR/mariadbd.out" 2>&1 9>&- &
  mariadbd_pid=$!
  for _ in $(seq 1 300); do
    mariadb_up && break
    alive "$mariadbd_pid" ||
      die "MariaDB exited at start (port $WP_DB_PORT taken? set WP_DB_PORT); log: $(tail -n 5 "$RUN_DIR/mariadbd.log" 2>/dev/null)"
    sleep 0.1
  done
  mariadb_up || die "MariaDB did not answer within 30 s; see $RUN_DIR/mariadbd.log"
fi

mysql --no-defaults --socket="$SOCKET" -u root <<SQL
CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'$HOST' IDENTIFIED BY '$WP_DB_PASSWORD';
ALTER USER '$DB_USER'@'$HOST' IDENTIFIED BY '$WP_DB_PASSWORD';
GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_USER'@'$HOST';
SQL

# --- 3. WordPress ------------------------------------------------------------------------------
mkdir -p /etc/wordpress
cat >"$WP_CONFIG" <<EOF
<?php
// Written by moderera scripts/wordpress/setup.sh: the local test WordPress. Rewritten on every run.
define('DB_NAME', '$DB_NAME');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$WP_DB_PASSWORD');
define('DB_HOST', '$HOST:$WP_DB_PORT');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', 'http://$HOST:$WP_PORT');
define('WP_SITEURL', 'http://$HOST:$WP_PORT');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
EOF
chmod 0644 "$WP_CONFIG"

export WP_ADMIN_USER WP_ADMIN_PASSWORD
php "$HERE/install.php" >&2 || die "installing WordPress failed (php $HERE/install.php)"
php "$HERE/content.php" >&2 || die "resetting the test comments failed (php $HERE/content.php)"

# --- 4. Serve ----------------------------------------------------------------------------------
URL="http://$HOST:$WP_PORT"
stop_php
if curl -s -o /dev/null --max-time 2 "$URL/"; then
  die "something else already answers on $URL; stop it or set WP_PORT"
fi
log "serving $URL (log: $PHP_LOG)"
# setsid: a process group of its own, so stop.sh can end php and its workers together.
PHP_CLI_SERVER_WORKERS=4 setsid php -S "$HOST:$WP_PORT" -t "$WP_ROOT" </dev/null >"$PHP_LOG" 2>&1 9>&- &
echo $! >"$PHP_PID"
status=000
for _ in $(seq 1 200); do
  status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/wp-login.php" || true)"
  [ "$status" = 200 ] && break
  alive "$(cat "$PHP_PID")" || die "php -S exited; log: $(tail -n 5 "$PHP_LOG")"
  sleep 0.1
done
[ "$status" = 200 ] || die "$URL/wp-login.php answered $status, not 200; see $PHP_LOG"

json="$(printf '{"url":"%s","user":"%s","password":"%s","db":{"host":"%s","port":%s,"name":"%s","user":"%s","password":"%s"},"stateDir":"%s"}' \
  "$URL" "$WP_ADMIN_USER" "$WP_ADMIN_PASSWORD" "$HOST" "$WP_DB_PORT" "$DB_NAME" "$DB_USER" "$WP_DB_PASSWORD" "$WP_STATE_DIR")"
printf '%s\n' "$json" >"$INFO"
chmod 0644 "$INFO"
log "ready in $((SECONDS - STARTED)) s"
printf '%s\n' "$json"
