#!/bin/sh
# Times Kassa from launch to its first painted frame (the app quits right
# after it, see src/ui/kassa-startup-probe.c); median of five runs.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage (under a display, e.g. inside xvfb-run -a dbus-run-session --):
#   kassa-startup-bench.sh BUILD_DIR [COMPANY_FILE]
# Without COMPANY_FILE a new empty company file is used (cold start).
set -eu
build=$(cd "$1" && pwd)
file=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo
export KASSA_EXIT_AFTER_FIRST_FRAME=1 XDG_DATA_HOME="$tmp/data" KASSA_LOCALEDIR="$build/po"
[ -n "$file" ] || file="$tmp/empty.kassa"

for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$build/src/kassa" "$file" > /dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
done | sort -n | sed -n 3p | {
  read -r median
  echo "launch to first frame: ${median} ms (median of 5; $(basename "$file"))"
}
