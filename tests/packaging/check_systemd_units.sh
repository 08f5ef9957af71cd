#!/usr/bin/env bash
# Every systemd unit in packaging/systemd passes `systemd-analyze verify` and has an exposure level of at most
# 2.0 ("OK") in `systemd-analyze security --offline=true`.
#   check_systemd_units.sh SOURCE_DIR BUILD_DIR
# verify insists the programs exist, so it checks a copy whose ExecStart names the built programs; the man
# pages the units point to are built with the packages, so verify does not look them up (--man=no).
set -euo pipefail
src=$1
build=$2
declare -A built=(
  [fieldkit-hub]="$build/sync-daemon/hub/fieldkit-hub"
  [fieldkit-syncd]="$build/sync-daemon/device/fieldkit-syncd"
  [fieldkit-center]="$build/center/fieldkit-center"
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for unit in "$src"/packaging/systemd/*.service; do
  name=$(basename "$unit")
  copy="$work/$name"
  cp "$unit" "$copy"
  for program in "${!built[@]}"; do
    sed -i "s#/usr/bin/$program #${built[$program]} #" "$copy"
  done
  if ! out=$(systemd-analyze verify --man=no "$copy" 2>&1) || [ -n "$out" ]; then
    echo "$name: systemd-analyze verify: $out" >&2
    failed=1
  fi
  level=$(systemd-analyze security --offline=true "$unit" 2>&1 | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p')
  if [ -z "$level" ]; then
    echo "$name: no exposure level from systemd-analyze security" >&2
    failed=1
  elif awk -v l="$level" 'BEGIN { exit !(l > 2.0) }'; then
    echo "$name: exposure $level, above 2.0" >&2
    failed=1
  else
    echo "$name: exposure $level (OK), verify clean"
  fi
done
exit $failed
