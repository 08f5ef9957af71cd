#!/usr/bin/env bash
# (d) Idle connected devices: a hub serving N devices that each ran one sync round and then stay connected
# without a word (as quiet fieldkit-syncd daemons do between syncs). Prints the hub's resident memory per
# connected device. The devices are held by one client process (bench/sync/src), so 1,000 of them fit on a
# laptop; each has its own certificate, registration and TLS session. --store postgres puts the center on a
# throw-away PostgreSQL 15 cluster (tests/pg/pg-cluster.sh): the hub's own memory then leaves out the server's.
#   bench/sync/idle-devices-benchmark.sh BUILD_DIR [--devices N] [--store sqlite|postgres]
set -euo pipefail
BUILD=$1
shift
DEVICES=1000
STORE=sqlite
while [ $# -gt 0 ]; do
  case "$1" in
    --store) STORE=$2; shift 2 ;;
    --devices) DEVICES=$2; shift 2 ;;
    --quick) DEVICES=200; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
HUB="$BUILD/sync-daemon/hub/fieldkit-hub"
IDLE="$BUILD/bench/sync/fieldkit-bench-idle"
for b in "$HUB" "$IDLE"; do
  [ -x "$b" ] || { echo "idle devices benchmark: $b is not built" >&2; exit 1; }
done
WORK=$(mktemp -d /tmp/fieldkit-bench-idle.XXXXXX)
PG_SCRIPT="$(cd "$(dirname "$0")/../.." && pwd)/tests/pg/pg-cluster.sh"
hub_pid=
cleanup() {
  [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null
  wait 2>/dev/null || true
  [ -f "$WORK/pg.info.dir" ] && "$PG_SCRIPT" stop "$WORK/pg.info"
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$STORE" = postgres ]; then
  "$PG_SCRIPT" start "$WORK/pg.info"
  "$HUB" init --dir "$WORK/center" --store "$(cat "$WORK/pg.info")" >/dev/null
else
  "$HUB" init --dir "$WORK/center" >/dev/null
fi
echo "idle devices on the $STORE center:"
"$HUB" unit add --dir "$WORK/center" bike-01 >/dev/null
# Each connection is a file descriptor on both sides.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
"$HUB" serve --dir "$WORK/center" --listen 127.0.0.1:0 --ops-listen 127.0.0.1:0 --idle-seconds 120 \
  >"$WORK/hub.out" 2>"$WORK/hub.err" &
hub_pid=$!
for _ in $(seq 1 200); do grep -q '^listening on ' "$WORK/hub.out" 2>/dev/null && break; sleep 0.05; done
hub=$(sed -n 's/^listening on //p' "$WORK/hub.out")
[ -n "$hub" ] || { echo "idle devices benchmark: the hub did not start" >&2; cat "$WORK/hub.err" >&2; exit 1; }
"$IDLE" --center "$WORK/center" --hub "$hub" --hub-pid "$hub_pid" --devices "$DEVICES"
