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
  etc/fieldkit/hub.env usr/share/doc/fieldkit-hub/copyright usr/share/doc/fieldkit-hub/changelog.gz
expect fieldkit-syncd usr/bin/fieldkit-syncd usr/share/man/man1/fieldkit-syncd.1.gz \
  lib/systemd/system/fieldkit-syncd.service etc/fieldkit/syncd.env usr/share/fieldkit/profiles/bike-tablet.json
expect fieldkit-tools usr/bin/fieldkit-ctl usr/bin/fieldkit-netfault usr/share/man/man1/fieldkit-ctl.1.gz
for component in hub syncd; do
  conffiles=$(dpkg-deb -f "$out"/fieldkit-${component}_*.deb Package >/dev/null && dpkg-deb -I "$out"/fieldkit-${component}_*.deb conffiles)
  [ "$conffiles" = "/etc/fieldkit/$component.env" ] || { echo "fieldkit-$component: conffiles are \"$conffiles\"" >&2; failed=1; }
done
if ! lintian --fail-on error "$out"/*.deb >"$out/lintian.log" 2>&1; then
  cat "$out/lintian.log" >&2
  failed=1
fi
grep -v "running with root privileges" "$out/lintian.log" || true
[ $failed -eq 0 ] && echo "packages: $(cd "$out" && ls *.deb | tr '\n' ' ')lintian: no errors"
exit $failed
