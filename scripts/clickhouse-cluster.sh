#!/usr/bin/env bash
# A two-shard ClickHouse cluster on loopback, from Debian's clickhouse-server package.
#
#   scripts/clickhouse-cluster.sh start    # idempotent: starts what is not running, waits until ready
#   scripts/clickhouse-cluster.sh stop     # idempotent: stops both servers and removes what
#                                          # this script wrote (other files in the folder stay)
#   scripts/clickhouse-cluster.sh stop 2   # stops shard 2 only, keeping its data (a shard down);
#                                          # `start` brings it back
#   scripts/clickhouse-cluster.sh status   # prints the servers' URLs, exit 1 when not both ready
#
# Each server gets its own data folder and config under $STRATEX_CLICKHOUSE_DIR
# (default /tmp/stratex-clickhouse). Ports start at $STRATEX_CLICKHOUSE_PORT (default 18123):
# shard 1 HTTP 18123, shard 2 HTTP 18124; native and interserver ports follow at +100 and +200.
# With STRATEX_CLICKHOUSE_PORT=free, `start` takes six ports the system says are free and keeps
# them in the folder's `ports` file (HTTP 1, HTTP 2, native 1, native 2, interserver 1, 2), which
# later commands on the same folder read: clusters started side by side never meet.
#
# Both shards form the cluster `stratex`. The portal's tables live in the database `stratex`,
# which is also each server's default database (so a statement naming no database lands there):
# on each shard `sales_local` (MergeTree) and `sales` (Distributed over both shards'
# `sales_local`). The database `default` stays for what the page must not see. Users:
#   default         password-less, loopback only, full rights: the loader and the shards' own link
#   stratex_reader  password-less, readonly=1, quotas and limits of a page's reader, CORS header on,
#                   kept to the database `stratex` (`allow_databases`; 18.16 still lets every
#                   user read the `system` database, `system.processes` included)
#   stratex_proxy   the same profile with a password, as a same-origin proxy would use it
#   stratex_tight_memory, stratex_tight_time
#                   the reader with a tiny memory limit, or with a minimum speed no server reaches
#                   (10^18 rows a second, checked from the first block): the tests' way to have the
#                   server refuse a widget's query on memory, or stop every read as too slow, on
#                   any machine however fast or loaded
set -euo pipefail

DIR="${STRATEX_CLICKHOUSE_DIR:-/tmp/stratex-clickhouse}"
BASE_PORT="${STRATEX_CLICKHOUSE_PORT:-18123}"
SHARDS=(1 2)
# The portal's own database: the only one its readers may read.
PORTAL_DATABASE=stratex

server_binary() {
  local candidate
  for candidate in "$(command -v clickhouse-server 2>/dev/null || true)" /usr/sbin/clickhouse-server /usr/bin/clickhouse-server; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  echo "clickhouse-server is not installed (Debian: apt-get install -y clickhouse-server)" >&2
  return 2
}

PORTS_FILE="$DIR/ports"
PORTS=()

# Six ports the system hands out as free (held together while asked, so all differ).
free_ports() {
  node -e '
    const net = require("node:net");
    const servers = Array.from({ length: 6 }, () => net.createServer());
    Promise.all(servers.map((server) => new Promise((ok) => server.listen(0, "127.0.0.1", ok))))
      .then(() => {
        console.log(servers.map((server) => server.address().port).join(" "));
        for (const server of servers) server.close();
      });'
}

# The ports in use: fixed from the base port, or those kept in the folder (chosen at `start`).
load_ports() {
  local choose=${1:-}
  if [[ "$BASE_PORT" != free ]]; then
    PORTS=("$BASE_PORT" $((BASE_PORT + 1)) $((BASE_PORT + 100)) $((BASE_PORT + 101)) $((BASE_PORT + 200)) $((BASE_PORT + 201)))
  elif [[ -f "$PORTS_FILE" ]]; then
    read -r -a PORTS <"$PORTS_FILE"
  elif [[ -n "$choose" ]]; then
    mkdir -p "$DIR"
    free_ports >"$PORTS_FILE"
    read -r -a PORTS <"$PORTS_FILE"
  fi
}

