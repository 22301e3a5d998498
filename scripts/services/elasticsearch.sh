#!/usr/bin/env bash
# Real Elasticsearch server for tests and development, on 127.0.0.1:9200.
#
#   elasticsearch.sh [start]   fetch (once), configure and start; no-op if up
#   elasticsearch.sh stop      stop it and wait until the port is closed
#   elasticsearch.sh status    exit 0 if it is up and healthy
#
# The official downloads are not reachable here; Elastic publishes its test
# distribution (server + transport modules only: no analysis-common,
# mapper-extras, reindex, ...) to Maven Central, so that is what we run.
# Index settings we ship must therefore work on this distribution.
# Prints ELASTICSEARCH_URL=... on stdout after start.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/_lib.sh"

# 8.19.x: the newest 8.x on Maven Central; it runs on the machine's Java 17
# (9.x needs 21) and matches the elasticsearch 8.19 Python client.
ES_VERSION=${KP_ES_VERSION:-8.19.21}
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
# Pristine unzipped distribution, kept outside the repo so fresh clones reuse it.
ES_CACHE=${KP_CACHE_DIR:-/var/cache/kennisplatform}
ES_HOME="$ES_CACHE/elasticsearch-$ES_VERSION"
# Config, data, logs and pid file; data survives stop/start.
ES_WORK=${KP_ES_WORKDIR:-/var/tmp/kennisplatform/elasticsearch}
ES_HOST=127.0.0.1
ES_PORT=${KP_ES_PORT:-9200}
ES_HEAP=${KP_ES_HEAP:-512m}
ES_USER=elasticsearch
ES_URL="http://$ES_HOST:$ES_PORT"
PIDFILE="$ES_WORK/elasticsearch.pid"
MVN_DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

healthy() {
    curl -fsS --max-time 5 "$ES_URL/_cluster/health" 2>/dev/null \
        | grep -Eq '"status":"(green|yellow)"'
}

port_open() { (exec 3<>"/dev/tcp/$ES_HOST/$ES_PORT") 2>/dev/null; }

# PID of our server: from the pid file, else the java that listens on the port
# (pid file lost), but only if it runs as our user: never someone else's server.
server_pid() {
    local pid=""
    [[ -s $PIDFILE ]] && pid=$(<"$PIDFILE")
    if [[ -z $pid ]] || ! kill -0 "$pid" 2>/dev/null; then
        pid=$(ss -Hltnp "sport = :$ES_PORT" 2>/dev/null \
            | grep -o '"java",pid=[0-9]*' | head -n1 | cut -d= -f2 || true)
    fi
    if [[ -n $pid && $(stat -c %U "/proc/$pid" 2>/dev/null) == "$ES_USER" ]]; then
        echo "$pid"
    fi
}

find_java_home() {
    local d
    for d in "${ES_JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-*; do
        [[ -n $d && -x $d/bin/java ]] && { echo "$d"; return; }
    done
    return 1
}

fetch() {
    [[ -x $ES_HOME/bin/elasticsearch ]] && return 0
    log "elasticsearch: fetching $ES_ARTIFACT"
    mkdir -p "$ES_CACHE"
    local tmp
    tmp=$(mktemp -d "$ES_CACHE/.fetch.XXXXXX")
    # cd: keep Maven away from any pom.xml in the caller's cwd.
    if ! (cd "$tmp" && mvn -B -q "$MVN_DEPENDENCY_PLUGIN:copy" \
        -Dartifact="$ES_ARTIFACT" -DoutputDirectory="$tmp") >"$tmp/mvn.log" 2>&1; then
        cat "$tmp/mvn.log" >&2
        rm -rf "$tmp"
        die "could not fetch $ES_ARTIFACT with Maven"
    fi
    unzip -q "$tmp/elasticsearch-$ES_VERSION.zip" -d "$tmp"
    # Atomic: a half-unzipped tree never looks like a usable cache.
    mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
    rm -rf "$tmp"
}

# The Dutch OpenTaal dictionary for the `hunspell` token filter (locale nl_NL).
install_hunspell_nl() {
    local conf=$1 src=""
    for src in /usr/share/hunspell/nl_NL /usr/share/hunspell/nl; do
        [[ -e $src.aff && -e $src.dic ]] && break
    done
    [[ -e $src.aff ]] || die "hunspell-nl files not found in /usr/share/hunspell"
    mkdir -p "$conf/hunspell/nl_NL"
    cp -L "$src.aff" "$conf/hunspell/nl_NL/nl_NL.aff"
    cp -L "$src.dic" "$conf/hunspell/nl_NL/nl_NL.dic"
}

