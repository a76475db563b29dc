#!/usr/bin/env bash
# Entrypoint for the offline incidentintel/postgres image (built by
# .ci/postgres-image.sh). Mimics the official postgres image closely enough for
# Testcontainers' PostgreSQLContainer: honours POSTGRES_USER/PASSWORD/DB,
# initialises an empty PGDATA via a temporary socket-only server, then execs the
# real server, so "database system is ready to accept connections" is logged twice.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
export PATH="$PG_BIN:$PATH"
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
export POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-}"
export POSTGRES_HOST_AUTH_METHOD="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"

# `docker run IMAGE -c fsync=off` -> treat leading flags as postgres options.
if [ "${1:-}" = "" ] || [ "${1:0:1}" = "-" ]; then
  set -- postgres "$@"
fi

# Anything other than the server (e.g. bash, psql) is run as-is.
if [ "$1" != "postgres" ]; then
  exec "$@"
fi

# As root: prepare directories, then re-exec this script as the postgres OS user
# (postgres refuses to run as root).
if [ "$(id -u)" = "0" ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  chmod 2777 /var/run/postgresql
  export HOME=/var/lib/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != "trust" ]; then
    echo "error: POSTGRES_PASSWORD is not set (set it, or POSTGRES_HOST_AUTH_METHOD=trust)" >&2
    exit 1
  fi

  # Superuser is POSTGRES_USER, with its password hashed as SCRAM at initdb time.
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is intentionally word-split
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" \
    --auth-local=trust --auth-host="$POSTGRES_HOST_AUTH_METHOD" \
    --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-}
  rm -f "$pwfile"

  # Accept TCP connections from anywhere (the container's published port).
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  echo "host all all all $POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"

  # Temporary server on the unix socket only, to create the database.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start

  psql=(psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc --username "$POSTGRES_USER")
  if [ "$POSTGRES_DB" != "postgres" ]; then
    exists="$("${psql[@]}" --dbname postgres -tA -v db="$POSTGRES_DB" \
      <<<"SELECT 1 FROM pg_database WHERE datname = :'db'")"
    if [ -z "$exists" ]; then
      "${psql[@]}" --dbname postgres -v db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi
  fi

  # Same hook as the official image.
  for f in /docker-entrypoint-initdb.d/*; do
    [ -e "$f" ] || continue
    case "$f" in
      *.sh)  echo "running $f"; . "$f" ;;
      *.sql) echo "running $f"; "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
      *)     echo "ignoring $f" ;;
    esac
  done

  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "PostgreSQL init process complete; ready for start up."
fi

exec "$@"
