#!/usr/bin/env bash
# Redis from Debian for tests and development, on 127.0.0.1:6379, without
# persistence. Idempotent: does nothing when Redis already answers PING.
# Prints REDIS_URL=... on stdout.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/_lib.sh"

REDIS_HOST=127.0.0.1
REDIS_PORT=6379
REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/0"
# Working dir for an accidental BGSAVE etc., so nothing lands in the caller's cwd.
REDIS_DIR=${KP_REDIS_DIR:-/var/tmp/kennisplatform/redis}

pong() { [[ $(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

if command -v redis-cli >/dev/null && pong; then
    log "redis: already up"
    echo "REDIS_URL=$REDIS_URL"
    exit 0
fi

need_root "setting up redis"
ensure_packages "${PKGS_REDIS[@]}"
mkdir -p "$REDIS_DIR"
log "redis: starting"
redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" \
    --save "" --appendonly no --dir "$REDIS_DIR" \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" >&2
wait_for 15 pong || die "redis did not answer PING (see $REDIS_DIR/redis.log)"
log "redis: up"
echo "REDIS_URL=$REDIS_URL"
