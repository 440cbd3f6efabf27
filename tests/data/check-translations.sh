#!/bin/sh
# Fails when a translation is missing, fuzzy or stale, or when a source file
# with translatable strings is not listed in po/POTFILES.in.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
srcdir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

cd "$srcdir"

# Every file with translatable strings must be in POTFILES.in.
for file in $(grep -rlE --include='*.c' --include='*.ui' '(\b_|\bN_|\bC_|\bNC_|ngettext|g_dngettext) ?\(|translatable="yes"' src resources | sort); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "missing from po/POTFILES.in: $file"
    status=1
  fi
done
for file in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
  if [ ! -f "$file" ]; then
    echo "listed in po/POTFILES.in but missing: $file"
    status=1
  fi
done

# The same extraction meson's "glib" preset does.
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$tmp/files"
xgettext --package-name=kassa --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  -f "$tmp/files" -o "$tmp/kassa.pot"

for lang in $(cat po/LINGUAS); do
  msgfmt --check -o /dev/null "po/$lang.po" || { echo "msgfmt --check failed: $lang"; status=1; }
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "po/$lang.po" "$tmp/kassa.pot"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "$lang: $stats"
      msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid' | head -20
      status=1
      ;;
  esac
done

if [ "$status" -eq 0 ]; then
  echo "translations complete"
fi
exit $status
