#!/usr/bin/env bash
# Install and start every real service the tests use (PostgreSQL, Redis,
# Elasticsearch, Chromium; plus Pango for WeasyPrint) and write their addresses to .env.services, which
# a Makefile or shell can source. Idempotent; takes well under a second when
# everything is already up.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/_lib.sh"

# Everything missing in one apt pass: at most one `apt-get update` per run.
ensure_packages "${PKGS_POSTGRES[@]}" "${PKGS_REDIS[@]}" \
    "${PKGS_ELASTICSEARCH[@]}" "${PKGS_CHROMIUM[@]}" "${PKGS_TOOLS[@]}" "${PKGS_WEASYPRINT[@]}"

env_file="$here/.env.services"
tmp=$(mktemp "$env_file.XXXXXX")
trap 'rm -f "$tmp"' EXIT
{
    echo "# Written by scripts/services/up.sh; do not edit."
    bash "$here/postgres.sh"
    bash "$here/redis.sh"
    bash "$here/elasticsearch.sh" start
    bash "$here/chromium.sh"
} >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$env_file"
log "wrote $env_file"
grep -v '^#' "$env_file"
