#!/usr/bin/env bash
# End to end under Xvfb: a real store made by fieldkit-ctl, the real fieldkit binary at the bike profile's
# resolution (1920x1200: the profile's 960x600 at its scale 2, glove mode), driven with real clicks and
# keystrokes by xdotool through the walk-up flow: from the unlocked home, New enquiry -> passport -> the
# citizen's CPR -> Open case (which registers the contact too) -> the citizen signs -> home. The taps of the
# flow are counted (the CPR digits are typed, not tapped) and must stay within WALK_UP_MAX_TAPS. Checked on
# screen, through `fieldkit-ctl case list --json` and `contact`s in the store, and that neither the window
# title nor the app's log carries the citizen's data. Every step leaves a PNG in the artefact folder.
#
# Controls are found by their accessible names (Danish, as staff see them), read through AT-SPI the way a
# screen reader reads them (atspi_find.py), never by fixed pixels: a control that moves is still found, and
# one that loses its name fails the test. The script runs inside its own D-Bus session (dbus-run-session), so
# the accessibility bus is private to it. Every click that changes the page waits until the screen has changed
# and settled, with a deadline, instead of sleeping.
set -euo pipefail

if [ -z "${FIELDKIT_E2E_OWN_BUS:-}" ]; then
  command -v dbus-run-session >/dev/null || { echo "e2e: dbus-run-session is missing; run tools/deps.sh" >&2; exit 1; }
  FIELDKIT_E2E_OWN_BUS=1 exec dbus-run-session -- bash "$0" "$@"
fi

APP=$1 CTL=$2 TO_PNG=$3 OUT=$4
PIN=1234
CPR=0707614285
WALK_UP_MAX_TAPS=10
SCALE=2 # the bike profile's scale: AT-SPI reports logical pixels, xdotool clicks physical ones
FIND="$(cd "$(dirname "$0")" && pwd)/atspi_find.py"

for tool in Xvfb xdotool xwd md5sum /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is missing; run tools/deps.sh" >&2; exit 1; }
done
/usr/bin/python3 -c 'import dbus' 2>/dev/null || { echo "e2e: python3-dbus is missing; run tools/deps.sh" >&2; exit 1; }

WORK=$(mktemp -d /tmp/fieldkit-e2e.XXXXXX)
rm -rf "$OUT" && mkdir -p "$OUT"
XVFB_PID="" APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; fi
  if [ -f "$WORK/app.log" ]; then cp "$WORK/app.log" "$OUT/app.log"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

