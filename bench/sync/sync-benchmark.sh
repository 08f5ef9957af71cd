#!/usr/bin/env bash
# Sync over emulated links: 1,000 realistic cases from one device to the center through the netfault proxy
# for each link profile, then a no-change sync. Prints one table; bytes are counted by the proxy, so TLS,
# WebSocket framing and protobuf are all included.
#   bench/sync/sync-benchmark.sh BUILD_DIR [--cases N] [--profiles "lte 3g 2g"]
set -euo pipefail
BUILD=$1
shift
CASES=1000
PROFILES="lte 3g 2g"
INGEST_FLAGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) CASES=$2; shift 2 ;;
    --profiles) PROFILES=$2; shift 2 ;;
    --quick) CASES=200; PROFILES="lte 3g"; INGEST_FLAGS=(--quick); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
HUB="$BUILD/sync-daemon/hub/fieldkit-hub"
SYNCD="$BUILD/sync-daemon/device/fieldkit-syncd"
CTL="$BUILD/tools/ctl/fieldkit-ctl"
NETFAULT="$BUILD/tools/netfault/fieldkit-netfault"
CASEGEN="$BUILD/tools/casegen/fieldkit-casegen"
for b in "$HUB" "$SYNCD" "$CTL" "$NETFAULT" "$CASEGEN"; do
  [ -x "$b" ] || { echo "sync benchmark: $b is not built" >&2; exit 1; }
