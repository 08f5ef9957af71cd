#!/usr/bin/env bash
# ./run bench status: Borgerblikket's look-ups over real HTTPS (issue 18). A fresh center with its status
# listener, a device with CASES cases (each with a receipt and a sealed citizen view) synced by a real
# fieldkit-syncd, then CLIENTS concurrent clients looking cases up with valid codes for SECONDS. Prints the
# parts of one look-up (fieldkit-bench-status) and the table of the whole. Usage: status-benchmark.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
cases=${FIELDKIT_BENCH_CASES:-100}
clients=${FIELDKIT_BENCH_CLIENTS:-200}
seconds=${FIELDKIT_BENCH_SECONDS:-20}
hub="$build/sync-daemon/hub/fieldkit-hub"
ctl="$build/tools/ctl/fieldkit-ctl"
syncd="$build/sync-daemon/device/fieldkit-syncd"
work=$(mktemp -d /tmp/fieldkit-bench-status.XXXXXX)
hub_pid=
cleanup() { [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$build/bench/status/fieldkit-bench-status"
echo

"$hub" init --dir "$work/center" >/dev/null
"$hub" unit add --dir "$work/center" bike-07 >/dev/null
export FIELDKIT_PIN=2468
"$ctl" --data "$work/device" init --staff anna --unit bike-07 --kdf-ms 1 >/dev/null
info=$("$ctl" --data "$work/device" device-info)
field() { echo "$info" | sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
"$hub" provision-device --dir "$work/center" --unit bike-07 --data "$work/device" \
  --device-id "$(field device_id)" --device-box-key "$(field box_public_key)" >/dev/null
"$hub" serve --dir "$work/center" --listen 127.0.0.1:0 --ops-listen 127.0.0.1:0 --status-listen 127.0.0.1:0 \
  >"$work/hub.out" 2>"$work/hub.err" &
hub_pid=$!
for _ in $(seq 100); do grep -q '^listening on ' "$work/hub.out" 2>/dev/null && break; sleep 0.1; done
address=$(sed -n 's/^listening on //p' "$work/hub.out")
status=$(sed -n 's/^status on //p' "$work/hub.out")
# The first sync completes the device's enrolment (center and unit keys), so it can seal cases.
"$syncd" sync-once --data "$work/device" --hub "$address" >/dev/null
echo '{"service":"passport","channel":"bike","citizen":{"cpr":"0707614285","name":"Bench Borger"}}' >"$work/case.json"
echo "[" >"$work/receipts.json"
for i in $(seq "$cases"); do
  id=$("$ctl" --data "$work/device" case create --json "$work/case.json" | head -c 32)
  receipt=$("$ctl" --data "$work/device" case receipt "$id")
  [ "$i" -gt 1 ] && echo "," >>"$work/receipts.json"
  echo "$receipt" >>"$work/receipts.json"
done
echo "]" >>"$work/receipts.json"
# A round carries up to 64 citizen views (protocol::kMaxPushCitizenViews); a few rounds take them all.
for _ in 1 2 3 4; do "$syncd" sync-once --data "$work/device" --hub "$address" >/dev/null; done
rate=${FIELDKIT_BENCH_RATE:-400}
cpu() { awk '{print ($14+$15)/100}' "/proc/$hub_pid/stat"; }
load=$(node "$here/status-load.mjs" "https://$status" "$work/center/ca.crt" "$work/receipts.json" "$clients" "$seconds" "$rate")
hub_cpu=$(cpu)
most=$(node "$here/status-load.mjs" "https://$status" "$work/center/ca.crt" "$work/receipts.json" "$clients" "$seconds")
node -e '
const r = JSON.parse(process.argv[1]);
const m = JSON.parse(process.argv[3]);
const rows = [
  ["look-ups/s served (valid codes, " + r.clients + " clients, " + r.rate + "/s offered)", r.perSecond.toFixed(0), ">= 300"],
  ["latency p50", r.p50.toFixed(1) + " ms", ""],
  ["latency p90", r.p90.toFixed(1) + " ms", ""],
  ["latency p99", r.p99.toFixed(1) + " ms", "<= 100 ms"],
  ["failed look-ups", String(r.failed + m.failed), "0"],
  ["most look-ups/s (" + m.clients + " clients, each again at once)", m.perSecond.toFixed(0), ""],
  ["  latency p50 / p99 then (queueing: " + m.clients + " waiting)", m.p50.toFixed(1) + " / " + m.p99.toFixed(1) + " ms", ""],
  ["page weight (form + result + CSS + JS, gzip)", (r.weight.total / 1024).toFixed(1) + " KB", "<= 100 KB"],
  ["  form / result HTML", r.weight.form + " B / " + r.weight.result + " B", ""],
  ["  dkfds.min.css / status.css / status.js", r.weight.dkfdsCss + " B / " + r.weight.statusCss + " B / " + r.weight.statusJs + " B", ""],
  ["hub CPU time (set-up and the " + r.rate + "/s run)", process.argv[2] + " s", ""],
];
const w = [0, 0, 0];
for (const row of rows) row.forEach((c, i) => (w[i] = Math.max(w[i], c.length)));
const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
console.log(line(["status look-up over HTTPS", "measured", "target"]));
for (const row of rows) console.log(line(row));
' "$load" "$hub_cpu" "$most"
