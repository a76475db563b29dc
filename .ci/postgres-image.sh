#!/usr/bin/env bash
# Build an offline PostgreSQL 15 image for Testcontainers. Docker Hub is not
# reachable here, but the Debian mirror is, so the rootfs is made with
# debootstrap and turned into an image with `docker import`. Built once;
# skipped if the image already exists.
set -euo pipefail

PG_IMAGE="${PG_IMAGE:-incidentintel/postgres:15}"
SUITE="${DEBIAN_SUITE:-bookworm}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# The image carries a digest of the scripts that made it (.ci/), so a change to them
# rebuilds it from nothing in the next CI run: the fresh-machine path is proven at
# least once per change, not only on machines that never had the image.
RECIPE="$(cat "$HERE"/postgres-image.sh "$HERE"/postgres-entrypoint.sh "$HERE"/docker-up.sh | sha256sum | cut -c1-16)"
if docker image inspect "$PG_IMAGE" >/dev/null 2>&1; then
  built_from="$(docker image inspect -f '{{index .Config.Labels "org.incidentintel.recipe"}}' "$PG_IMAGE" 2>/dev/null || true)"
  if [ "$built_from" = "$RECIPE" ]; then
    echo "[postgres-image] $PG_IMAGE already present (recipe $RECIPE); skipping build"
    exit 0
  fi
  echo "[postgres-image] $PG_IMAGE was built from another recipe (${built_from:-none}, now $RECIPE); rebuilding"
  docker image rm -f "$PG_IMAGE" >/dev/null
fi

command -v debootstrap >/dev/null 2>&1 || {
  echo "[postgres-image] debootstrap missing (run .ci/docker-up.sh first)" >&2
  exit 1
}

# Use the same Debian mirror apt uses on this machine (deb822 and legacy formats).
detect_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] || continue
    awk '/^URIs:/ {for (i = 2; i <= NF; i++) print $i}' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -e "$f" ] || continue
    awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) {print $i; break}}' "$f"
  done
}
MIRROR="${DEBIAN_MIRROR:-$(detect_mirror | grep -E '/debian/?$' | head -n1 || true)}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

ROOT="$(mktemp -d "${TMPDIR:-/var/tmp}/pg-rootfs.XXXXXX")"
cleanup() {
  # The script's exit status must survive its cleanup: set -e would otherwise end the
  # trap at grep's "no match" (status 1, the normal case) and make a good build fail.
  local rc=$? m
  # debootstrap may leave proc/sys mounted if interrupted; never rm across them.
  for m in $(awk -v root="$ROOT/" 'index($2, root) == 1 {print $2}' /proc/mounts | sort -r); do
    umount -l "$m" || true
  done
  rm -rf --one-file-system "$ROOT" || true
  exit "$rc"
}
trap cleanup EXIT

echo "[postgres-image] debootstrap $SUITE (minbase + postgresql-15) from $MIRROR into $ROOT"
start=$(date +%s)
debootstrap --variant=minbase --include=postgresql-15 "$SUITE" "$ROOT" "$MIRROR" \
  >"$ROOT.debootstrap.log" 2>&1 || {
  echo "[postgres-image] debootstrap failed; log tail:" >&2
  tail -n 40 "$ROOT.debootstrap.log" >&2
  rm -f "$ROOT.debootstrap.log"
  exit 1
}
rm -f "$ROOT.debootstrap.log"
echo "[postgres-image] debootstrap done in $(($(date +%s) - start))s"

install -m 0755 "$HERE/postgres-entrypoint.sh" "$ROOT/usr/local/bin/docker-entrypoint.sh"
mkdir -p "$ROOT/docker-entrypoint-initdb.d"

# Drop the cluster Debian's postinst created (the entrypoint makes its own in
# PGDATA), plus caches/docs, to keep the image small: the vfs storage driver
# copies the whole image for every container. The LLVM JIT (~150 MB incl. z3 and
# bitcode) goes too; without its provider library postgres just runs without JIT.
# /dev is a tmpfs at runtime.
rm -rf "$ROOT"/var/lib/postgresql/15 "$ROOT"/etc/postgresql/15/main \
  "$ROOT"/usr/lib/postgresql/15/lib/llvmjit* "$ROOT"/usr/lib/postgresql/15/lib/bitcode \
  "$ROOT"/usr/lib/x86_64-linux-gnu/libLLVM-* "$ROOT"/usr/lib/x86_64-linux-gnu/libz3.so* \
  "$ROOT"/usr/share/i18n \
  "$ROOT"/var/cache/apt/* "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/debconf/*-old \
  "$ROOT"/usr/share/doc/* "$ROOT"/usr/share/man/* "$ROOT"/usr/share/info/* \
  "$ROOT"/usr/share/locale/* "$ROOT"/var/log/*.log "$ROOT"/var/log/apt/* \
  "$ROOT"/run/postgresql/* "$ROOT"/dev/*

# mktemp -d makes ROOT 0700; it becomes the image's "/", which the postgres
# user must be able to traverse.
chmod 0755 "$ROOT"

echo "[postgres-image] importing rootfs ($(du -sh --one-file-system "$ROOT" | cut -f1)) as $PG_IMAGE"
tar --numeric-owner -C "$ROOT" -c . | docker import \
  -c 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  -c 'CMD ["postgres"]' \
  -c 'EXPOSE 5432' \
  -c "LABEL org.incidentintel.recipe=$RECIPE" \
  -c 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  -c 'ENV PGDATA=/var/lib/postgresql/data' \
  - "$PG_IMAGE" >/dev/null

echo "[postgres-image] built $PG_IMAGE in $(($(date +%s) - start))s:"
docker image ls "$PG_IMAGE"
