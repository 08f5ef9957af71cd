#!/usr/bin/env bash
# Starts the kiosk session the way fieldkit-kiosk.service does (its User, Environment and ExecStart, read from
# the unit file) under a headless wlroots backend, and checks that it shows the app:
#   - cage runs the built app as an unprivileged user (cage itself refuses to run as root), on Qt's Wayland
#     platform plugin;
#   - the app chooses the hardware profile as on the device (FIELDKIT_PROFILE from kiosk.env, here the station
#     kiosk) and logs it as a structured entry;
#   - the app's READY=1 reaches the service manager's socket through cage (Type=notify, NotifyAccess=all);
#   - a screenshot of the compositor's output (grim) is not blank;
#   - when the app exits, cage exits too, so Restart=always starts the session again; VT switching stays off.
#   check_kiosk_session.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
unit=$src/packaging/systemd/fieldkit-kiosk.service
app=$build/field-app/fieldkit
ctl=$build/tools/ctl/fieldkit-ctl
for tool in cage grim python3 setpriv; do
  command -v $tool >/dev/null || { echo "SKIP: $tool is missing (tools/deps.sh installs it)"; exit 77; }
done
[ -x "$app" ] || { echo "SKIP: the app is not built ($app)"; exit 77; }

work=$(mktemp -d)
cage_pid=""
cleanup() {
  [ -n "$cage_pid" ] && kill "$cage_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"
user=nobody
group=$(id -gn $user)

# What the unit runs, as the unit says it.
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
grep -q '^User=fieldkit$' "$unit" || { echo "the kiosk does not run as the unprivileged fieldkit user" >&2; exit 1; }
grep -q '^Restart=always$' "$unit" || { echo "the kiosk session is not restarted when the app exits" >&2; exit 1; }
[[ " $exec_start " == *" -s "* ]] && { echo "cage -s allows VT switching out of the kiosk" >&2; exit 1; }
mapfile -t unit_env < <(sed -n 's/^Environment=//p' "$unit" | grep -v '^XDG_RUNTIME_DIR=\|^FIELDKIT_PROFILES_DIR=')

# A provisioned device store owned by the session's user, as fieldkit-ctl init leaves it on the device.
data=$work/data
FIELDKIT_PIN=2468 ASAN_OPTIONS=detect_leaks=0 "$ctl" --data "$data" init --staff anna --unit bike-07 --kdf-ms 1 >/dev/null
chown -R $user:$group "$data"
runtime=$work/run
install -d -m 0700 -o $user -g $group "$runtime"

# The service manager's notification socket, as systemd offers it to a Type=notify unit.
notify=$work/notify.sock
python3 - "$notify" >"$work/notify.log" 2>&1 <<'PY' &
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
os.chmod(sys.argv[1], 0o777)
s.settimeout(120)
while True:
    msg = s.recv(4096).decode(errors="replace")
    print(msg, flush=True)
    if "READY=1" in msg:
        break
PY
listener=$!
for _ in $(seq 50); do [ -S "$notify" ] && break; sleep 0.1; done

command=${exec_start//\/usr\/bin\/fieldkit /$app }
command=${command//\/var\/lib\/fieldkit/$data}
read -r -a argv <<<"$command"
setpriv --reuid=$user --regid=$group --clear-groups --inh-caps=-all \
  env -i PATH=/usr/bin:/bin HOME="$data" XDG_RUNTIME_DIR="$runtime" "${unit_env[@]}" \
  FIELDKIT_PROFILE=station-kiosk NOTIFY_SOCKET="$notify" \
  WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
  ASAN_OPTIONS=detect_leaks=0 "${argv[@]}" >"$work/cage.out" 2>"$work/cage.err" &
cage_pid=$!

ready=0
for _ in $(seq 600); do
  if grep -q "READY=1" "$work/notify.log" 2>/dev/null; then ready=1; break; fi
  kill -0 $cage_pid 2>/dev/null || break
  sleep 0.2
done
if [ $ready -ne 1 ]; then
  echo "the app never told the service manager it is on screen" >&2
  cat "$work/cage.err" >&2
  exit 1
fi
echo "READY=1 from the app under cage"

# The app's own log: one JSON object a line; the profile chosen as on the device.
grep '"program":"fieldkit"' "$work/cage.err" | grep -q '"event":"profile_selected".*"profile":"station-kiosk"' || {
  echo "the app did not log choosing the station-kiosk profile" >&2; cat "$work/cage.err" >&2; exit 1; }
grep -q '"program":"fieldkit","event":"ready"' "$work/cage.err" || {
  echo "the app did not log that it is ready" >&2; exit 1; }
app_pid=$(pgrep -P $cage_pid -x fieldkit || true)
[ -n "$app_pid" ] || { echo "cage has no fieldkit child" >&2; exit 1; }
[ "$(stat -c %U /proc/$app_pid)" = "$user" ] || { echo "the app does not run as $user" >&2; exit 1; }
# Qt's Wayland platform plugin, not X11 through cage's Xwayland (which would work too, and hide a missing
# qt6-wayland).
grep -q 'platforms/libqwayland' /proc/$app_pid/maps || { echo "the app does not use Qt's Wayland platform plugin" >&2; exit 1; }

# A screenshot of the output: the app's unlock page, not an empty (one-colour) screen.
shot=$runtime/kiosk.png
setpriv --reuid=$user --regid=$group --clear-groups env XDG_RUNTIME_DIR="$runtime" WAYLAND_DISPLAY=wayland-0 \
  grim "$shot"
colours=$(python3 - "$shot" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
width, height = struct.unpack(">II", data[16:24])
raw = b"".join(data[i + 8:i + 8 + struct.unpack(">I", data[i:i + 4])[0]]
               for i in range(8, len(data)) if data[i + 4:i + 8] == b"IDAT")
pixels = zlib.decompress(raw)
print(len(set(pixels[::97])))
PY
)
mkdir -p "$build/tests/packaging/artefacts" && cp "$shot" "$build/tests/packaging/artefacts/kiosk.png"
echo "screenshot: $colours distinct byte values sampled ($build/tests/packaging/artefacts/kiosk.png)"
[ "$colours" -gt 8 ] || { echo "the kiosk output is blank" >&2; exit 1; }

# The app exits (a crash, or staff closing it): cage ends with it, so systemd's Restart=always restarts both.
kill -TERM "$app_pid"
for _ in $(seq 100); do kill -0 $cage_pid 2>/dev/null || break; sleep 0.1; done
if kill -0 $cage_pid 2>/dev/null; then
  echo "cage outlived the app: the session would not restart" >&2
  exit 1
fi
cage_pid=""
wait "$listener" 2>/dev/null || true
echo "kiosk session: app on screen as $user under cage, profile station-kiosk, READY=1, ends with the app"
