#!/usr/bin/env bash
# (c) Hub ingest with concurrent devices: N enrolled devices each push M realistic cases at the same moment,
# each through its own fieldkit-syncd process over mutual TLS on loopback. Prints ops/s over the wall clock
# of the whole burst (client start-up, TLS handshakes and the devices' own store work included, all on the
# same cores as the hub) and the hub's CPU seconds for the burst (from /proc), so the hub's own share shows.
# Devices sit two to a unit, as on a service bike (two staff, two tablets): each device also pulls what its
# partner pushed, so the hub's fan-out is in the figures; --per-unit N changes that (all in one unit: the pull
# of every other device's cases dominates, which is a different benchmark).
# 400 cases per device by default: the 50 processes' own start-up (store, keys, TLS handshake) is about 1.5 s
# on 2 cores, which a burst of 100 cases each would mostly measure instead of the hub.
# --store postgres puts the center on a throw-away PostgreSQL 15 cluster on this machine (tests/pg/pg-cluster.sh,
# fsync on as in production); --hubs 2 runs two hub processes on it, devices alternating between them.
# --pg-statements (with postgres) adds where the database's time went: the statements by total execution time
# (pg_stat_statements), with calls and rows, after the burst.
#   bench/sync/hub-ingest-benchmark.sh BUILD_DIR [--devices N] [--cases M] [--per-unit K] [--store sqlite|postgres] [--hubs N] [--pg-statements]
set -euo pipefail
BUILD=$1
shift
DEVICES=50
CASES=400
PER_UNIT=2
STORE=sqlite
HUBS=1
PG_STATEMENTS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --store) STORE=$2; shift 2 ;;
    --hubs) HUBS=$2; shift 2 ;;
    --devices) DEVICES=$2; shift 2 ;;
    --cases) CASES=$2; shift 2 ;;
    --per-unit) PER_UNIT=$2; shift 2 ;;
    --quick) DEVICES=20; CASES=50; shift ;;
    --pg-statements) PG_STATEMENTS=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
HUB="$BUILD/sync-daemon/hub/fieldkit-hub"
SYNCD="$BUILD/sync-daemon/device/fieldkit-syncd"
CTL="$BUILD/tools/ctl/fieldkit-ctl"
for b in "$HUB" "$SYNCD" "$CTL"; do
  [ -x "$b" ] || { echo "hub ingest benchmark: $b is not built" >&2; exit 1; }
done
PG_SCRIPT="$(cd "$(dirname "$0")/../.." && pwd)/tests/pg/pg-cluster.sh"
WORK=$(mktemp -d /tmp/fieldkit-bench-ingest.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -f "$WORK/pg.info.dir" ] && "$PG_SCRIPT" stop "$WORK/pg.info"
  rm -rf "$WORK"
}
trap cleanup EXIT
export FIELDKIT_PIN=2468

PG_INFO="$WORK/pg.info"
if [ "$STORE" = postgres ]; then
  pg_options=""
  [ "$PG_STATEMENTS" = 1 ] && pg_options="-c shared_preload_libraries=pg_stat_statements"
  FIELDKIT_PG_DURABLE=1 FIELDKIT_PG_OPTIONS="$pg_options" "$PG_SCRIPT" start "$PG_INFO"
  "$HUB" init --dir "$WORK/center" --store "$(cat "$PG_INFO")" >/dev/null
else
  [ "$HUBS" -eq 1 ] || { echo "hub ingest benchmark: several hubs need --store postgres" >&2; exit 2; }
  "$HUB" init --dir "$WORK/center" >/dev/null
fi
units=$(( (DEVICES + PER_UNIT - 1) / PER_UNIT ))
for u in $(seq 1 "$units"); do "$HUB" unit add --dir "$WORK/center" "bike-$u" >/dev/null; done
hub_pids=()
hubs=()
opses=()
for h in $(seq 1 "$HUBS"); do
  "$HUB" serve --dir "$WORK/center" --listen 127.0.0.1:0 --ops-listen 127.0.0.1:0 >"$WORK/hub-$h.out" 2>"$WORK/hub-$h.err" &
  hub_pids+=($!)
  pids+=($!)
  for _ in $(seq 1 200); do grep -q '^listening on ' "$WORK/hub-$h.out" 2>/dev/null && break; sleep 0.05; done
  hubs+=("$(sed -n 's/^listening on //p' "$WORK/hub-$h.out")")
  opses+=("$(sed -n 's/^ops on //p' "$WORK/hub-$h.out")")
