#!/usr/bin/env bash
# PostgreSQL 15 from Debian for tests and development, on 127.0.0.1:5432.
# Idempotent: installs, creates the cluster, starts it and creates the role and
# database only when missing. Prints DATABASE_URL=... on stdout.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/_lib.sh"

PG_VERSION=15
PG_CLUSTER=main
PG_HOST=127.0.0.1
PG_PORT=5432
DB_NAME=kennisplatform
DB_USER=kennisplatform
DB_PASSWORD=kennisplatform
DATABASE_URL="postgres://$DB_USER:$DB_PASSWORD@$PG_HOST:$PG_PORT/$DB_NAME"

# Fast path: the app can already log in and may create test databases.
app_ready() {
    [[ $(PGPASSWORD=$DB_PASSWORD PGCONNECT_TIMEOUT=3 psql -X -qAt \
        -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "$DB_NAME" \
        -c 'SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user' \
        2>/dev/null) == t ]]
}

if command -v psql >/dev/null && app_ready; then
    log "postgres: already up"
    echo "DATABASE_URL=$DATABASE_URL"
    exit 0
fi

need_root "setting up postgres"
ensure_packages "${PKGS_POSTGRES[@]}"

cluster_field() {  # column N of `pg_lsclusters` for our cluster, empty if none
    pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" -v n="$1" \
        '$1 == v && $2 == c { print $n }'
}

if [[ -z $(cluster_field 1) ]]; then
    # The package normally creates it; a purged/removed cluster does not come back.
    log "postgres: creating cluster $PG_VERSION/$PG_CLUSTER"
    pg_createcluster --locale C.UTF-8 --encoding UTF8 -p "$PG_PORT" \
        "$PG_VERSION" "$PG_CLUSTER" >&2
fi
port=$(cluster_field 3)
[[ $port == "$PG_PORT" ]] \
    || die "cluster $PG_VERSION/$PG_CLUSTER uses port $port, expected $PG_PORT"

if [[ $(cluster_field 4) != online* ]]; then
    log "postgres: starting cluster $PG_VERSION/$PG_CLUSTER"
    # No systemd here: talk to pg_ctl directly.
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" start >&2
fi
wait_for 30 pg_isready -q -h "$PG_HOST" -p "$PG_PORT" \
    || die "postgres is not accepting connections on $PG_HOST:$PG_PORT"

as_postgres() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }

# CREATEDB: pytest-django creates and drops its own test_* databases.
as_postgres -d postgres >&2 <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
        CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    ELSE
        ALTER ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    END IF;
END
\$\$;
SQL
if [[ $(as_postgres -d postgres -At \
        -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'") != 1 ]]; then
    log "postgres: creating database $DB_NAME"
    as_postgres -d postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER ENCODING 'UTF8' TEMPLATE template0" >&2
fi

app_ready || die "cannot log in as $DB_USER on $PG_HOST:$PG_PORT"
log "postgres: up"
echo "DATABASE_URL=$DATABASE_URL"
