#!/usr/bin/env bash
# Builds the Debian packages from a build tree (CPack) and checks them: lintian finds no error, and each
# package holds what an operator installs it for (program, man page, unit, settings as conffiles, copyright).
#   check_packages.sh BUILD_DIR
# In `./run test` the build tree is the sanitizer build, so these packages are for checking only;
# `./run package` makes the release packages.
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log" >&2; exit 1; }
failed=0
expect() { # package path...
  local deb=$out/$1_*.deb
  shift
  local listing
  listing=$(dpkg-deb -c $deb)
  for path in "$@"; do
    grep -q " \./${path}\$" <<<"$listing" || { echo "$(basename $deb): lacks /$path" >&2; failed=1; }
  done
}
expect fieldkit-hub usr/bin/fieldkit-hub usr/share/man/man1/fieldkit-hub.1.gz lib/systemd/system/fieldkit-hub.service \
  etc/fieldkit/hub.env usr/share/doc/fieldkit-hub/copyright usr/share/doc/fieldkit-hub/changelog.gz \
  usr/bin/fieldkit-center usr/share/man/man1/fieldkit-center.1.gz lib/systemd/system/fieldkit-center.service \
  etc/fieldkit/center.env usr/share/fieldkit/center/static/console.css
expect fieldkit-syncd usr/bin/fieldkit-syncd usr/share/man/man1/fieldkit-syncd.1.gz \
  lib/systemd/system/fieldkit-syncd.service etc/fieldkit/syncd.env usr/share/fieldkit/profiles/bike-tablet.json
expect fieldkit-tools usr/bin/fieldkit-ctl usr/bin/fieldkit-netfault usr/share/man/man1/fieldkit-ctl.1.gz
expect fieldkit usr/bin/fieldkit usr/share/man/man1/fieldkit.1.gz usr/share/doc/fieldkit/copyright
expect fieldkit-kiosk lib/systemd/system/fieldkit-kiosk.service etc/fieldkit/kiosk.env
conffiles_are() { # package expected
  local got
  got=$(dpkg-deb -I "$out"/$1_*.deb conffiles | tr '\n' ' ')
  [ "$got" = "$2 " ] || { echo "$1: conffiles are \"$got\"" >&2; failed=1; }
}
conffiles_are fieldkit-hub "/etc/fieldkit/hub.env /etc/fieldkit/center.env"
conffiles_are fieldkit-syncd /etc/fieldkit/syncd.env
conffiles_are fieldkit-kiosk /etc/fieldkit/kiosk.env
# The QML modules are loaded at run time, so the app's Depends must name each one the QML imports need.
depends=$(dpkg-deb -f "$out"/fieldkit_*.deb Depends)
# Every Qt module the QML files import, as the Debian package that holds its qmldir, plus what the keyboard
# loads without an import (its plugin, folderlistmodel) and the daemon the app shares its store with.
src=$(cd "$(dirname "$0")/../.." && pwd)
qml_root=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -dumpmachine)/qt6/qml
needed=()
for import in $(grep -rhoE '^import Qt[A-Za-z.]+' "$src/qml" | awk '{print $2}' | sort -u); do
  owner=$(dpkg -S "$qml_root/${import//.//}/qmldir" 2>/dev/null | cut -d: -f1) || true
  [ -n "$owner" ] || { echo "no Debian package holds the QML module $import" >&2; failed=1; continue; }
  needed+=("$owner")
done
for module in "${needed[@]}" qt6-virtualkeyboard-plugin qml6-module-qt-labs-folderlistmodel fieldkit-syncd; do
  grep -q "\(^\|, \)$module\( \|,\|$\)" <<<"$depends" || { echo "fieldkit: Depends lacks $module: $depends" >&2; failed=1; }
done
kiosk_depends=$(dpkg-deb -f "$out"/fieldkit-kiosk_*.deb Depends)
for needed in cage qt6-wayland xwayland fieldkit; do
  grep -q "\(^\|, \)$needed\( \|,\|$\)" <<<"$kiosk_depends" || { echo "fieldkit-kiosk: Depends lacks $needed" >&2; failed=1; }
done
if ! lintian --fail-on error "$out"/*.deb >"$out/lintian.log" 2>&1; then
  cat "$out/lintian.log" >&2
  failed=1
fi
grep -v "running with root privileges" "$out/lintian.log" || true
[ $failed -eq 0 ] && echo "packages: $(cd "$out" && ls *.deb | tr '\n' ' ')lintian: no errors"
exit $failed
