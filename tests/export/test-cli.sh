#!/bin/sh
# test-cli.sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line runs without a display: creates the demo company,
# exports CSV and a workbook from it, and answers wrong options with exit
# status 2 and a failure with 1, as documented in --help and README.md.
# Usage: test-cli.sh KASSA_EXECUTABLE

set -u

kassa=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/kassa-test-cli-XXXXXX")
trap 'rm -rf "$work"' EXIT

# No display, and no user files: the default company file is in $work.
unset DISPLAY WAYLAND_DISPLAY
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work"
export KASSA_TODAY=2026-11-24 LC_ALL=C.UTF-8 LANGUAGE=

failures=0

fail ()
{
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect STATUS ARGS…: runs kassa and checks its exit status; stderr is
# kept in $work/stderr.
expect ()
{
  want=$1
  shift
  "$kassa" "$@" >"$work/stdout" 2>"$work/stderr"
  got=$?
  if [ "$got" -ne "$want" ]; then
    fail "kassa $* exited with $got, expected $want: $(cat "$work/stderr")"
  fi
  if [ -s "$work/stdout" ]; then
    fail "kassa $* wrote to stdout"
  fi
}

expect_stderr ()
{
  if ! grep -q -- "$1" "$work/stderr"; then
    fail "stderr lacks '$1': $(cat "$work/stderr")"
  fi
}

demo="$work/demo.kassa"

# The demo company, created headless.
expect 0 --demo --output "$demo"
[ -s "$demo" ] || fail "no demo company file"
expect 1 --demo --output "$demo"
expect_stderr "already exists"

# CSV: header line and rows.
expect 0 --export-csv customers --company "$demo" --output "$work/customers.csv"
header=$(head -n 1 "$work/customers.csv" | tr -d '\r')
[ "$header" = "number,name,type,business_id,vat_id,contact_person,email,phone,address,country,language,payment_terms_days,credit_limit,delivery,einvoice_address,archived" ] ||
  fail "customers header is '$header'"
[ "$(grep -c '' "$work/customers.csv")" -gt 100 ] || fail "too few customer rows"

expect 0 --export-csv invoices --company "$demo" --output "$work/invoices.csv"
header=$(head -n 1 "$work/invoices.csv" | tr -d '\r')
[ "$header" = "number,type,state,customer_number,customer_name,issue_date,due_date,currency,net,vat,total,paid,open,reference,delivery,disputed,credited_invoice_number" ] ||
  fail "invoices header is '$header'"

expect 0 --export-csv payments --company "$demo" --output "$work/payments.csv"
header=$(head -n 1 "$work/payments.csv" | tr -d '\r')
[ "$header" = "date,invoice_number,customer_number,amount,currency,method,note" ] ||
  fail "payments header is '$header'"

# A workbook is a zip file ("PK").
expect 0 --export journal --from 2026-01-01 --to 2026-06-30 --language en \
  --company "$demo" --output "$work/journal.xlsx"
[ "$(head -c 2 "$work/journal.xlsx" 2>/dev/null)" = "PK" ] || fail "journal.xlsx is not a zip file"
expect 0 --export journal --without-details --from 2026-01-01 --to 2026-06-30 --language en \
  --company "$demo" --output "$work/journal-summary.xlsx"
[ "$(head -c 2 "$work/journal-summary.xlsx" 2>/dev/null)" = "PK" ] ||
  fail "journal-summary.xlsx is not a zip file"
[ "$(stat -c %s "$work/journal-summary.xlsx")" -lt "$(stat -c %s "$work/journal.xlsx")" ] ||
  fail "the journal without details is not smaller"

# The cash-flow workbook: the forecast from KASSA_TODAY with its line
# chart (zip member names are stored uncompressed).
expect 0 --export cashflow --from 2026-01-01 --to 2026-06-30 --language fi \
  --company "$demo" --output "$work/cashflow.xlsx"
[ "$(head -c 2 "$work/cashflow.xlsx" 2>/dev/null)" = "PK" ] || fail "cashflow.xlsx is not a zip file"
grep -a -q "xl/charts/chart1.xml" "$work/cashflow.xlsx" || fail "cashflow.xlsx has no chart"

# The customer-value workbook of the demo company, in Chinese.
expect 0 --export customer-value --from 2025-11-25 --to 2026-11-24 --language zh_CN \
  --company "$demo" --output "$work/customer-value.xlsx"
[ "$(head -c 2 "$work/customer-value.xlsx" 2>/dev/null)" = "PK" ] ||
  fail "customer-value.xlsx is not a zip file"
grep -a -q "xl/worksheets/sheet4.xml" "$work/customer-value.xlsx" ||
  fail "customer-value.xlsx lacks its four sheets"

# Usage errors: status 2, a hint to --help, nothing written.
expect 2 --export no-such-report --from 2026-01-01 --to 2026-01-31 --company "$demo" \
  --output "$work/bad.xlsx"
expect_stderr "no-such-report"
expect_stderr "--help"
[ ! -e "$work/bad.xlsx" ] || fail "a file was written after a usage error"
expect 2 --export-csv no-such-table --company "$demo" --output "$work/bad.csv"
expect 2 --export-csv customers --company "$demo"
expect 2 --export journal --from 2026-02-30 --to 2026-03-31 --company "$demo" --output "$work/bad.xlsx"
expect_stderr "2026-02-30"
expect 2 --export journal --from 2026-03-31 --to 2026-03-01 --company "$demo" --output "$work/bad.xlsx"
expect 2 --export journal --company "$demo" --output "$work/bad.xlsx"
expect 2 --export journal --from 2026-01-01 --to 2026-01-31 --language de --company "$demo" \
  --output "$work/bad.xlsx"
expect 2 --export statement --from 2026-01-01 --to 2026-01-31 --company "$demo" --output "$work/bad.xlsx"
expect 2 --export journal --export-csv customers --output "$work/bad.csv"
expect 2 --export sales --without-details --from 2026-01-01 --to 2026-01-31 --company "$demo" \
  --output "$work/bad.xlsx"
expect_stderr "without-details"
expect 2 --output "$work/bad.csv"
[ ! -e "$work/bad.xlsx" ] && [ ! -e "$work/bad.csv" ] || fail "a file was written after a usage error"

# Failures: status 1 with the reason.
echo "not a company file" >"$work/garbage.kassa"
expect 1 --export-csv customers --company "$work/garbage.kassa" --output "$work/bad.csv"
expect 1 --export-csv customers --company "$work/missing.kassa" --output "$work/bad.csv"
expect_stderr "missing.kassa"
[ ! -e "$work/missing.kassa" ] || fail "a missing company file was created"
expect 1 --export-csv customers --output "$work/bad.csv"
expect 1 --export statement --customer no-such-customer --from 2026-01-01 --to 2026-01-31 \
  --company "$demo" --output "$work/bad.xlsx"
expect 1 --export-csv customers --company "$demo" --output "$work/no-such-folder/x.csv"
[ ! -e "$work/bad.xlsx" ] && [ ! -e "$work/bad.csv" ] || fail "a file was written after a failure"
cmp -s "$work/garbage.kassa" - <<EOF || fail "the foreign file was modified"
not a company file
EOF

# Import: the customers exported above are all duplicates in the demo
# company itself, so a dry run lists row errors ("row N: reason", for
# scripts) and imports nothing.  (A successful import into a fresh company
# is covered by the csv-import round trip test.)
"$kassa" --export-csv customers --company "$demo" --output "$work/customers.csv" ||
  fail "customer export for the import checks failed"
expect 2 --import no-such-table "$work/customers.csv" --company "$demo"
expect 2 --import customers --company "$demo"
expect 1 --import customers "$work/missing.csv" --company "$demo"
"$kassa" --import customers "$work/customers.csv" --company "$demo" --dry-run \
  >"$work/stdout" 2>"$work/stderr"
[ $? -eq 1 ] || fail "importing duplicate customers did not fail"
expect_stderr "^row 2: "

# --help documents the options.
"$kassa" --help >"$work/help" 2>&1 || fail "kassa --help failed"
for option in --export --export-csv --import --dry-run --from --to --language --customer --without-details --output --company --demo; do
  grep -q -- "$option" "$work/help" || fail "--help does not mention $option"
done

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