done
hub=${hubs[0]}

for d in $(seq 1 "$DEVICES"); do
  dir="$WORK/device-$d"
  unit="bike-$(( (d - 1) / PER_UNIT + 1 ))"
  "$CTL" --data "$dir" init --staff bench --unit "$unit" --kdf-ms 1 >/dev/null
  code=$("$HUB" enroll-code --dir "$WORK/center" --unit "$unit" 2>/dev/null)
  "$SYNCD" enroll --data "$dir" --hub "$hub" --code "$code" >/dev/null
  "$CTL" --data "$dir" case generate --count "$CASES" --seed "$d" >/dev/null
done

metric() { # summed over the hubs
  local sum=0 v
  for o in "${opses[@]}"; do
    v=$(curl -s "http://$o/metrics" 2>/dev/null | sed -n "s/^$1 //p")
    sum=$((sum + ${v:-0}))
  done
  echo "$sum"
}
cpu_ticks() { local t=0; for p in "${hub_pids[@]}"; do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done; echo "$t"; }
db_ticks() { # the PostgreSQL server: postmaster with its finished children, and the backends still running
  [ "$STORE" = postgres ] || { echo 0; return; }
  local pm t=0
  pm=$(head -1 "$(cat "$PG_INFO.dir")/data/postmaster.pid")
  t=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm"); do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
pg_sql() { psql -X -q -A -F ' | ' -d "$(cat "$PG_INFO")" -c "$1"; }
[ "$PG_STATEMENTS" = 1 ] && pg_sql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" >/dev/null
before=$(cpu_ticks)
db_before=$(db_ticks)
start=$(date +%s.%N)
sync_pids=()
for d in $(seq 1 "$DEVICES"); do
  "$SYNCD" sync-once --data "$WORK/device-$d" --hub "${hubs[$(( (d - 1) % HUBS ))]}" >"$WORK/sync-$d.out" 2>&1 &
  sync_pids+=($!)
done
failed=0
for p in "${sync_pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
end=$(date +%s.%N)
after=$(cpu_ticks)
db_after=$(db_ticks)
applied=$(metric fieldkit_hub_ops_applied_total)
total=$((DEVICES * CASES))
wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
hub_s=$(awk -v a="$before" -v b="$after" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz }')
db_s=$(awk -v a="$db_before" -v b="$db_after" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz }')
printf 'hub ingest (%s, %d hub(s)): %d devices x %d cases at once, %d devices per unit, each its own fieldkit-syncd over mutual TLS 1.3 on loopback\n' "$STORE" "$HUBS" "$DEVICES" "$CASES" "$PER_UNIT"
printf '%-28s | %10s | %12s | %s\n' measure "seconds" "ops/s" target
printf '%s\n' "---------------------------- | ---------- | ------------ | ----------"
printf '%-28s | %10s | %12s | %s\n' "wall clock, whole burst" "$wall" "$(awk -v n="$applied" -v t="$wall" 'BEGIN { printf "%.0f", n / t }')" ">= 5,000"
printf '%-28s | %10s | %12s | %s\n' "hub CPU time only" "$hub_s" "$(awk -v n="$applied" -v t="$hub_s" 'BEGIN { if (t > 0) printf "%.0f", n / t; else print "-" }')" ">= 5,000"
[ "$STORE" = postgres ] && printf '%-28s | %10s | %12s | %s\n' "PostgreSQL server CPU time" "$db_s" "-" "(same cores)"
printf 'RESULT %s %s %s\n' "$STORE-$HUBS" "$wall" "$(awk -v n="$applied" -v t="$wall" 'BEGIN { printf "%.0f", n / t }')"
printf '\n%d of %d operations applied, %d device(s) failed. "hub CPU time only" leaves out the hub'"'"'s fsync waits.\n' "${applied:-0}" "$total" "$failed"
if [ "$PG_STATEMENTS" = 1 ]; then
  echo
  echo "database time by statement (pg_stat_statements, the burst only; ms):"
  pg_sql "SELECT round(total_exec_time) AS total_ms, calls, rows, round((total_exec_time / calls)::numeric, 3) AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 90) AS statement FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15"
fi
