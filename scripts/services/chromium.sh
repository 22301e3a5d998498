#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for browser tests (Playwright is pointed at
# this binary; its own browser download cannot work here).
# Prints CHROMIUM_PATH=... on stdout.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/_lib.sh"

CHROMIUM_PATH=/usr/bin/chromium

if [[ ! -x $CHROMIUM_PATH || ! -x /usr/bin/chromedriver ]]; then
    need_root "installing chromium"
    ensure_packages "${PKGS_CHROMIUM[@]}"
fi
log "chromium: $("$CHROMIUM_PATH" --version 2>/dev/null || echo 'version unknown')"
echo "CHROMIUM_PATH=$CHROMIUM_PATH"
