# shellcheck shell=bash
# Shared helpers for the service scripts in this directory. Sourced, not run.
# Scripts print log lines on stderr and only their KEY=VALUE result on stdout,
# so callers (up.sh, a Makefile) can capture the result with $(...).

# Debian packages per service, shared with up.sh so it can install them all in
# one apt pass. fonts-liberation: without any font, Chromium screenshots show
# boxes. maven/unzip fetch and unpack Elasticsearch (8.x runs on Java 17);
# hunspell-nl is its Dutch dictionary. WeasyPrint (the handreiking PDF) needs Pango;
# python:3.11-slim and a fresh Debian lack it ("cannot load library 'libpango-1.0-0'").
# shellcheck disable=SC2034  # used by the scripts that source this file
PKGS_POSTGRES=(postgresql-15 postgresql-client-15)
PKGS_REDIS=(redis-server)
PKGS_ELASTICSEARCH=(openjdk-17-jre-headless maven unzip hunspell-nl)
PKGS_CHROMIUM=(chromium chromium-driver fonts-liberation)
# gettext: msgfmt for the catalogue gate (scripts/check_catalogues.py); nginx only to validate
# docker/nginx with `nginx -t` (never started).
PKGS_TOOLS=(gettext nginx-light openssl)
# WeasyPrint (the handreiking PDF) needs Pango and fonts to embed.
PKGS_WEASYPRINT=(libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation fonts-dejavu-core)

log() { printf '[services] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

need_root() {
    [[ ${EUID:-$(id -u)} -eq 0 ]] || die "$1 needs root (re-run with sudo)"
}

pkg_installed() {
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]
}

apt_install() {
    # Wait for a concurrent apt/dpkg instead of failing on its lock.
    apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=300 "$@" >&2
}

# Install the Debian packages that are missing. `apt-get update` runs at most
# once per call, and only when needed: no package lists yet, or the install
# failed (stale lists pointing at versions the mirror no longer has).
ensure_packages() {
    local missing=() p
    for p in "$@"; do
        pkg_installed "$p" || missing+=("$p")
    done
    ((${#missing[@]})) || return 0
    need_root "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    log "installing: ${missing[*]}"
    if compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null \
        && apt_install "${missing[@]}"; then
        return 0
    fi
    log "apt-get update"
    apt-get update -qq -o DPkg::Lock::Timeout=300 >&2
    apt_install "${missing[@]}"
}

# Wait until "$@" succeeds, polling every 0.5s; give up after $timeout seconds.
wait_for() {
    local timeout=$1; shift
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
}