step=0
shot() { # shot NAME: the whole screen as NN-NAME.png
  step=$((step + 1))
  local file
  file=$(printf '%s/%02d-%s' "$OUT" "$step" "$1")
  xwd -root -silent -out "$file.xwd" && "$TO_PNG" "$file.xwd" "$file.png" && rm -f "$file.xwd"
}
fail() {
  echo "e2e: FAILED: $*" >&2
  shot failure || true
  /usr/bin/python3 "$FIND" --dump >"$OUT/accessible-tree.txt" 2>&1 || true
  exit 1
}
# at NAME [ROLE]: the screen position "X Y" of the showing control with that accessible name.
at() {
  local role=()
  [ $# -ge 2 ] && role=(--role "$2")
  /usr/bin/python3 "$FIND" --scale "$SCALE" --wait 15 "${role[@]}" "$1" || fail "no control named \"$1\" on screen"
}
PUSH_BUTTON=43 # AtspiRole
screen_hash() { xwd -root -silent | md5sum | cut -d' ' -f1; }

# Waits until the screen differs from $1 and then holds still for two looks in a row (not more: a text
# cursor blinks once a second, so a focused field never holds still for long).
wait_settled_after() {
  local before=$1 what=$2 deadline=$((SECONDS + 20)) last="" same=0 now
  while [ $SECONDS -lt $deadline ]; do
    now=$(screen_hash)
    if [ "$now" != "$before" ]; then
      if [ "$now" = "$last" ]; then
        same=$((same + 1))
        [ $same -ge 1 ] && return 0
      else
        same=0
      fi
    fi
    last=$now
    sleep 0.2
  done
  fail "the screen did not change after: $what"
}
TAPS=0 # taps of the walk-up flow
click() { xdotool mousemove --sync "$1" "$2" click 1; }
tap() { TAPS=$((TAPS + 1)); click "$1" "$2"; }
# click_then_wait X Y WHAT: a click that must change the screen (navigation, a saved record, ...).
click_then_wait() {
  local before
  before=$(screen_hash)
  click "$1" "$2"
  wait_settled_after "$before" "$3"
}
# tap_then_wait X Y WHAT: the same, counted as a tap of the walk-up flow.
tap_then_wait() {
  local before
  before=$(screen_hash)
  tap "$1" "$2"
  wait_settled_after "$before" "$3"
}

# --- a real device store, made the way provisioning makes it -------------------------------------------
FIELDKIT_PIN=$PIN "$CTL" --data "$WORK/device" init --staff "Anna Jensen" --standalone --kdf-ms 200 >/dev/null \
  || fail "fieldkit-ctl init"

# --- a private X server; it picks a free display itself ------------------------------------------------
exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
exec 3>&-
for _ in $(seq 1 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
[ -s "$WORK/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$WORK/display")"
export XDG_RUNTIME_DIR="$WORK/runtime" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM # the app must draw on the X server, not offscreen

QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_SCALE_FACTOR=$SCALE "$APP" --data "$WORK/device" --profile bike-tablet \
  >"$WORK/app.log" 2>&1 &
APP_PID=$!
WINDOW=$(timeout 30 xdotool search --sync --onlyvisible --name '^fieldkit$' | head -n1) \
  || fail "the fieldkit window did not appear"
wait_settled_after "none" "the window appeared"
shot unlock

# --- unlock (not part of the flow: the flow starts at the unlocked home) --------------------------------
for digit in 1 2 3 4; do # the only staff member is preselected
  click_then_wait $(at "$digit" $PUSH_BUTTON) "the PIN digit $digit"
done
click_then_wait $(at "Lås op" $PUSH_BUTTON) "unlocking"
shot home-empty
HOME_EMPTY=$(screen_hash)

# --- the walk-up flow ------------------------------------------------------------------------------------
tap_then_wait $(at "Ny henvendelse" $PUSH_BUTTON) "New enquiry"
shot enquiry-services
tap_then_wait $(at "Pas, personligt fremmøde") "choosing the passport"
shot enquiry-citizen
tap_then_wait $(at "CPR-nummer (DDMMÅÅ-XXXX)") "focusing the CPR field"
xdotool type --delay 40 "$CPR"
wait_settled_after "$(screen_hash)x" "typing the CPR number"
shot citizen-typed
# The on-screen keyboard is up: the action bar sits right above it, wherever that is.
tap_then_wait $(at "Opret sag" $PUSH_BUTTON) "Open case"
shot case-opened
tap_then_wait $(at "Lad borgeren underskrive" $PUSH_BUTTON) "Signature"
shot signature-sheet
# The citizen signs across the pad: one stroke is one touch of the finger.
pad=$(at "Underskriftsfelt")
read -r PAD_X PAD_Y <<<"$pad"
TAPS=$((TAPS + 1))
xdotool mousemove --sync $((PAD_X - 300)) "$PAD_Y" mousedown 1 mousemove --sync $((PAD_X - 100)) $((PAD_Y - 40)) \
  mousemove --sync $((PAD_X + 100)) $((PAD_Y + 40)) mousemove --sync $((PAD_X + 300)) $((PAD_Y - 20)) mouseup 1
sleep 0.3
shot signed
tap_then_wait $(at "Gem underskrift" $PUSH_BUTTON) "saving the signature"
shot signature-saved
tap_then_wait $(at "Tilbage" $PUSH_BUTTON) "back home"
shot home-with-case
[ "$(screen_hash)" != "$HOME_EMPTY" ] || fail "the case list looks as empty as before"
echo "e2e: walk-up flow: $TAPS taps plus the ${#CPR} CPR digits (at most $WALK_UP_MAX_TAPS)"
echo "$TAPS" >"$OUT/taps.txt"
[ "$TAPS" -le "$WALK_UP_MAX_TAPS" ] || fail "the walk-up flow took $TAPS taps, more than $WALK_UP_MAX_TAPS"

# --- the privacy promises held on the way --------------------------------------------------------------
title=$(xdotool getwindowname "$WINDOW")
[ "$title" = "fieldkit" ] || fail "the window title changed to something else"
if grep -qF -e "$CPR" -e "070761" "$WORK/app.log"; then fail "the app's log holds citizen data"; fi

# --- and the store agrees ------------------------------------------------------------------------------
kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
APP_PID=""
list=$(FIELDKIT_PIN=$PIN "$CTL" --data "$WORK/device" case list --json) || fail "fieldkit-ctl case list"
echo "$list" >"$OUT/case-list.json"
count=$(grep -o '"service": *"[a-z-]*"' <<<"$list" | wc -l)
passports=$(grep -o '"service": *"passport"' <<<"$list" | wc -l)
[ "$count" -eq 1 ] && [ "$passports" -eq 1 ] || fail "fieldkit-ctl lists $count cases ($passports passport): $list"
if grep -qF -e "$CPR" <<<"$list"; then fail "case list --json shows personal data"; fi
found=$(FIELDKIT_PIN=$PIN "$CTL" --data "$WORK/device" case find --cpr "$CPR" --json --purpose "e2e check") \
  || fail "fieldkit-ctl case find"
case_id=$(grep -o '"id": *"[0-9a-f]*"' <<<"$list" | head -n1 | grep -o '[0-9a-f]\{32\}')
grep -qF "$case_id" <<<"$found" || fail "the case is not found by its CPR: $found"
shown=$(FIELDKIT_PIN=$PIN "$CTL" --data "$WORK/device" case show "$case_id" --json --purpose "e2e check") \
  || fail "fieldkit-ctl case show"
grep -q '"kind": *"signature"' <<<"$shown" || fail "the citizen's signature is not on the case"
echo "e2e: passed; screenshots in $OUT"
