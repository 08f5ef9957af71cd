#!/usr/bin/env bash
# (e) One enrolled device gone hostile: 20 connections at once, each sending pushes built to exhaust the hub
# (4 MiB and 1 MiB frames of empty operations), while 3 honest devices sync 100 new cases each. Prints the
# hub's memory (from fieldkit-bench-idle --hostile) and the honest devices' round times with and without the
# attack.
#   bench/sync/hostile-benchmark.sh BUILD_DIR [--connections N] [--seconds S]
set -euo pipefail
BUILD=$1
shift
CONNECTIONS=20
SECONDS_ATTACK=20
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS=$2; shift 2 ;;
    --seconds) SECONDS_ATTACK=$2; shift 2 ;;
    --quick) SECONDS_ATTACK=8; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
HUB="$BUILD/sync-daemon/hub/fieldkit-hub"
SYNCD="$BUILD/sync-daemon/device/fieldkit-syncd"
CTL="$BUILD/tools/ctl/fieldkit-ctl"
IDLE="$BUILD/bench/sync/fieldkit-bench-idle"
WORK=$(mktemp -d /tmp/fieldkit-bench-hostile.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export FIELDKIT_PIN=2468

"$HUB" init --dir "$WORK/center" >/dev/null
"$HUB" unit add --dir "$WORK/center" bike-01 >/dev/null
"$HUB" serve --dir "$WORK/center" --listen 127.0.0.1:0 >"$WORK/hub.out" 2>"$WORK/hub.err" &
hub_pid=$!
pids+=($hub_pid)
for _ in $(seq 1 200); do grep -q '^listening on ' "$WORK/hub.out" 2>/dev/null && break; sleep 0.05; done
hub=$(sed -n 's/^listening on //p' "$WORK/hub.out")
for d in 1 2 3; do
  "$CTL" --data "$WORK/d$d" init --staff bench --unit bike-01 --kdf-ms 1 >/dev/null
  code=$("$HUB" enroll-code --dir "$WORK/center" --unit bike-01 2>/dev/null)
  "$SYNCD" enroll --data "$WORK/d$d" --hub "$hub" --code "$code" >/dev/null
  "$SYNCD" sync-once --data "$WORK/d$d" --hub "$hub" >/dev/null
done

honest_round() { # seed -> prints the slowest of the three devices' sync-once times
  local d round=()
  for d in 1 2 3; do "$CTL" --data "$WORK/d$d" case generate --count 100 --seed "$1$d" >/dev/null; done
  for d in 1 2 3; do
    ( s=$(date +%s.%N); "$SYNCD" sync-once --data "$WORK/d$d" --hub "$hub" >/dev/null; e=$(date +%s.%N)
      awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f\n", b - a }' >"$WORK/t$d" ) &
    round+=($!)
  done
  for p in "${round[@]}"; do wait "$p"; done
  cat "$WORK"/t1 "$WORK"/t2 "$WORK"/t3 | sort -n | tail -1
  rm -f "$WORK"/t1 "$WORK"/t2 "$WORK"/t3
}

quiet=$(honest_round 1)
"$IDLE" --center "$WORK/center" --hub "$hub" --hub-pid "$hub_pid" --hostile "$CONNECTIONS" --seconds "$SECONDS_ATTACK" >"$WORK/hostile.out" &
attacker=$!
sleep 2
under=$(honest_round 2)
under2=$(honest_round 3)
wait "$attacker" || true
held=$("$HUB" stats --dir "$WORK/center" --json | sed -n 's/.*"cases":\([0-9]*\).*/\1/p')

printf 'hostile device: %d connections of one enrolled device for %d s while 3 honest devices sync\n' "$CONNECTIONS" "$SECONDS_ATTACK"
cat "$WORK/hostile.out"
printf '\n%-48s | %10s | %s\n' "honest devices (3 x 100 new cases, in parallel)" "round (s)" "target"
printf '%s\n' "------------------------------------------------ | ---------- | ------------------------------"
printf '%-48s | %10s | %s\n' "slowest round, hub quiet" "$quiet" "reference"
printf '%-48s | %10s | %s\n' "slowest round, under attack (1st)" "$under" "completes"
printf '%-48s | %10s | %s\n' "slowest round, under attack (2nd)" "$under2" "completes"
printf '%-48s | %10s | %s\n' "cases at the center" "$held" "900"
[ "$held" = 900 ]
