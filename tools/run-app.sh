#!/usr/bin/env bash
# `./run app`: a local center, a device with a client certificate from it, the device daemon, and the field app.
# Everything started here stops when the app exits. Without a display the app runs under Xvfb, screenshots its
# pages into a folder, and everything stops.
set -euo pipefail
BUILD=$1
shift || true
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOCAL="$ROOT/local"                      # git-ignored
CENTER="$LOCAL/center"
DEVICE="$LOCAL/device"
SHOTS="$ROOT/screenshots"
HUB="$BUILD/sync-daemon/hub/fieldkit-hub"
SYNCD="$BUILD/sync-daemon/device/fieldkit-syncd"
APP="$BUILD/field-app/fieldkit"
CTL="$BUILD/tools/ctl/fieldkit-ctl"
UNIT=bike-07
DEMO_STAFF="Anna Jensen" # a local demo only; real devices are provisioned by the municipality
DEMO_PIN=1234

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

mkdir -p "$LOCAL"
if [ ! -f "$CENTER/center.db" ]; then
  "$HUB" init --dir "$CENTER"
  "$HUB" unit add --dir "$CENTER" "$UNIT"
fi

# The hub: the first free port from 8443 up, so a second run or another service does not collide.
hub_log="$LOCAL/hub.log"
"$HUB" serve --dir "$CENTER" --listen 127.0.0.1:0 --ops-listen 127.0.0.1:0 >"$LOCAL/hub.out" 2>"$hub_log" &
pids+=($!)
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$LOCAL/hub.out" 2>/dev/null && break
  sleep 0.1
done
hub_address=$(sed -n 's/^listening on //p' "$LOCAL/hub.out")
[ -n "$hub_address" ] || { echo "fieldkit: the hub did not start; see $hub_log" >&2; exit 1; }
echo "center listening on $hub_address ($(sed -n 's/^ops on //p' "$LOCAL/hub.out") for /healthz and /metrics)"

# The device: an encrypted store with a demo staff member, enrolled with the local center by a one-time code
# (client certificate, pinned hub key, center and unit keys), then realistic sample cases.
if [ ! -f "$DEVICE/store.db" ]; then
  mkdir -p "$DEVICE"
  FIELDKIT_PIN=$DEMO_PIN "$CTL" --data "$DEVICE" init --staff "$DEMO_STAFF" --unit "$UNIT" --kdf-ms 500
fi
if [ ! -f "$DEVICE/sync/device.crt" ]; then
  # Enrolment as in the field: the center prints a one-time code, the device redeems it over the network.
  code=$("$HUB" enroll-code --dir "$CENTER" --unit "$UNIT" 2>/dev/null)
  "$SYNCD" enroll --data "$DEVICE" --hub "$hub_address" --code "$code" >/dev/null
  device_id=$(cat "$DEVICE/sync/device.id")
  FIELDKIT_PIN=$DEMO_PIN "$CTL" --data "$DEVICE" case generate --count 40 --seed 7 >/dev/null
  echo "device $device_id enrolled in unit $UNIT with a one-time code; demo staff \"$DEMO_STAFF\", PIN $DEMO_PIN, 40 sample cases"
fi

"$SYNCD" run --data "$DEVICE" --hub "$hub_address" 2>"$LOCAL/syncd.log" &
pids+=($!)

if [ -n "${DISPLAY:-}" ] && [ -z "${CI:-}" ]; then
  "$APP" --data "$DEVICE" "$@"
  exit $?
fi

# No display: run the real app under Xvfb and capture each page.
mkdir -p "$SHOTS"
sleep 1.5 # let the daemon report its first contact, so the status line shows it
pages=(unlock home enquiry citizen catalogue service case conflicts contact kiosk settings)
for page in "${pages[@]}"; do
  FIELDKIT_SCREENSHOT_PIN=$DEMO_PIN xvfb-run -a -s "-screen 0 1920x1200x24" "$APP" --data "$DEVICE" --page "$page" --screenshot "$SHOTS/$page.png"
  echo "screenshot: $SHOTS/$page.png"
done
echo "no display: screenshots are in $SHOTS; everything has been stopped."