http_port() { echo "${PORTS[$1 - 1]:-0}"; }
tcp_port() { echo "${PORTS[$1 + 1]:-0}"; }
interserver_port() { echo "${PORTS[$1 + 3]:-0}"; }

# Sends SQL to a shard as `default` over HTTP; prints the answer, fails on an error status.
sql() {
  local shard=$1 query=$2
  curl -sS --fail-with-body --max-time 30 --data-binary "$query" "http://127.0.0.1:$(http_port "$shard")/?user=default"
}

ready() { [[ "$(curl -s --max-time 2 "http://127.0.0.1:$(http_port "$1")/ping" 2>/dev/null)" == "Ok." ]]; }

running() {
  local pid_file="$DIR/shard$1/server.pid"
  [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

write_config() {
  local shard=$1 home="$DIR/shard$1"
  mkdir -p "$home/data" "$home/tmp" "$home/user_files" "$home/log" "$home/format_schemas"
  local replicas="" other
  for other in "${SHARDS[@]}"; do
    replicas+="<shard><replica><host>127.0.0.1</host><port>$(tcp_port "$other")</port><user>default</user></replica></shard>"
  done
  cat >"$home/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>$home/log/server.log</log>
    <errorlog>$home/log/error.log</errorlog>
    <size>10M</size>
    <count>1</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$(http_port "$shard")</http_port>
  <tcp_port>$(tcp_port "$shard")</tcp_port>
  <interserver_http_port>$(interserver_port "$shard")</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>$home/data/</path>
  <tmp_path>$home/tmp/</tmp_path>
  <user_files_path>$home/user_files/</user_files_path>
  <format_schema_path>$home/format_schemas/</format_schema_path>
  <users_config>$home/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>$PORTAL_DATABASE</default_database>
  <timezone>UTC</timezone>
  <max_connections>256</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>32</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <stratex>$replicas</stratex>
  </remote_servers>
  <macros><shard>$shard</shard></macros>
</yandex>
XML
  cat >"$home/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>2000000000</max_memory_usage>
      <load_balancing>random</load_balancing>
    </default>
    <!-- What a page may do: read, within limits; the settings below cannot be changed by it. -->
    <stratex_reader>
      <readonly>1</readonly>
      <add_http_cors_header>1</add_http_cors_header>
      <enable_http_compression>1</enable_http_compression>
      <max_execution_time>30</max_execution_time>
      <max_memory_usage>1000000000</max_memory_usage>
      <max_result_rows>100000</max_result_rows>
      <result_overflow_mode>throw</result_overflow_mode>
      <max_rows_to_group_by>1000000</max_rows_to_group_by>
      <skip_unavailable_shards>0</skip_unavailable_shards>
      <connect_timeout_with_failover_ms>200</connect_timeout_with_failover_ms>
    </stratex_reader>
    <stratex_tight_memory>
      <profile>stratex_reader</profile>
      <max_memory_usage>10000000</max_memory_usage>
    </stratex_tight_memory>
    <stratex_tight_time>
      <profile>stratex_reader</profile>
      <max_execution_time>1</max_execution_time>
      <min_execution_speed>1000000000000000000</min_execution_speed>
      <timeout_before_checking_execution_speed>0</timeout_before_checking_execution_speed>
    </stratex_tight_time>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
    <stratex_reader>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <allow_databases><database>$PORTAL_DATABASE</database></allow_databases>
      <profile>stratex_reader</profile>
      <quota>stratex_reader</quota>
    </stratex_reader>
    <!-- The reader as a same-origin proxy uses it: the password stays with the proxy (a fixed test value here). -->
    <stratex_proxy>
      <password>stratex-proxy-test</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <allow_databases><database>$PORTAL_DATABASE</database></allow_databases>
      <profile>stratex_reader</profile>
      <quota>stratex_reader</quota>
    </stratex_proxy>
    <stratex_tight_memory>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <allow_databases><database>$PORTAL_DATABASE</database></allow_databases>
      <profile>stratex_tight_memory</profile>
      <quota>stratex_reader</quota>
    </stratex_tight_memory>
    <stratex_tight_time>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <allow_databases><database>$PORTAL_DATABASE</database></allow_databases>
      <profile>stratex_tight_time</profile>
      <quota>stratex_reader</quota>
    </stratex_tight_time>
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
    <stratex_reader>
      <interval><duration>60</duration><queries>6000</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>600</execution_time></interval>
    </stratex_reader>
  </quotas>
</yandex>
XML
}

start_shard() {
  local shard=$1 binary=$2 home="$DIR/shard$1"
  # Rewritten each time: a running server reloads users.xml (profiles, quotas) by itself.
  write_config "$shard"
  if running "$shard"; then return 0; fi
  # setsid: the server outlives this script and is stopped by its pid alone.
  # (18.16 writes no pid file outside daemon mode: the pid is taken from the shell.)
  setsid "$binary" --config-file="$home/config.xml" >"$home/log/stdout.log" 2>&1 </dev/null &
  echo $! >"$home/server.pid"
}

wait_ready() {
  local shard=$1 tries=0
  until ready "$shard"; do
    tries=$((tries + 1))
    if ((tries > 300)); then
      echo "shard $shard did not answer on port $(http_port "$shard") within 60 s; log: $DIR/shard$shard/log/" >&2
      tail -20 "$DIR/shard$shard/log/error.log" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.2
  done
}

create_tables() {
  local shard
  for shard in "${SHARDS[@]}"; do
    sql "$shard" "CREATE DATABASE IF NOT EXISTS $PORTAL_DATABASE" >/dev/null
    sql "$shard" "CREATE DATABASE IF NOT EXISTS default" >/dev/null
    sql "$shard" "CREATE TABLE IF NOT EXISTS sales_local (
        date Date, region String, product_line String, customer_type String, channel String,
        amount Decimal(18, 2), target_share Decimal(18, 2)
      ) ENGINE = MergeTree() PARTITION BY toYYYYMM(date) ORDER BY (region, product_line, customer_type, date)" >/dev/null
    sql "$shard" "CREATE TABLE IF NOT EXISTS sales AS sales_local
      ENGINE = Distributed(stratex, currentDatabase(), sales_local, rand())" >/dev/null
  done
}

start() {
  local binary shard
  binary=$(server_binary)
  mkdir -p "$DIR"
  load_ports choose
  for shard in "${SHARDS[@]}"; do start_shard "$shard" "$binary"; done
  for shard in "${SHARDS[@]}"; do wait_ready "$shard"; done
  create_tables
  status
}

stop_shard() {
  local shard=$1 pid_file pid tries
  pid_file="$DIR/shard$shard/server.pid"
  [[ -f "$pid_file" ]] || return 0
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    tries=0
    while kill -0 "$pid" 2>/dev/null && ((tries < 100)); do
      sleep 0.1
      tries=$((tries + 1))
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$pid_file"
}

stop() {
  local shard
  if [[ -n "${1:-}" ]]; then
    stop_shard "$1"
    return 0
  fi
  for shard in "${SHARDS[@]}"; do
    stop_shard "$shard"
    rm -rf "${DIR:?}/shard$shard"
  done
  rm -f "$PORTS_FILE"
  # The folder goes only when nothing else was kept in it.
  rmdir "$DIR" 2>/dev/null || true
}

status() {
  local shard ok=0
  for shard in "${SHARDS[@]}"; do
    if ready "$shard"; then
      echo "shard $shard ready: http://127.0.0.1:$(http_port "$shard")/"
    else
      echo "shard $shard not answering (port $(http_port "$shard"))"
      ok=1
    fi
  done
  return $ok
}

load_ports
case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 64
    ;;
esac
