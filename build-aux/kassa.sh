#!/bin/sh
# build-aux/kassa.sh — one command for a fresh Debian 12 machine.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/kassa.sh run [kassa arguments]   install what is missing, build, launch Kassa
#   build-aux/kassa.sh test                    install what is missing, build with warnings
#                                              as errors, run every test (also under ASan/UBSan)
#
# Run it as root or as a user who may use sudo: only apt-get and locale-gen
# are run as root; the build and the app run as the calling user.
set -eu

cd "$(dirname "$0")/.."
SRC=$(pwd)

PACKAGES="build-essential meson ninja-build pkg-config gettext libglib2.0-dev-bin
libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxlsxwriter-dev libgtk-4-bin
desktop-file-utils appstream xvfb xauth dbus dbus-x11 at-spi2-core libgl1-mesa-dri
librsvg2-common adwaita-icon-theme fonts-dejavu-core fonts-noto-cjk locales
python3-dogtail python3-gi gir1.2-atspi-2.0 imagemagick x11-utils flatpak-builder
libqrencode-dev zbar-tools poppler-utils python3-openpyxl"
LOCALES="en_US fi_FI sv_SE zh_CN"

as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

missing_packages ()
{
  for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
      printf '%s ' "$package"
    fi
  done
}

install_packages ()
{
  missing=$(missing_packages)
  if [ -n "$missing" ]; then
    echo "Installing: $missing"
    as_root apt-get update -q
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
}

install_locales ()
{
  need=""
  for loc in $LOCALES; do
    if ! locale -a 2>/dev/null | grep -qi "^$loc\.utf-\?8$"; then
      need="$need $loc"
    fi
  done
  if [ -n "$need" ]; then
    for loc in $LOCALES; do
      as_root sed -i -E "s/^# *($loc\.UTF-8 UTF-8)/\1/" /etc/locale.gen
    done
    as_root locale-gen
  fi
}

run_app ()
{
  if [ ! -f build/build.ninja ]; then
    meson setup build --buildtype=debugoptimized
  fi
  meson compile -C build
  export GSETTINGS_SCHEMA_DIR="$SRC/build/data"
  export KASSA_LOCALEDIR="$SRC/build/po"
  exec build/src/kassa "$@"
}

run_suite ()
{
  builddir=$1
  shift
  xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
    meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
}

run_tests ()
{
  rm -rf build-ci build-asan
  meson setup build-ci --buildtype=debugoptimized --werror
  meson compile -C build-ci
  run_suite build-ci

  # The core and UI tests again under AddressSanitizer and UBSan.
  meson setup build-asan --buildtype=debug --werror \
    -Db_sanitize=address,undefined -Db_lundef=false
  meson compile -C build-asan
  # Full stacks on malloc, so that suppressions match frames in GLib.
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export LSAN_OPTIONS="suppressions=$SRC/tests/lsan.supp:print_suppressions=0"
  run_suite build-asan --suite core --timeout-multiplier 4
  # The UI tests once (English) under the sanitizers: three languages take
  # three times as long and exercise the same code paths.
  run_suite build-asan --timeout-multiplier 4 \
    $(meson test -C build-asan --list --suite ui 2>/dev/null | sed -n 's|.* / \(ui-.*-en\)$|\1|p')
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  run)
    install_packages
    install_locales
    run_app "$@"
    ;;
  test)
    install_packages
    install_locales
    run_tests
    ;;
  *)
    echo "usage: $0 run [kassa arguments] | test" >&2
    exit 2
    ;;
esac