# Fresh config on every start, so edits here always take effect.
configure() {
    local conf="$ES_WORK/config"
    id -u "$ES_USER" >/dev/null 2>&1 \
        || useradd --system --user-group --no-create-home \
            --home-dir "$ES_WORK" --shell /usr/sbin/nologin "$ES_USER"
    mkdir -p "$ES_WORK/data" "$ES_WORK/logs"
    rm -rf "$conf"
    cp -a "$ES_HOME/config" "$conf"
    cat >"$conf/elasticsearch.yml" <<YAML
cluster.name: kennisplatform
node.name: kennisplatform-1
discovery.type: single-node
network.host: $ES_HOST
http.port: $ES_PORT
path.data: $ES_WORK/data
path.logs: $ES_WORK/logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
YAML
    # C1 only: halves the CPU the node burns while starting (36 -> 18 CPU-s here),
    # which dominates on 2 busy cores; peak query speed does not matter for tests.
    printf -- '%s\n' "-Xms$ES_HEAP" "-Xmx$ES_HEAP" -XX:TieredStopAtLevel=1 \
        >"$conf/jvm.options.d/kennisplatform.options"
    install_hunspell_nl "$conf"
    chown -R "$ES_USER:$ES_USER" "$ES_WORK"
}

cmd_status() {
    if healthy; then
        log "elasticsearch: up at $ES_URL"
        return 0
    fi
    log "elasticsearch: not up"
    return 1
}

cmd_start() {
    if healthy; then
        log "elasticsearch: already up"
        echo "ELASTICSEARCH_URL=$ES_URL"
        return 0
    fi
    need_root "starting elasticsearch"
    if port_open; then
        # Starting or stuck: give it a chance before declaring the port taken.
        wait_for 120 healthy || die "$ES_URL is open but not a healthy cluster"
        echo "ELASTICSEARCH_URL=$ES_URL"
        return 0
    fi
    ensure_packages "${PKGS_ELASTICSEARCH[@]}"
    local java_home
    java_home=$(find_java_home) || die "no Java 17 found in /usr/lib/jvm"
    fetch
    configure
    rm -f "$PIDFILE"
    local startlog="$ES_WORK/logs/startup.log"
    log "elasticsearch: starting $ES_VERSION (heap $ES_HEAP, java $java_home)"
    # It refuses to run as root. env -i: no stray JAVA_TOOL_OPTIONS/ES_JAVA_OPTS.
    # 9>&-: the server must not inherit (and hold) our lock.
    # -d returns once the node has started (or failed to); its console
    # output until then goes to startup.log (-q cannot be combined with -d).
    if ! timeout 300 runuser -u "$ES_USER" -- env -i \
        PATH=/usr/local/bin:/usr/bin:/bin HOME="$ES_WORK" LANG=C.UTF-8 \
        ES_JAVA_HOME="$java_home" ES_PATH_CONF="$ES_WORK/config" \
        CLI_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" \
        "$ES_HOME/bin/elasticsearch" -d -p "$PIDFILE" >"$startlog" 2>&1 9>&-; then
        grep -E 'ERROR|Exception|WARN' "$startlog" | tail -n 20 >&2 || true
        die "elasticsearch failed to start (see $startlog)"
    fi
    wait_for 120 healthy || {
        tail -n 20 "$ES_WORK/logs/kennisplatform.log" >&2 2>/dev/null || true
        die "elasticsearch did not become healthy within 120s (logs in $ES_WORK/logs)"
    }
    log "elasticsearch: up"
    echo "ELASTICSEARCH_URL=$ES_URL"
}

cmd_stop() {
    local pid
    pid=$(server_pid)
    if [[ -z $pid ]]; then
        log "elasticsearch: not running"
        rm -f "$PIDFILE"
        return 0
    fi
    need_root "stopping elasticsearch"
    log "elasticsearch: stopping pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_for 60 bash -c "! kill -0 $pid" ; then
        log "elasticsearch: no exit after 60s, killing"
        kill -KILL "$pid" 2>/dev/null || true
        wait_for 10 bash -c "! kill -0 $pid" || die "pid $pid survived SIGKILL"
    fi
    wait_for 30 bash -c "! (exec 3<>/dev/tcp/$ES_HOST/$ES_PORT)" \
        || die "port $ES_PORT still open after stop"
    rm -f "$PIDFILE"
    log "elasticsearch: stopped"
}

# Serialise concurrent invocations (e.g. a developer's shell and a test run).
mkdir -p "$ES_WORK" 2>/dev/null || true
if [[ -w $ES_WORK ]]; then
    exec 9>"$ES_WORK/.lock"
    flock 9
fi

case "${1:-start}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) die "usage: $0 [start|stop|status]" ;;
esac
