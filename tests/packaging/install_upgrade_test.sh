#!/usr/bin/env bash
# Installs the packages into a throw-away Debian 12 root made from Debian's packages (mmdebstrap), runs a
# center and a device in it (fieldkit-hub init, a unit, an enrolment, fieldkit-syncd syncing a case made with
# fieldkit-ctl), then upgrades to the same packages with a higher version and checks that every store, the
# settings an operator changed and the service users are still there and that the device syncs again; removing
# keeps the data, purging deletes it. The root is removed afterwards.
#   install_upgrade_test.sh BUILD_DIR
# The base root (Debian 12 with everything the packages depend on) is cached in BUILD_DIR/install-root, keyed
# by the dependency list, so only the first run downloads (about a minute); needs root (chroot) and mmdebstrap.
set -euo pipefail
build=$1
[ "$(id -u)" -eq 0 ] || { echo "SKIP: a chroot needs root"; exit 77; }
command -v mmdebstrap >/dev/null || { echo "SKIP: mmdebstrap is missing (tools/deps.sh installs it)"; exit 77; }
mirror=${FIELDKIT_DEBIAN_MIRROR:-http://deb.debian.org/debian}

work=$(mktemp -d)
root=$work/root
cleanup() {
  if [ -n "${hub_pid:-}" ]; then kill "$hub_pid" 2>/dev/null || true; fi
  mountpoint -q "$root/proc" && umount -l "$root/proc"
  rm -rf "$work"
}
trap cleanup EXIT
packages=(fieldkit-hub fieldkit-syncd fieldkit-tools fieldkit fieldkit-kiosk)

# The packages of this build (version 1), and the same with a higher version (version 2).
(cd "$build" && cpack -G DEB -D 'CPACK_COMPONENTS_ALL=hub;syncd;tools;app;kiosk' -B "$work/cpack" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; exit 1; }
v1=$(dpkg-deb -f "$work"/cpack/fieldkit-hub_*.deb Version)
v2=$v1+upgrade1
mkdir -p "$root" "$work/v1" "$work/v2"
for p in "${packages[@]}"; do
  cp "$work"/cpack/${p}_[0-9]*.deb "$work/v1/"
  dpkg-deb -R "$work"/v1/${p}_[0-9]*.deb "$work/tree-$p"
  sed -i -e "s/^Version: .*/Version: $v2/" -e "s/(= $v1)/(= $v2)/g" "$work/tree-$p/DEBIAN/control"
  dpkg-deb --build -Znone --root-owner-group "$work/tree-$p" "$work/v2/${p}_${v2}.deb" >/dev/null
done
[ "$(dpkg --compare-versions "$v2" gt "$v1" && echo yes)" = yes ]

# What the packages need from Debian, without versions or alternatives: the base root's package list.
deps=$(for deb in "$work"/v1/*.deb; do dpkg-deb -f "$deb" Depends; echo; done | tr ',' '\n' |
  sed -e 's/|.*//' -e 's/(.*)//' -e 's/ //g' | grep -v '^fieldkit' | grep -v '^$' | sort -u | tr '\n' ',')
deps=${deps%,}
key=$(printf '%s' "$deps" | sha256sum | cut -c1-16)
cache=$build/install-root
base=$cache/bookworm-$key.tar
if [ ! -f "$base" ]; then
  mkdir -p "$cache"
  rm -f "$cache"/bookworm-*.tar
  echo "making the Debian 12 base root (cached in $base): $deps"
  mmdebstrap --quiet --variant=apt --mode=root --format=tar --aptopt='Acquire::Check-Valid-Until "false"' \
    --include="$deps" bookworm "$base.partial" "$mirror" >"$work/mmdebstrap.log" 2>&1 ||
    { cat "$work/mmdebstrap.log" >&2; rm -f "$base.partial"; exit 1; }
  mv "$base.partial" "$base"
fi
tar -C "$root" -xf "$base"
mount -t proc proc "$root/proc"
mkdir -p "$root/tmp/debs"
cp -r "$work/v1" "$work/v2" "$root/tmp/debs/"

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin ASAN_OPTIONS=detect_leaks=0 "$@"; }
as() { # user command...
  local user=$1
  shift
  in_root setpriv --reuid="$user" --regid="$user" --init-groups env HOME=/nonexistent "$@"
}
check() { # description command...
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what" >&2; exit 1; fi
}
hub_dir=/var/lib/fieldkit-hub
dev_dir=/var/lib/fieldkit
start_hub() {
  rm -f "$root/tmp/hub.out"
  # Not through in_root: a backgrounded function would be a subshell, and $! not the hub's pid.
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin ASAN_OPTIONS=detect_leaks=0 \
    setpriv --reuid=fieldkit-hub --regid=fieldkit-hub --init-groups \
    fieldkit-hub serve --dir $hub_dir --listen 127.0.0.1:0 --ops-listen 127.0.0.1:0 \
    >"$root/tmp/hub.out" 2>>"$root/tmp/hub.log" &
  hub_pid=$!
  for _ in $(seq 200); do
    grep -q '^listening on ' "$root/tmp/hub.out" 2>/dev/null && break
    sleep 0.1
  done
  hub=$(sed -n 's/^listening on //p' "$root/tmp/hub.out")
  [ -n "$hub" ] || { cat "$root/tmp/hub.log" >&2; exit 1; }
}
stop_hub() {
  kill "$hub_pid"
  wait "$hub_pid" 2>/dev/null || true
  hub_pid=""
  if pgrep -x -u "$(chroot "$root" id -u fieldkit-hub)" fieldkit-hub >/dev/null; then
    echo "FAILED: a hub outlived stop_hub" >&2
    exit 1
  fi
}
version_of() { in_root dpkg-query -W -f='${Version}' "$1"; }
stat_of() { in_root stat -c '%U %a' "$1"; }

echo "== install $v1"
in_root sh -c 'dpkg -i /tmp/debs/v1/*.deb' >/dev/null
check "installed $v1" [ "$(version_of fieldkit-hub)" = "$v1" ]
check "center folder private to fieldkit-hub" [ "$(stat_of $hub_dir)" = "fieldkit-hub 700" ]
check "device folder private to fieldkit" [ "$(stat_of $dev_dir)" = "fieldkit 700" ]
check "man pages installed" in_root test -f /usr/share/man/man1/fieldkit-center.1.gz

# The app's Depends are complete: its self-test compiles every QML file and shows every page, and names any
# QML module that is not installed.
in_root install -d -m 0700 -o fieldkit -g fieldkit /tmp/xdg
selftest=$(as fieldkit env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/xdg fieldkit --self-test 2>&1) || true
check "the installed app passes its self-test (every QML module it imports is installed)" \
  grep -q "fieldkit self-test: passed" <<<"$selftest" || { echo "$selftest" >&2; exit 1; }
check "the kiosk session is enabled at boot" in_root test -L /etc/systemd/system/multi-user.target.wants/fieldkit-kiosk.service
check "the kiosk's compositor and Qt's Wayland plugin are installed" \
  in_root sh -c 'test -x /usr/bin/cage && test -x /usr/bin/Xwayland && ls /usr/lib/*/qt6/plugins/platforms/libqwayland-generic.so >/dev/null'

as fieldkit-hub fieldkit-hub init --dir $hub_dir >/dev/null
as fieldkit-hub fieldkit-hub unit add --dir $hub_dir bike-07 >/dev/null
start_hub
code=$(as fieldkit-hub fieldkit-hub enroll-code --dir $hub_dir --unit bike-07 2>/dev/null)
as fieldkit env FIELDKIT_PIN=2468 fieldkit-ctl --data $dev_dir init --staff anna --unit bike-07 --kdf-ms 1 >/dev/null
as fieldkit fieldkit-syncd enroll --data $dev_dir --hub "$hub" --code "$code" >/dev/null
echo '{"service":"passport","channel":"bike","citizen":{"cpr":"0707614285","name":"Karen Blixen"}}' |
  as fieldkit env FIELDKIT_PIN=2468 fieldkit-ctl --data $dev_dir case create --json - >/dev/null
check "the daemon syncs the case" as fieldkit fieldkit-syncd sync-once --data $dev_dir --hub "$hub" >/dev/null
stop_hub
check "the hub logged the push as a JSON event" grep -q '"event":"push_applied"' "$root/tmp/hub.log"
stats_before=$(as fieldkit-hub fieldkit-hub stats --dir $hub_dir --json)
ops_before=$(sed -n 's/.*"operations":\([0-9]*\).*/\1/p' <<<"$stats_before")
check "the center holds the case ($ops_before operations)" [ "${ops_before:-0}" -ge 1 ]
# An operator's change to a setting survives the upgrade (a conffile).
echo "FIELDKIT_HUB_LISTEN=10.0.0.5:8443" >>"$root/etc/fieldkit/hub.env"

echo "== upgrade to $v2"
in_root sh -c 'dpkg -i /tmp/debs/v2/*.deb' >/dev/null
check "upgraded to $v2" [ "$(version_of fieldkit-hub)-$(version_of fieldkit-syncd)-$(version_of fieldkit-tools)" = "$v2-$v2-$v2" ]
check "the center's counts are unchanged" [ "$(as fieldkit-hub fieldkit-hub stats --dir $hub_dir --json)" = "$stats_before" ]
check "center folder still private" [ "$(stat_of $hub_dir)" = "fieldkit-hub 700" ]
check "the operator's setting is kept" grep -q '^FIELDKIT_HUB_LISTEN=10.0.0.5:8443$' "$root/etc/fieldkit/hub.env"
cases=$(as fieldkit env FIELDKIT_PIN=2468 fieldkit-ctl --data $dev_dir case list)
check "the device store still opens with its case" grep -q passport <<<"$cases"
start_hub
echo '{"service":"moving","channel":"bike","citizen":{"cpr":"0707614285","name":"Karen Blixen"}}' |
  as fieldkit env FIELDKIT_PIN=2468 fieldkit-ctl --data $dev_dir case create --json - >/dev/null
check "the device syncs with the upgraded center" as fieldkit fieldkit-syncd sync-once --data $dev_dir --hub "$hub" >/dev/null
stop_hub
ops_after=$(as fieldkit-hub fieldkit-hub stats --dir $hub_dir --json | sed -n 's/.*"operations":\([0-9]*\).*/\1/p')
check "the center now holds the second case too ($ops_after operations)" [ "${ops_after:-0}" -gt "$ops_before" ]

echo "== remove, then purge"
in_root dpkg -r fieldkit-hub >/dev/null
check "removing keeps the center" in_root test -f $hub_dir/center.db
in_root dpkg -P fieldkit-hub >/dev/null
check "purging deletes the center and its user" bash -c "! chroot '$root' test -e $hub_dir && ! chroot '$root' getent passwd fieldkit-hub >/dev/null"
echo "install and upgrade: $v1 -> $v2 in a throw-away Debian 12 root, data kept"
