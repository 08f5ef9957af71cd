#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests: pg-cluster.sh start INFO | stop INFO
#
# start: initdb + pg_ctl in a fresh temporary folder (as the unprivileged user `postgres` when run as root:
# initdb refuses root), on a free port, its unix socket in that folder, listening on 127.0.0.1 too (password
# and TLS tests). Writes the libpq connection string of the `postgres` database to INFO, the folder to
# INFO.dir. Unix-socket logins are trusted; TCP logins need the password in INFO.password. TLS is on for
# TCP, with a server certificate for 127.0.0.1 from a throw-away CA whose certificate is INFO.ca.
# stop: stops the cluster named by INFO.dir at once and deletes its folder.
set -euo pipefail
BIN=${FIELDKIT_PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?usage: pg-cluster.sh start|stop INFO}
info=${2:?usage: pg-cluster.sh start|stop INFO}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  [ -f "$info.dir" ] || return 0
  local dir
  dir=$(cat "$info.dir")
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  rm -f "$info" "$info.dir" "$info.password" "$info.ca"
}

# A CA and a server certificate for 127.0.0.1/localhost in DIR/tls, valid for two days.
make_tls() {
  local tls=$1/tls
  mkdir -p "$tls"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=fieldkit-test-pg-ca \
    -keyout "$tls/ca.key" -out "$tls/ca.crt" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=127.0.0.1 \
    -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$tls/san.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
    -extfile "$tls/san.ext" -out "$tls/server.crt" 2>/dev/null
  rm -f "$tls/ca.key" "$tls/server.csr" "$tls/san.ext" "$tls/ca.srl"
  chmod 0600 "$tls/server.key"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$tls"
  return 0
}

case "$cmd" in
  start)
    [ -x "$BIN/initdb" ] || { echo "pg-cluster: $BIN/initdb is missing (tools/deps.sh installs postgresql-15)" >&2; exit 1; }
    stop_cluster # a cluster left behind by an interrupted run
    dir=$(mktemp -d /tmp/fieldkit-pg.XXXXXX)
    chmod 0755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    echo "$dir" >"$info.dir"
    password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    echo "$password" >"$dir/pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
    as_owner "$BIN/initdb" -D "$dir/data" -U fieldkit --pwfile="$dir/pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    echo "$password" >"$info.password"
    make_tls "$dir"
    echo "$dir/tls/ca.crt" >"$info.ca"
    for attempt in 1 2 3 4 5 6 7 8; do
      # A random high port; a taken one makes the server fail to bind at once and the next attempt picks again.
      port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
      # fsync off: the tests check behaviour, not durability on power loss; the cluster is thrown away.
      # FIELDKIT_PG_DURABLE=1 (benchmarks) keeps PostgreSQL's production defaults; FIELDKIT_PG_OPTIONS adds
      # server options (e.g. the benchmark's statement statistics).
      durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
      [ "${FIELDKIT_PG_DURABLE:-0}" = 1 ] && durability=""
      if as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
           -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=300 ${FIELDKIT_PG_OPTIONS:-} -c ssl=on -c ssl_cert_file=$dir/tls/server.crt -c ssl_key_file=$dir/tls/server.key -c ssl_min_protocol_version=TLSv1.2" \
           start >/dev/null; then
        echo "host=$dir port=$port user=fieldkit dbname=postgres" >"$info"
        exit 0
      fi
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
  stop)
    stop_cluster
    ;;
  *)
    echo "usage: pg-cluster.sh start|stop INFO" >&2
    exit 2
    ;;
esac