done
WORK=$(mktemp -d /tmp/fieldkit-bench-sync.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export FIELDKIT_PIN=2468

# Plain JSON size of the same cases (what a naive sync would send), for the bytes-per-case comparison.
"$CASEGEN" --count "$CASES" --seed 11 --format json --out "$WORK/json" >/dev/null
json_bytes=$(cat "$WORK"/json/* | wc -c)
json_per_case=$((json_bytes / CASES))

wait_line() { # file prefix
  for _ in $(seq 1 200); do grep -q "^$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
  return 1
}

declare -A BANDWIDTH=([lte]=20000 [3g]=1000 [2g]=80 [cut]=128)
declare -A LATENCY=([lte]=25 [3g]=75 [2g]=300 [cut]=60)  # one-way, ms
declare -A CHUNKED=([lte]=0 [3g]=0 [2g]=1 [cut]=1)       # store and forward 4 KiB chunks (tools/netfault)

# The least time a link needs to carry BYTES one way: the transmission time, plus the latency once (a
# pipelined link) or once per 4 KiB chunk (store and forward), plus 4 round trips for TCP, TLS, the WebSocket
# upgrade and the exchange itself.
physical_limit() { # profile bytes
  awk -v b="$2" -v bw="${BANDWIDTH[$1]}" -v lat="${LATENCY[$1]}" -v chunked="${CHUNKED[$1]}" 'BEGIN {
    chunks = chunked ? int((b + 4095) / 4096) : 1
    rtt = chunked ? 2 * (lat + 4096 * 8 / bw) : 2 * lat
    printf "%.2f", (b * 8 / bw + chunks * lat + 4 * rtt) / 1000 }'
}

printf 'fieldkit sync benchmark: %d realistic cases (plain JSON %d B each), one device, center over loopback\n' "$CASES" "$json_per_case"
printf 'host: %s, %s cores; load %s\n\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s | %10s | %14s | %12s | %11s | %15s | %10s | %s\n' profile "time (s)" "wire B/case" "vs JSON" "round trips" "physical limit" "x limit" "target"
printf '%s\n' "-------- | ---------- | -------------- | ------------ | ----------- | --------------- | ---------- | ------------------------------"

declare -A TARGET=([lte]="<= 2 s" [3g]="<= 8 s" [2g]="<= 1.3 x limit")
nochange_line=""
for profile in $PROFILES; do
  run="$WORK/$profile"
  mkdir -p "$run"
  "$HUB" init --dir "$run/center" >/dev/null
  "$HUB" unit add --dir "$run/center" bike-01 >/dev/null
  "$HUB" serve --dir "$run/center" --listen 127.0.0.1:0 >"$run/hub.out" 2>"$run/hub.err" &
  pids+=($!)
  wait_line "$run/hub.out" "listening on " || { echo "hub did not start" >&2; exit 1; }
  hub=$(sed -n 's/^listening on //p' "$run/hub.out")
  "$CTL" --data "$run/device" init --staff bench --unit bike-01 --kdf-ms 1 >/dev/null
  code=$("$HUB" enroll-code --dir "$run/center" --unit bike-01 2>/dev/null)
  "$SYNCD" enroll --data "$run/device" --hub "$hub" --code "$code" >/dev/null
  "$CTL" --data "$run/device" case generate --count "$CASES" --seed 11 >/dev/null

  "$NETFAULT" --listen 127.0.0.1:0 --target "$hub" --profile "$profile" --seed 1 >"$run/proxy.out" 2>"$run/proxy.err" &
  pids+=($!)
  wait_line "$run/proxy.out" "listening on " || { echo "proxy did not start" >&2; exit 1; }
  proxy=$(sed -n 's/^listening on //p' "$run/proxy.out")

  start=$(date +%s.%N)
  out=$("$SYNCD" sync-once --data "$run/device" --hub "$proxy")
  end=$(date +%s.%N)
  sleep 0.3 # let the proxy log the closed connection
  bytes=$(grep ' close ' "$run/proxy.err" | tail -1 | sed -n 's/.*up \([0-9]*\) bytes, down \([0-9]*\) bytes.*/\1 \2/p')
  up=${bytes% *}
  down=${bytes#* }
  trips=$(sed -n 's/.*, \([0-9]*\) round trips.*/\1/p' <<<"$out")
  time_s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  per_case=$(( (up + down) / CASES ))
  ratio=$(awk -v a="$per_case" -v b="$json_per_case" 'BEGIN { printf "%.2f", a / b }')
  limit=$(physical_limit "$profile" $((up > down ? up : down)))
  xlimit=$(awk -v t="$time_s" -v l="$limit" 'BEGIN { printf "%.2f", t / l }')
  printf '%-8s | %10s | %14s | %12s | %11s | %13s s | %10s | %s\n' "$profile" "$time_s" "$per_case" "$ratio" "$trips" "$limit" "$xlimit" "${TARGET[$profile]}; bytes <= 0.7 x JSON"

  if [ -z "$nochange_line" ]; then
    # (b) A sync with nothing to do on a connection that is already open. Measured twice: at the socket (the
    # kernel's TCP byte counters, printed per round by sync-once) and at the proxy (a connection with 3 rounds
    # minus one with 2 rounds is one round, TLS records and WebSocket frames included).
    proxy_bytes() { grep ' close ' "$run/proxy.err" | tail -1 | sed -n 's/.*up \([0-9]*\) bytes, down \([0-9]*\) bytes.*/\1 \2/p'; }
    "$SYNCD" sync-once --data "$run/device" --hub "$proxy" --rounds 2 >/dev/null
    sleep 0.3
    two=$(proxy_bytes)
    out=$("$SYNCD" sync-once --data "$run/device" --hub "$proxy" --rounds 3)
    sleep 0.3
    three=$(proxy_bytes)
    last=$(tail -1 <<<"$out")
    sock_up=$(sed -n 's/.*wire \([0-9]*\) B up \([0-9]*\) B down.*/\1/p' <<<"$last")
    sock_down=$(sed -n 's/.*wire \([0-9]*\) B up \([0-9]*\) B down.*/\2/p' <<<"$last")
    trips=$(sed -n 's/.*, \([0-9]*\) round trips.*/\1/p' <<<"$last")
    proxy_up=$(( ${three% *} - ${two% *} ))
    proxy_down=$(( ${three#* } - ${two#* } ))
    nochange_line=$(printf 'no-change sync on an open connection (%s): socket %s B up + %s B down = %s B; proxy %s B up + %s B down = %s B; %s round trip(s); target <= 1 KB, 1 round trip' \
      "$profile" "$sock_up" "$sock_down" "$((sock_up + sock_down))" "$proxy_up" "$proxy_down" "$((proxy_up + proxy_down))" "$trips")
  fi
done
printf '\n%s\n' "$nochange_line"
cat <<'NOTE'

time: wall clock of `fieldkit-syncd sync-once` through the proxy (connection set-up included). wire B/case: bytes the
proxy carried in both directions divided by the cases. round trips: pushes answered (several are in flight at once).
physical limit: the larger direction's bytes / bandwidth + the latency (once, or once per 4 KiB chunk where the link
stores and forwards) + 4 round trips (profiles from tools/netfault: lte 20 Mbit/s 25 ms, 3g 1 Mbit/s 75 ms, 2g 80
kbit/s 300 ms per 4 KiB chunk).
NOTE

# (b2) A link cut every 1-4 s (profile cut: 128 kbit/s, 60 ms per 4 KiB chunk): CUT_CASES pending cases, one
# `sync-once` after another until one ends with everything delivered, against the same transfer over the same
# link without its cuts. Goodput: bytes up of the cut-free transfer over the bytes the cut link carried up.
CUT_CASES=200
cut_run() { # name drop-spec seed -> prints "seconds tries up_bytes"
  local run="$WORK/cut-$1"
  mkdir -p "$run"
  "$HUB" init --dir "$run/center" >/dev/null
  "$HUB" unit add --dir "$run/center" bike-01 >/dev/null
  "$HUB" serve --dir "$run/center" --listen 127.0.0.1:0 >"$run/hub.out" 2>"$run/hub.err" &
  pids+=($!)
  wait_line "$run/hub.out" "listening on " || { echo "hub did not start" >&2; exit 1; }
  local hub
  hub=$(sed -n 's/^listening on //p' "$run/hub.out")
  "$CTL" --data "$run/device" init --staff bench --unit bike-01 --kdf-ms 1 >/dev/null
  local code
  code=$("$HUB" enroll-code --dir "$run/center" --unit bike-01 2>/dev/null)
  "$SYNCD" enroll --data "$run/device" --hub "$hub" --code "$code" >/dev/null
  "$SYNCD" sync-once --data "$run/device" --hub "$hub" >/dev/null
  "$CTL" --data "$run/device" case generate --count "$CUT_CASES" --seed 7 >/dev/null
  "$NETFAULT" --listen 127.0.0.1:0 --target "$hub" --profile cut --drop-every-ms "$2" --seed "$3" >"$run/proxy.out" 2>"$run/proxy.err" &
  pids+=($!)
  wait_line "$run/proxy.out" "listening on " || { echo "proxy did not start" >&2; exit 1; }
  local proxy
  proxy=$(sed -n 's/^listening on //p' "$run/proxy.out")
  local start end tries=0 rc=1
  start=$(date +%s.%N)
  while [ $rc -ne 0 ] && [ $tries -lt 300 ]; do
    tries=$((tries + 1))
    rc=0
    "$SYNCD" sync-once --data "$run/device" --hub "$proxy" >/dev/null 2>&1 || rc=$?
  done
  end=$(date +%s.%N)
  sleep 0.3
  local up
  up=$(grep ' close (' "$run/proxy.err" | sed -n 's/.*): up \([0-9]*\) bytes.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
  local held
  held=$("$HUB" stats --dir "$run/center" --json | sed -n 's/.*"cases":\([0-9]*\).*/\1/p')
  [ "$held" = "$CUT_CASES" ] || { echo "cut benchmark: the center holds $held of $CUT_CASES cases" >&2; exit 1; }
  awk -v a="$start" -v b="$end" -v t="$tries" -v u="$up" 'BEGIN { printf "%.2f %d %d\n", b - a, t, u }'
}
read -r clean_s clean_tries clean_up <<<"$(cut_run clean 0 2)"
read -r cut_s cut_tries cut_up <<<"$(cut_run cut 1000-4000 3)"
printf '\n%-34s | %9s | %6s | %12s | %8s | %s\n' "$CUT_CASES cases, link cut every 1-4 s" "time (s)" tries "bytes up" goodput "target"
printf '%s\n' "---------------------------------- | --------- | ------ | ------------ | -------- | ------------------------------"
printf '%-34s | %9s | %6s | %12s | %8s | %s\n' "without cuts (128 kbit/s, 60 ms)" "$clean_s" "$clean_tries" "$clean_up" "1.00" "reference"
printf '%-34s | %9s | %6s | %12s | %8s | %s\n' "cut every 1-4 s" "$cut_s" "$cut_tries" "$cut_up" \
  "$(awk -v c="$clean_up" -v u="$cut_up" 'BEGIN { printf "%.2f", c / u }')" \
  "goodput >= 0.6; time $(awk -v a="$cut_s" -v b="$clean_s" 'BEGIN { printf "%.2f", a / b }') x (<= 3 x without cuts)"
cat <<'NOTE'
every case reached the center exactly once (checked); each try is a fresh `fieldkit-syncd sync-once`, as a field
unit's scheduler would run it, so process start-up and the TLS handshake are in every try.
NOTE

# (c) hub ingest with concurrent devices: the SQLite center, the PostgreSQL center, and two hubs sharing it.
declare -A INGEST
for run in "sqlite 1" "postgres 1" "postgres 2"; do
  set -- $run
  printf '\n'
  "$(dirname "$0")/hub-ingest-benchmark.sh" "$BUILD" "${INGEST_FLAGS[@]}" --store "$1" --hubs "$2" | tee "/tmp/fieldkit-ingest-$$.out"
  INGEST[$1-$2]=$(sed -n 's/^RESULT [^ ]* [^ ]* //p' "/tmp/fieldkit-ingest-$$.out")
done
rm -f "/tmp/fieldkit-ingest-$$.out"
printf '\n%-34s | %12s | %8s | %s\n' "hub ingest, same run" "ops/s" "ratio" target
printf '%s\n' "---------------------------------- | ------------ | -------- | ----------"
for key in sqlite-1 postgres-1 postgres-2; do
  printf '%-34s | %12s | %8s | %s\n' "$key" "${INGEST[$key]}" \
    "$(awk -v a="${INGEST[$key]}" -v b="${INGEST[sqlite-1]}" 'BEGIN { printf "%.2f", a / b }')" \
    "$(case $key in sqlite-1) echo reference ;; postgres-1) echo ">= 0.7 x SQLite" ;; *) echo ">= one hub on PostgreSQL" ;; esac)"
done

# (d) idle connected devices: hub memory per device, on SQLite and on PostgreSQL.
printf '\n'
"$(dirname "$0")/idle-devices-benchmark.sh" "$BUILD" "${INGEST_FLAGS[@]}"
printf '\n'
"$(dirname "$0")/idle-devices-benchmark.sh" "$BUILD" "${INGEST_FLAGS[@]}" --store postgres

# (e) one enrolled device gone hostile while honest devices sync.
printf '\n'
"$(dirname "$0")/hostile-benchmark.sh" "$BUILD" "${INGEST_FLAGS[@]}"
