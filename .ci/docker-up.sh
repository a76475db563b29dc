#!/usr/bin/env bash
# Ensure a working Docker daemon for Testcontainers on a CI box without one.
# Idempotent: does nothing if `docker info` already succeeds.
set -euo pipefail

DOCKERD_LOG="${DOCKERD_LOG:-/tmp/dockerd.log}"
DOCKERD_PIDFILE="${DOCKERD_PIDFILE:-/tmp/dockerd-ci.pid}"

if docker info >/dev/null 2>&1; then
  echo "[docker-up] docker daemon already reachable; nothing to do"
  exit 0
fi

# dockerd comes from docker.io; debootstrap is needed later by postgres-image.sh
# (no registry access here, so the postgres image is built from Debian packages).
missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
if ((${#missing[@]})); then
  echo "[docker-up] installing via apt-get: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# vfs works on any backing filesystem (overlay-on-overlay fails inside containers).
echo "[docker-up] starting dockerd (storage-driver=vfs, log=$DOCKERD_LOG, pidfile=$DOCKERD_PIDFILE)"
nohup dockerd --storage-driver=vfs --pidfile="$DOCKERD_PIDFILE" >"$DOCKERD_LOG" 2>&1 &

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    echo "[docker-up] docker daemon is up (pid $(cat "$DOCKERD_PIDFILE" 2>/dev/null || echo '?'))"
    exit 0
  fi
  sleep 1
done

echo "[docker-up] ERROR: dockerd did not come up within 60s; last log lines:" >&2
tail -n 30 "$DOCKERD_LOG" >&2 || true
exit 1
