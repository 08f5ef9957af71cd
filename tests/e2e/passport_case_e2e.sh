#!/usr/bin/env bash
# End to end under Xvfb: a real store made by fieldkit-ctl, the real fieldkit binary at the bike profile's
# resolution (1920x1200: the profile's 960x600 at its scale 2), driven with real clicks and keystrokes by
# xdotool: unlock -> new contact (registered) -> services -> passport -> open a case for a citizen -> the
# case is in the list. Checked on screen, through `fieldkit-ctl case list --json`, and that neither the
# window title nor the app's log carries the citizen's data. Every step leaves a PNG in the artefact folder.
#
# Positions are fixed points of the bike layout (no window manager: the window sits at 0,0). Every click
# that changes the page waits until the screen has changed and settled, with a deadline, instead of sleeping.
set -euo pipefail

APP=$1 CTL=$2 TO_PNG=$3 OUT=$4
PIN=1234
CPR=0707614285
NAME="E2E Borger"

for tool in Xvfb xdotool xwd md5sum; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is missing; run tools/deps.sh" >&2; exit 1; }
done

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
  exit 1
}
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
click() { xdotool mousemove --sync "$1" "$2" click 1; }
# click_then_wait X Y WHAT: a click that must change the screen (navigation, a saved record, ...).
click_then_wait() {
  local before
  before=$(screen_hash)
  click "$1" "$2"
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

QT_SCALE_FACTOR=2 "$APP" --data "$WORK/device" --profile bike-tablet >"$WORK/app.log" 2>&1 &
APP_PID=$!
WINDOW=$(timeout 30 xdotool search --sync --onlyvisible --name '^fieldkit$' | head -n1) \
  || fail "the fieldkit window did not appear"
wait_settled_after "none" "the window appeared"
shot unlock

# --- unlock: pick the staff member, type the PIN on the pad -------------------------------------------
click 716 286
for xy in "1516 348" "1667 348" "1816 348" "1516 499"; do # 1 2 3 4
  click_then_wait $xy "a PIN digit"
done
click_then_wait 1816 799 "unlocking (OK)"
shot home-empty
HOME_EMPTY=$(screen_hash)

# --- a new contact without a case ----------------------------------------------------------------------
click_then_wait 966 194 "opening New contact"
click_then_wait 480 628 "choosing the contact type"
click_then_wait 480 1099 "registering the contact"
shot contact-registered
click_then_wait 70 64 "back to home"

# --- services -> passport -> open a case ---------------------------------------------------------------
click_then_wait 1630 194 "opening the service catalogue"
click_then_wait 1659 258 "opening the passport service"
shot passport-service
click_then_wait 123 846 "starting a passport case"
click_then_wait 480 268 "focusing the CPR field"
xdotool type --delay 40 "$CPR"
click_then_wait 480 393 "focusing the name field"
xdotool type --delay 40 "$NAME"
shot citizen-typed
xdotool mousemove --sync 480 450
for _ in $(seq 1 15); do xdotool click 5; done # scroll the form to its end, above the keyboard
wait_settled_after "$(screen_hash)x" "scrolling to Open case"
shot citizen-scrolled
click_then_wait 480 455 "opening the case"
shot case-opened
for _ in 1 2 3; do click_then_wait 70 64 "back towards home"; done
shot home-with-case
[ "$(screen_hash)" != "$HOME_EMPTY" ] || fail "the case list looks as empty as before"
click_then_wait 960 442 "opening the case from the list"
shot case-from-list

# --- the privacy promises held on the way --------------------------------------------------------------
title=$(xdotool getwindowname "$WINDOW")
[ "$title" = "fieldkit" ] || fail "the window title changed to something else"
if grep -qF -e "$CPR" -e "$NAME" -e "070761" "$WORK/app.log"; then fail "the app's log holds citizen data"; fi

# --- and the store agrees ------------------------------------------------------------------------------
kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
APP_PID=""
list=$(FIELDKIT_PIN=$PIN "$CTL" --data "$WORK/device" case list --json) || fail "fieldkit-ctl case list"
echo "$list" >"$OUT/case-list.json"
count=$(grep -o '"service": *"[a-z-]*"' <<<"$list" | wc -l)
passports=$(grep -o '"service": *"passport"' <<<"$list" | wc -l)
[ "$count" -eq 1 ] && [ "$passports" -eq 1 ] || fail "fieldkit-ctl lists $count cases ($passports passport): $list"
if grep -qF -e "$CPR" -e "$NAME" <<<"$list"; then fail "case list --json shows personal data"; fi
found=$(FIELDKIT_PIN=$PIN "$CTL" --data "$WORK/device" case find --cpr "$CPR" --json --purpose "e2e check") \
  || fail "fieldkit-ctl case find"
case_id=$(grep -o '"id": *"[0-9a-f]*"' <<<"$list" | head -n1 | grep -o '[0-9a-f]\{32\}')
grep -qF "$case_id" <<<"$found" || fail "the case is not found by its CPR: $found"
echo "e2e: passed; screenshots in $OUT"
