#!/usr/bin/env bash
# Installs the Debian 12 packages fieldkit builds and tests with. Skips apt entirely when all are present.
set -euo pipefail

PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config ccache clang-format clang-tidy git
  # Qt 6.4 and the QML runtime modules (each is its own package)
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-l10n-tools qt6-tools-dev-tools
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qtquick
  qml6-module-qtquick-controls qml6-module-qtquick-templates qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qttest
  qml6-module-qtquick-virtualkeyboard qt6-virtualkeyboard-plugin qml6-module-qt-labs-folderlistmodel
  # libraries
  libboost1.81-dev libboost-json1.81-dev libssl-dev openssl libsodium-dev libsqlite3-dev sqlite3 doctest-dev
  libprotobuf-dev protobuf-compiler libzstd-dev libqrencode-dev
  # one command-line parser for every program (header-only)
  libcli11-dev
  # the PostgreSQL center (libpq) and the throw-away PostgreSQL 15 cluster the tests start (tests/pg)
  libpq-dev postgresql-15
  # decoding the QR codes the app draws (tests)
  zbar-tools
  # headless UI and screenshots
  xvfb xauth xdotool x11-apps fonts-dejavu-core dbus at-spi2-core python3-dbus
  # packages (./run package, tests/packaging): man pages, the package checker, systemd-analyze
  help2man lintian systemd
  # the locked kiosk session (cage needs the Xwayland binary to start; Qt's Wayland platform plugin) and its
  # headless test (grim takes the screenshot)
  cage xwayland qt6-wayland grim
  # the install and upgrade test's throw-away Debian 12 root
  mmdebstrap
  # fuzzing (tests/fuzz, the fuzz preset): clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev
  # the center console's browser tests: Debian's Chromium, driven by playwright-core from npm (center/web)
  chromium nodejs
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# Det Fælles Designsystem and the browser-test tools for the center console, from center/web's lockfile.
# npm ci runs only when the lockfile is newer than the last install (npm keeps its own copy of the lockfile in
# node_modules/.package-lock.json, written after the install), so a second run costs nothing.
npm_ci() {
  local web
  web="$(cd "$(dirname "$0")/.." && pwd)/center/web"
  if ! command -v npm >/dev/null; then
    echo "fieldkit: npm is missing: the center console will have no design system and no browser tests" >&2
    return 0
  fi
  [ -f "$web/node_modules/.package-lock.json" ] && [ "$web/node_modules/.package-lock.json" -nt "$web/package-lock.json" ] && return 0
  echo "fieldkit: npm ci in center/web" >&2
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

if [ ${#missing[@]} -eq 0 ]; then
  npm_ci
  exit 0
fi

echo "fieldkit: installing ${#missing[@]} missing Debian packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
npm_ci
