#!/usr/bin/python3
# check-reports.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads back the workbooks test-reports writes (one folder per language)
# with openpyxl and checks them against the hand-worked company described
# at the top of test-reports.c: typed values (dates are datetimes, money is
# numbers), currency number formats, SUBTOTAL formulas and their cached
# values, frozen header rows, autofilters, the aging and cash-flow charts,
# translated labels, and text that looks like a formula coming back as text.
#
# Usage: check-reports.py DIR LANGUAGE   (LANGUAGE: en, fi, zh_CN)
# Exit status 0 when every check passes; failures are printed to stderr.

import datetime
import gettext
import os
import sys

import openpyxl
import openpyxl.utils

# Literal translations from po/fi.po and po/zh_CN.po (msgctxt "report"),
# so that a missing or wrong catalog fails the test.  A label not listed
# here is looked up in the compiled catalog under $KASSA_LOCALEDIR with
# Python's own .mo reader (independent of Kassa's).
TRANSLATIONS = {
    'fi': {
        'Invoices': 'Laskut',
        'Lines': 'Laskurivit',
        'Payments': 'Maksut',
        'Total': 'Yhteensä',
        'Period': 'Ajanjakso',
        'Generated': 'Luotu',
        'Customer': 'Asiakas',
        'Not due': 'Erääntymätön',
        'Invoice journal': 'Laskupäiväkirja',
        'Receivables aging': 'Myyntisaamisten ikäjakauma',
    },
    'zh_CN': {
        'Invoices': '发票',
        'Lines': '明细行',
        'Payments': '收款',
        'Total': '合计',
        'Period': '期间',
        'Generated': '生成日期',
        'Customer': '客户',
        'Not due': '未到期',
        'Invoice journal': '发票登记簿',
        'Receivables aging': '应收账款账龄',
    },
}

FORMULA_NAME = '=HYPERLINK("http://x")'
CURRENCY = '€'


def d(month, day, year=2026):
    return datetime.datetime(year, month, day)


class Checker:
    def __init__(self, folder, language):
        self.folder = folder
        self.language = language
        self.failures = []
        self.catalog = gettext.translation('kassa', os.environ.get('KASSA_LOCALEDIR'),
                                           [language], fallback=True)

    def t(self, msgid):
        table = TRANSLATIONS.get(self.language, {})
        if msgid in table:
            return table[msgid]
        return self.catalog.pgettext('report', msgid)

    def fail(self, where, message):
        self.failures.append('%s: %s' % (where, message))

    def expect(self, where, actual, expected):
        if isinstance(expected, float) or (isinstance(expected, int) and
                                           not isinstance(expected, bool) and
                                           isinstance(actual, float)):
            if not isinstance(actual, (int, float)) or abs(actual - expected) > 1e-9:
                self.fail(where, 'expected the number %r, got %r' % (expected, actual))
            return
        if actual != expected:
            self.fail(where, 'expected %r, got %r' % (expected, actual))

    # One sheet: columns are (English header, kind); rows hold expected
    # values (None: not checked); totals maps a column index to the total.
    def check_sheet(self, wb, cached, index, name, columns, rows, totals=None,
                    report=None, extra_title_lines=0):
        where = '%s[%s]' % (report, name)
        if index >= len(wb.worksheets):
            self.fail(where, 'missing sheet %d' % index)
            return None
        ws = wb.worksheets[index]
        values = cached.worksheets[index]
        self.expect(where + ' name', ws.title, self.t(name)[:31])

        self.check_title(ws, where, report, extra_title_lines)
        header = 6 + extra_title_lines
        self.expect(where + ' freeze', ws.freeze_panes, 'A%d' % (header + 1))
        ref = ws.auto_filter.ref or ''
        if not ref.startswith('A%d:' % header):
            self.fail(where, 'autofilter %r does not start at the header row %d' % (ref, header))
        for col, (label, _kind) in enumerate(columns):
            cell = ws.cell(header, col + 1)
            self.expect('%s header %d' % (where, col + 1), cell.value, self.t(label))
            if not cell.font.b:
                self.fail(where, 'header %d is not bold' % (col + 1))
            width = ws.column_dimensions[cell.column_letter].width
            if not width or width < 5:
                self.fail(where, 'column %s has no width set' % cell.column_letter)

        for r, row in enumerate(rows):
            for col, expected in enumerate(row):
                if expected is None:
                    continue
                cell = ws.cell(header + 1 + r, col + 1)
                self.check_cell('%s %s' % (where, cell.coordinate), cell,
                                values.cell(cell.row, cell.column), columns[col][1], expected)

        if totals is not None:
            self.check_totals(ws, values, where, header + 1 + len(rows), len(rows), columns, totals)
        return ws

    def check_title(self, ws, where, report, extra_title_lines):
        self.expect(where + ' company', ws['A1'].value, 'Testi Oy')
        self.expect(where + ' report', ws['A2'].value, self.t(report))
        self.expect(where + ' period label', ws['A3'].value, self.t('Period'))
        period = ('1.1.2026 – 31.3.2026' if self.language == 'fi'
                  else '2026-01-01 – 2026-03-31')
        self.expect(where + ' period', ws['B3'].value, period)
        generated = 4 + extra_title_lines
        self.expect(where + ' generated label', ws.cell(generated, 1).value, self.t('Generated'))
        self.check_cell(where + ' generated', ws.cell(generated, 2), ws.cell(generated, 2),
                        'date', d(4, 15))

    def check_cell(self, where, cell, cached_cell, kind, expected):
        value = cell.value
        if kind == 'formula':
            # (formula prefix, cached value)
            prefix, number = expected
            if not isinstance(value, str) or not value.startswith(prefix):
                self.fail(where, 'expected a formula starting %r, got %r' % (prefix, value))
            self.expect(where + ' cached', cached_cell.value, number)
            if CURRENCY not in cell.number_format:
                self.fail(where, 'format %r has no %s' % (cell.number_format, CURRENCY))
            return
        if kind in ('date', 'month'):
            if not isinstance(value, datetime.datetime):
                self.fail(where, 'expected a date, got %r' % (value,))
                return
            self.expect(where, value, expected)
            date_format = 'd.m.yyyy' if self.language == 'fi' else 'yyyy-mm-dd'
            if kind == 'date' and cell.number_format != date_format:
                self.fail(where, 'date format %r, expected %r' % (cell.number_format, date_format))
            return
        if kind == 'money':
            if CURRENCY not in cell.number_format:
                self.fail(where, 'format %r has no %s' % (cell.number_format, CURRENCY))
            self.expect(where, value, float(expected))
            return
        if kind == 'label':
            self.expect(where, value, self.t(expected))
            return
        if kind == 'text':
            # Written as a string whatever it looks like.
            if cell.data_type != 's':
                self.fail(where, 'type %r, expected a string' % cell.data_type)
            self.expect(where, value, expected)
            return
        if kind in ('percent', 'number', 'int'):
            self.expect(where, value, float(expected))
            if kind == 'percent' and '%' not in cell.number_format:
                self.fail(where, 'format %r is not a percentage' % cell.number_format)
            return
        self.fail(where, 'unknown kind %r' % kind)

    def check_totals(self, ws, values, where, row, n_rows, columns, totals):
        self.expect(where + ' total label', ws.cell(row, 1).value, self.t('Total'))
        header = row - n_rows - 1
        for col, number in totals.items():
            cell = ws.cell(row, col + 1)
            letter = cell.column_letter
            formula = '=SUBTOTAL(109,%s%d:%s%d)' % (letter, header + 1, letter, row - 1)
            self.expect('%s %s formula' % (where, cell.coordinate), cell.value, formula)
            self.expect('%s %s cached' % (where, cell.coordinate),
                        values.cell(row, col + 1).value, float(number))
            if not cell.font.b:
                self.fail(where, 'total %s is not bold' % cell.coordinate)

    def open(self, report_id):
        path = os.path.join(self.folder, report_id + '.xlsx')
        return openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)

    # The reports

    def journal(self):
        self.journal_invoices('journal')

    def journal_summary(self):
        wb, cached = self.journal_invoices('journal-summary')
        if wb.sheetnames != [self.t('Invoices'), self.t('VAT')]:
            self.fail('journal-summary', 'sheets %r' % wb.sheetnames)

    def journal_invoices(self, report_id):
        wb, cached = self.open(report_id)
        report = 'Invoice journal'
        columns = [('Number', 'int'), ('Type', 'label'), ('Customer no.', 'text'),
                   ('Customer', 'text'), ('Issue date', 'date'), ('Due date', 'date'),
                   ('Reference', 'text'), ('Status', 'label'), ('Net', 'money'), ('VAT', 'money'),
                   ('Total', 'money'), ('Paid', 'money'), ('Open', 'money')]
        rows = [
            [1004, 'Invoice', '+1-2', FORMULA_NAME, d(1, 5), d(1, 19), None, 'Overdue',
             200, 51, 251, 0, 251],
            [1000, 'Invoice', 'C1', 'Alfa Oy', d(1, 10), d(1, 24), None, 'Paid',
             127.02, 28.13, 155.15, 155.15, 0],
            [1001, 'Invoice', 'C1', 'Alfa Oy', d(2, 1), d(2, 15), None, 'Overdue',
             1000, 255, 1255, 500, 755],
            [1002, 'Invoice', 'C2', 'Beta Ab', d(2, 10), d(2, 24), None, 'Credited',
             100, 14, 114, 0, 0],
            [1003, 'Credit note', 'C2', 'Beta Ab', d(3, 5), None, None, 'Credit note',
             -100, -14, -114, 0, 0],
            [1005, 'Invoice', 'C2', 'Beta Ab', d(3, 20), d(4, 3), None, 'Overdue',
             100, 25.5, 125.5, 0, 125.5],
        ]
        totals = {8: 1427.02, 9: 359.63, 10: 1786.65, 11: 655.15, 12: 1131.50}
        self.check_sheet(wb, cached, 0, 'Invoices', columns, rows, totals, report)
        if report_id != 'journal':
            self.vat_by_rate(wb, cached, 1, 'VAT', report)
            return wb, cached

        columns = [('Invoice', 'int'), ('Position', 'int'), ('Description', 'text'),
                   ('Quantity', 'number'), ('Unit price', 'money'), ('Discount %', 'percent'),
                   ('VAT %', 'percent'), ('Net', 'money')]
        rows = [
            [1004, 1, '+1-2', 1, 200, 0, 0.255, 200],
            [1000, 1, 'Design work', 2.5, 40, 0.10, 0.255, 90],
            [1000, 2, 'Printing', 3, 12.34, 0, 0.14, 37.02],
            [1001, 1, 'Consulting', 10, 100, 0, 0.255, 1000],
            [1002, 1, 'Books', 4, 25, 0, 0.14, 100],
            [1003, 1, 'Books', None, None, 0, 0.14, -100],
            [1005, 1, 'Support', 2, 50, 0, 0.255, 100],
        ]
        self.check_sheet(wb, cached, 1, 'Lines', columns, rows, {7: 1427.02}, report)
        self.vat_by_rate(wb, cached, 2, 'VAT', report)
        self.payments_sheet(wb, cached, 3, report)
        return wb, cached

    def vat_by_rate(self, wb, cached, index, name, report):
        columns = [('VAT %', 'percent'), ('Net', 'money'), ('VAT', 'money'), ('Gross', 'money')]
        rows = [[0.255, 1390, 354.45, 1744.45], [0.14, 37.02, 5.18, 42.20]]
        totals = {1: 1427.02, 2: 359.63, 3: 1786.65}
        self.check_sheet(wb, cached, index, name, columns, rows, totals, report)

    def payments_sheet(self, wb, cached, index, report):
        columns = [('Date', 'date'), ('Invoice', 'int'), ('Customer', 'text'),
                   ('Method', 'text'), ('Amount', 'money')]
        rows = [[d(1, 20), 1000, 'Alfa Oy', 'bank', 155.15],
                [d(2, 20), 1001, 'Alfa Oy', 'bank', 500]]
        self.check_sheet(wb, cached, index, 'Payments', columns, rows, {4: 655.15}, report)

    def sales(self):
        wb, cached = self.open('sales')
        report = 'Sales'
        columns = [('Customer no.', 'text'), ('Customer', 'text'), ('Invoices', 'int'),
                   ('Net', 'money'), ('VAT', 'money'), ('Gross', 'money'),
                   ('Gross margin', 'money'), ('Margin %', 'percent')]
        # Margin: Alfa 1,127.02 − (2.5 × 20.00 + 10 × 60.00) = 477.02 (42.33 %).
        rows = [['C1', 'Alfa Oy', 2, 1127.02, 283.13, 1410.15, 477.02, 0.4233],
                ['+1-2', FORMULA_NAME, 1, 200, 51, 251, 200, 1],
                ['C2', 'Beta Ab', 2, 100, 25.5, 125.5, 100, 1]]
        totals = {2: 5, 3: 1427.02, 4: 359.63, 5: 1786.65, 6: 777.02}
        self.check_sheet(wb, cached, 0, 'By customer', columns, rows, totals, report)

        columns = [('Month', 'month'), ('Invoices', 'int'), ('Net', 'money'), ('VAT', 'money'),
                   ('Gross', 'money')]
        rows = [[d(1, 1), 2, 327.02, 79.13, 406.15],
                [d(2, 1), 2, 1100, 269, 1369],
                [d(3, 1), 1, 0, 11.5, 11.5]]
        totals = {1: 5, 2: 1427.02, 3: 359.63, 4: 1786.65}
        self.check_sheet(wb, cached, 1, 'By month', columns, rows, totals, report)

    def vat(self):
        wb, cached = self.open('vat')
        report = 'VAT summary'
        columns = [('Month', 'month'), ('VAT %', 'percent'), ('Net', 'money'), ('VAT', 'money'),
                   ('Gross', 'money')]
        rows = [[d(1, 1), 0.255, 290, 73.95, 363.95],
                [d(1, 1), 0.14, 37.02, 5.18, 42.20],
                [d(2, 1), 0.255, 1000, 255, 1255],
                [d(2, 1), 0.14, 100, 14, 114],
                [d(3, 1), 0.255, 100, 25.5, 125.5],
                [d(3, 1), 0.14, -100, -14, -114]]
        totals = {2: 1427.02, 3: 359.63, 4: 1786.65}
        self.check_sheet(wb, cached, 0, 'VAT by month', columns, rows, totals, report)
        self.vat_by_rate(wb, cached, 1, 'VAT by rate', report)

    def aging(self):
        wb, cached = self.open('aging')
        report = 'Receivables aging'
        buckets = ['Not due', '1–30 days', '31–60 days', '61–90 days', 'Over 90 days']
        columns = ([('Customer no.', 'text'), ('Customer', 'text')] +
                   [(b, 'money') for b in buckets] + [('Total', 'money')])
        # As of 2026-03-31: #1004 71 days overdue, #1001 44 days, #1005 not due.
        rows = [['+1-2', FORMULA_NAME, 0, 0, 0, 251, 0, 251],
                ['C1', 'Alfa Oy', 0, 0, 755, 0, 0, 755],
                ['C2', 'Beta Ab', 125.5, 0, 0, 0, 0, 125.5]]
        totals = {2: 125.5, 3: 0, 4: 755, 5: 251, 6: 0, 7: 1131.5}
        self.check_sheet(wb, cached, 0, 'By customer', columns, rows, totals, report)

        columns = [('Customer no.', 'text'), ('Customer', 'text'), ('Invoice', 'int'),
                   ('Issue date', 'date'), ('Due date', 'date'), ('Days overdue', 'int'),
                   ('Bucket', 'label'), ('Open', 'money')]
        rows = [['+1-2', FORMULA_NAME, 1004, d(1, 5), d(1, 19), 71, '61–90 days', 251],
                ['C1', 'Alfa Oy', 1001, d(2, 1), d(2, 15), 44, '31–60 days', 755],
                ['C2', 'Beta Ab', 1005, d(3, 20), d(4, 3), 0, 'Not due', 125.5]]
        self.check_sheet(wb, cached, 1, 'Open invoices', columns, rows, {7: 1131.5}, report)

        columns = [('Customer', 'text')] + [(b, 'money') for b in buckets]
        rows = [['Alfa Oy', 0, 0, 755, 0, 0],
                [FORMULA_NAME, 0, 0, 0, 251, 0],
                ['Beta Ab', 125.5, 0, 0, 0, 0]]
        totals = {1: 125.5, 2: 0, 3: 755, 4: 251, 5: 0}
        ws = self.check_sheet(wb, cached, 2, 'Largest', columns, rows, totals, report)
        if ws is not None and not ws._charts:
            self.fail('aging', 'no chart')

    def statement(self):
        wb, cached = self.open('statement')
        report = 'Customer statement'
        columns = [('Date', 'date'), ('Type', 'label'), ('Invoice', 'int'), ('Due date', 'date'),
                   ('Amount', 'money'), ('Balance', 'money')]
        # Running balance: 155.15, 0, 1,255.00, 755.00.
        rows = [[d(1, 1), 'Opening balance', None, None, None, 0],
                [d(1, 10), 'Invoice', 1000, d(1, 24), 155.15, ('=F11+E12', 155.15)],
                [d(1, 20), 'Payment', 1000, None, -155.15, ('=F12+E13', 0)],
                [d(2, 1), 'Invoice', 1001, d(2, 15), 1255, ('=F13+E14', 1255)],
                [d(2, 20), 'Payment', 1001, None, -500, ('=F14+E15', 755)]]
        closing = [d(3, 31), 'Closing balance', None, None, None, ('=F15', 755)]
        ws = self.check_sheet(wb, cached, 0, 'Statement', columns, [], None, report,
                              extra_title_lines=4)
        if ws is None:
            return
        values = cached.worksheets[0]
        for r, row in enumerate(rows + [closing]):
            for col, expected in enumerate(row):
                if expected is None:
                    continue
                kind = 'formula' if isinstance(expected, tuple) else columns[col][1]
                cell = ws.cell(11 + r, col + 1)
                self.check_cell('statement %s' % cell.coordinate, cell,
                                values.cell(cell.row, cell.column), kind, expected)
        self.expect('statement customer', ws['B4'].value, 'Alfa Oy')

    def payments(self):
        wb, cached = self.open('payments')
        self.payments_sheet(wb, cached, 0, 'Payments received')

    def kpi(self):
        wb, cached = self.open('kpi')
        columns = [('Figure', 'label'), ('Value', 'number')]
        ws = self.check_sheet(wb, cached, 0, 'Key figures', columns, [], None, 'Key figures')
        if ws is None:
            return
        # Average days to pay: (155.15 × 10 + 500.00 × 19) / 655.15.
        figures = [('Open receivables at period end', 'money', 1131.50),
                   ('Overdue at period end', 'money', 1006.00),
                   ('Overdue invoices at period end', 'int', 2),
                   ('Invoiced in period', 'money', 1786.65),
                   ('Payments received in period', 'money', 655.15),
                   ('Average days to pay (amount-weighted)', 'number', 1105150 / 65515),
                   ('Share of invoices sent as e-invoices', 'percent', 0.4),
                   # 90 days to 03-31 = all of Jan–Mar: credit sales 1,786.65 (the
                   # credit note included), AR 1,131.50, of it not yet due 125.50 (#1005).
                   ('DSO, 90 days', 'number', 1131.50 / 1786.65 * 90),
                   ('Best possible DSO', 'number', 125.50 / 1786.65 * 90),
                   ('Average days delinquent', 'number', (1131.50 - 125.50) / 1786.65 * 90),
                   # March sold 11.50 (125.50 − 114.00): 31 days; February's
                   # 1,369.00 covers the remaining 1,120.00 in 1120/1369 × 28 days.
                   ('Countback DSO', 'number', 31 + 1120 / 1369 * 28),
                   # March: begin AR 1,120.00 (#1001 755, #1002 114, #1004 251),
                   # sales 11.50, end AR 1,131.50: nothing collected.
                   ('Collection effectiveness index (month of period end)', 'percent', 0),
                   ('Overdue share of receivables', 'percent', 0.8891),
                   # #1000 paid 4 days early (0), #1001 500.00 paid 5 days late.
                   ('Average days late, 90 days (amount-weighted)', 'number', 2500 / 655.15)]
        for r, (label, kind, value) in enumerate(figures):
            self.expect('kpi A%d' % (7 + r), ws.cell(7 + r, 1).value, self.t(label))
            cell = ws.cell(7 + r, 2)
            self.check_cell('kpi B%d' % (7 + r), cell, cell, kind, value)
        if ws.auto_filter.ref != 'A6:B20':
            self.fail('kpi', 'autofilter %r' % ws.auto_filter.ref)

    # Cash flow.  The forecast starts today, 2026-04-15, from the balance
    # entered that day (10,000.00): weeks start on 04-15 + 7 i.  Scheduled:
    # rent 1,200.00 out on the 1st of May–December, the grant 3,000.00 in on
    # 05-20.  Receipts depend on the payment and sales models, so they are
    # checked through the identities of the table rather than to the cent.

    FLOWS = [('Opening balance', 'money'), ('Receipts from invoices', 'money'),
             ('Receipts from future sales', 'money'), ('Scheduled in', 'money'),
             ('Scheduled out', 'money'), ('Closing balance', 'money'),
             ('Lowest balance', 'money'), ('Minimum cash buffer', 'money')]
    OPENING = 10000
    BUFFER = 2000
    OPEN_RECEIVABLES = 1131.50

    def cashflow(self):
        wb, cached = self.open('cashflow')
        report = 'Cash flow forecast'
        sheets = ['Forecast', 'Months', 'Actual', 'Scheduled']
        if wb.sheetnames != [self.t(name) for name in sheets]:
            self.fail('cashflow', 'sheets %r' % wb.sheetnames)
        weeks = self.cashflow_weeks(wb, cached, report)
        months = self.cashflow_months(wb, cached, report)
        if weeks and months:
            # Week 10 ends on 06-30, with June: the same balance, and the
            # flows of weeks 0–10 are those of April (from 04-15) to June.
            self.expect('cashflow week 10 = June closing', weeks[10][5], months[2][5])
            for k in range(1, 5):
                self.expect('cashflow weeks 0-10 = Apr-Jun, flow %d' % k,
                            round(sum(w[k] for w in weeks[:11]), 2),
                            round(sum(m[k] for m in months[:3]), 2))
        self.cashflow_actual(wb, cached, report)
        self.cashflow_scheduled(wb, cached, report)

    def cashflow_title(self, ws, where):
        iso = self.language != 'fi'
        lines = [('Forecast from', '2026-04-15' if iso else '15.4.2026'),
                 ('Scenario', self.t('Base')),
                 ('Cash balances as of', '2026-04-15' if iso else '15.4.2026'),
                 # Lowest possible: 10,000 − 1,200 (05-01) = 8,800 before the
                 # grant, 10,000 + 3,000 − 8 × 1,200 = 3,400 after the rent.
                 ('First day below the minimum cash buffer', self.t('None in the forecast'))]
        for r, (label, value) in enumerate(lines):
            self.expect('%s A%d' % (where, 4 + r), ws.cell(4 + r, 1).value, self.t(label))
            self.expect('%s B%d' % (where, 4 + r), ws.cell(4 + r, 2).value, value)
        self.expect(where + ' A8', ws['A8'].value, self.t('Disputed invoices left out'))
        disputed = ws['B8'].value
        if (not isinstance(disputed, str) or CURRENCY not in disputed or
                ('0,00' if self.language == 'fi' else '0.00') not in disputed):
            self.fail(where, 'disputed amount %r' % (disputed,))

    # Rows as lists of the flow values (cached), after the identities:
    # closing = opening + receipts + scheduled in − scheduled out, each
    # opening the closing before it, the first the balance entered today.
    def cashflow_rows(self, ws, values, where, first_flow, n_rows):
        header = 11
        rows = []
        for r in range(n_rows):
            row = []
            for k in range(len(self.FLOWS)):
                value = values.cell(header + 1 + r, first_flow + k + 1).value
                if not isinstance(value, (int, float)):
                    self.fail(where, 'row %d flow %d is %r' % (r + 1, k, value))
                    return None
                row.append(value)
            rows.append(row)
        for r, (opening, invoices, sales, scheduled_in, scheduled_out, closing, lowest,
                buffer) in enumerate(rows):
            at = '%s row %d' % (where, r + 1)
            self.expect(at + ' closing', round(closing, 2),
                        round(opening + invoices + sales + scheduled_in - scheduled_out, 2))
            self.expect(at + ' opening', opening, rows[r - 1][5] if r > 0 else self.OPENING)
            self.expect(at + ' buffer', buffer, self.BUFFER)
            if invoices < 0 or sales < 0:
                self.fail(at, 'negative receipts %r %r' % (invoices, sales))
            # Receipts only add: no day ends under the opening less the outflows.
            if lowest > closing + 1e-9 or lowest < opening - scheduled_out - 1e-9:
                self.fail(at, 'lowest %r outside [%r, %r]'
                          % (lowest, opening - scheduled_out, closing))
        # No invoice is disputed: the 12 months receive all that is open
        # (#1001 755.00, #1004 251.00, #1005 125.50), 13 weeks at most that.
        received = round(sum(row[1] for row in rows), 2)
        if (received > self.OPEN_RECEIVABLES or
                (n_rows == 12 and received != self.OPEN_RECEIVABLES)):
            self.fail(where, 'receipts from invoices %r, open %r'
                      % (received, self.OPEN_RECEIVABLES))
        # The totals: SUBTOTAL over the flows, nothing under the balances.
        totals = {first_flow + k: round(sum(row[k] for row in rows), 2) for k in range(1, 5)}
        self.check_totals(ws, values, where, header + 1 + n_rows, n_rows,
                          [None] * (first_flow + len(self.FLOWS)), totals)
        for k in (0, 5, 6, 7):
            cell = ws.cell(header + 1 + n_rows, first_flow + k + 1)
            if cell.value is not None:
                self.fail(where, '%s is not empty: %r' % (cell.coordinate, cell.value))
        return rows

    def check_chart(self, ws, where, n_rows, first_flow):
        charts = ws._charts
        if len(charts) != 1:
            self.fail(where, '%d charts' % len(charts))
            return
        chart = charts[0]
        if chart.tagname != 'lineChart':
            self.fail(where, 'chart %r is not a line chart' % chart.tagname)
        refs = [series.val.numRef.f for series in chart.series]
        letters = [openpyxl.utils.get_column_letter(first_flow + k + 1) for k in (5, 7)]
        expected = ["'%s'!$%s$12:$%s$%d" % (ws.title, c, c, 11 + n_rows) for c in letters]
        if [ref.replace("'", '') for ref in refs] != [ref.replace("'", '') for ref in expected]:
            self.fail(where, 'chart series %r, expected %r' % (refs, expected))

    def cashflow_weeks(self, wb, cached, report):
        columns = [('Week start', 'date'), ('Week end', 'date')] + self.FLOWS
        rows = []
        for i in range(13):
            start = d(4, 15) + datetime.timedelta(days=7 * i)
            scheduled_in = 3000 if i == 5 else 0                  # 05-20
            scheduled_out = 1200 if i in (2, 6, 11) else 0        # 05-01, 06-01, 07-01
            rows.append([start, start + datetime.timedelta(days=6), None, None, None,
                         scheduled_in, scheduled_out, None, None, self.BUFFER])
        ws = self.check_sheet(wb, cached, 0, 'Forecast', columns, rows, None, report,
                              extra_title_lines=5)
        if ws is None:
            return None
        where = 'cashflow[Forecast]'
        self.cashflow_title(ws, where)
        self.check_chart(ws, where, 13, 2)
        return self.cashflow_rows(ws, cached.worksheets[0], where, 2, 13)

    def cashflow_months(self, wb, cached, report):
        columns = [('Month', 'month'), ('From', 'date'), ('To', 'date')] + self.FLOWS
        rows = []
        for i in range(12):
            year, month = 2026 + (3 + i) // 12, (3 + i) % 12 + 1
            first = d(month, 1, year)
            following = d(month % 12 + 1, 1, year + month // 12)
            scheduled_in = 3000 if i == 1 else 0                  # May
            scheduled_out = 1200 if 1 <= i <= 8 else 0            # May–December
            rows.append([first, d(4, 15) if i == 0 else first,
                         following - datetime.timedelta(days=1), None, None, None,
                         scheduled_in, scheduled_out, None, None, self.BUFFER])
        ws = self.check_sheet(wb, cached, 1, 'Months', columns, rows, None, report,
                              extra_title_lines=5)
        if ws is None:
            return None
        where = 'cashflow[Months]'
        self.cashflow_title(ws, where)
        self.check_chart(ws, where, 12, 3)
        return self.cashflow_rows(ws, cached.worksheets[1], where, 3, 12)

    def cashflow_actual(self, wb, cached, report):
        columns = [('Week start', 'date'), ('Week end', 'date'), ('Payments received', 'money'),
                   ('Cash balance', 'money'), ('Balance date', 'date')]
        # 13 weeks from 01-01, the last 03-26–03-31; payments on 01-20 and
        # 02-20; the balance of 02-27 (the one of 04-15 is after the period).
        rows = []
        for i in range(13):
            start = d(1, 1) + datetime.timedelta(days=7 * i)
            end = d(3, 31) if i == 12 else start + datetime.timedelta(days=6)
            received = {2: 155.15, 7: 500}.get(i, 0)
            balance = [5000, d(2, 27)] if i == 8 else [None, None]
            rows.append([start, end, received] + balance)
        ws = self.check_sheet(wb, cached, 2, 'Actual', columns, rows, {2: 655.15}, report)
        if ws is None:
            return
        for i in range(13):
            for col in (4, 5):
                if i != 8 and ws.cell(7 + i, col).value is not None:
                    self.fail('cashflow[Actual]', 'row %d column %d is %r'
                              % (7 + i, col, ws.cell(7 + i, col).value))

    def cashflow_scheduled(self, wb, cached, report):
        columns = [('Name', 'text'), ('Category', 'label'), ('In/out', 'label'),
                   ('Amount', 'money'), ('Recurrence', 'label'), ('Start', 'date'),
                   ('End', 'date'), ('Notes', 'text')]
        rows = [['Office rent', 'Rent', 'Out', 1200, 'Monthly', d(5, 1), d(12, 31),
                 '=due on the 1st'],
                ['Start-up grant', 'Other inflow', 'In', 3000, 'Once', d(5, 20), None, None]]
        ws = self.check_sheet(wb, cached, 3, 'Scheduled', columns, rows, None, report)
        if ws is None:
            return
        for col in (7, 8):
            if ws.cell(8, col).value is not None:
                self.fail('cashflow[Scheduled]', 'row 8 column %d is %r'
                          % (col, ws.cell(8, col).value))
        if ws.auto_filter.ref != 'A6:H8':
            self.fail('cashflow[Scheduled]', 'autofilter %r' % ws.auto_filter.ref)

    # Customer value: the period's figures by the rules of
    # kassa-customer-value.h, worked out by hand (today 2026-04-15):
    #   Alfa    net 127.02 + 1,000.00, cost 2.5 × 20.00 + 10 × 60.00 = 650.00,
    #           margin 477.02 = 42.33 %; last invoice 02-01, 58 days before 03-31
    #   +1-2    net 200.00, no cost; 01-05, 85 days; e-invoice
    #   Beta    100.00 − 100.00 (credit note) + 100.00 = 100.00; 2 invoices,
    #           one e-invoice (50 %); last 03-20, 11 days
    # Sorted by revenue: Alfa, +1-2, Beta; ABC 80/95: Alfa starts at 0 % and
    # +1-2 at 78.98 % (A), Beta at 92.99 % (B).  RFM over the three:
    #   R of −days (−85, −58, −11): ranks 0, 1, 2 → 1, 2, 4
    #   F of invoices (2, 1, 2): +1-2 rank 0 → 1, Alfa and Beta tie at rank 1 → 2
    #   M of revenue: Beta 1, +1-2 2, Alfa 4
    # Segments: Alfa R2 F2 hibernating, +1-2 R1 F1 lost, Beta R4 F2 promising.
    # Lifecycle as of 03-31: every first invoice is within 90 days → new
    # (new comes before key account in the rule).  Risk and days late are
    # those of the payment-behaviour tests and not repeated here.
    def customer_value(self):
        wb, cached = self.open('customer-value')
        report = 'Customer value'
        expected_sheets = [self.t(n) for n in ('Customers', 'Segments', 'Retention',
                                                'Lifetime value', 'Campaigns')]
        if wb.sheetnames != expected_sheets:
            self.fail('customer-value', 'sheets %r' % wb.sheetnames)
        columns = [('Customer no.', 'text'), ('Customer', 'text'), ('Revenue', 'money'),
                   ('Cost', 'money'), ('Gross margin', 'money'), ('Margin %', 'percent'),
                   ('Invoices', 'int'), ('Average invoice', 'money'),
                   ('Days since last invoice', 'int'), ('ABC class', 'text'), ('R', 'int'),
                   ('F', 'int'), ('M', 'int'), ('Segment', 'label'), ('Lifecycle', 'label'),
                   ('Key account', 'label'), ('Marketing consent', 'label'),
                   ('E-invoice %', 'percent'), ('Risk class', 'text'),
                   ('Average days late', 'number'), ('NPS', 'int')]
        rows = [
            ['C1', 'Alfa Oy', 1127.02, 650, 477.02, 0.4233, 2, 563.51, 58, 'A', 2, 2, 4,
             'Hibernating', 'New', 'Yes', 'Not asked', 0, None, None, 9],
            ['+1-2', FORMULA_NAME, 200, 0, 200, 1, 1, 200, 85, 'A', 1, 1, 2,
             'Lost', 'New', 'No', 'Not asked', 1, None, None, None],
            ['C2', 'Beta Ab', 100, 0, 100, 1, 2, 100, 11, 'B', 4, 2, 1,
             'Promising', 'New', 'No', 'Given', 0.5, None, None, None],
        ]
        totals = {2: 1427.02, 3: 650, 4: 777.02, 6: 5}
        ws = self.check_sheet(wb, cached, 0, 'Customers', columns, rows, totals, report)
        if ws is not None:
            for coordinate in ('U8', 'U9'):   # no NPS response
                if ws[coordinate].value is not None:
                    self.fail('customer-value[Customers]', '%s is %r' % (coordinate, ws[coordinate].value))
            for row in (7, 8, 9):
                if ws.cell(row, 19).value not in ('A', 'B', 'C', 'D'):
                    self.fail('customer-value[Customers]', 'risk class %r' % ws.cell(row, 19).value)

        # Shares of 3 customers, 1,427.02 revenue and 777.02 margin.
        columns = [('Group', 'label'), ('Customers', 'int'), ('Revenue', 'money'),
                   ('Gross margin', 'money'), ('Share of customers', 'percent'),
                   ('Share of revenue', 'percent'), ('Share of margin', 'percent')]
        zero = [0, 0, 0, 0, 0, 0]
        rows = [['Class A', 2, 1327.02, 677.02, 0.6667, 0.9299, 0.8713],
                ['Class B', 1, 100, 100, 0.3333, 0.0701, 0.1287],
                ['Class C'] + zero, ['Champions'] + zero, ['Loyal'] + zero,
                ['Promising', 1, 100, 100, 0.3333, 0.0701, 0.1287],
                ['Needs attention'] + zero, ['At risk'] + zero,
                ['Hibernating', 1, 1127.02, 477.02, 0.3333, 0.7898, 0.6139],
                ['Lost', 1, 200, 200, 0.3333, 0.1402, 0.2574],
                ['No purchases'] + zero]
        ws = self.check_sheet(wb, cached, 1, 'Segments', columns, rows, None, report)
        if ws is not None and ws.auto_filter.ref != 'A6:G17':
            self.fail('customer-value[Segments]', 'autofilter %r' % ws.auto_filter.ref)

        # Every customer's first invoice is in 2026: no year has customers at
        # its start, so no rate.
        columns = [('Year', 'int'), ('Customers at start', 'int'), ('New customers', 'int'),
                   ('Customers at end', 'int'), ('Retention %', 'percent'), ('Churn %', 'percent')]
        rows = [[year, 0, 0, 0, None, None] for year in range(2022, 2026)]
        rows.append([2026, 0, 3, 3, None, None])
        ws = self.check_sheet(wb, cached, 2, 'Retention', columns, rows, None, report)
        if ws is not None:
            for row in range(7, 12):
                for col in (5, 6):
                    if ws.cell(row, col).value is not None:
                        self.fail('customer-value[Retention]',
                                  'rate %s is %r' % (ws.cell(row, col).coordinate,
                                                     ws.cell(row, col).value))

        # Nobody bought in the 12 months before the last 12 (2024-04-16 …
        # 2025-04-15): no 12-month retention, no lifetime and no value, and a
        # title line says why.  The average yearly margin is 777.02 ÷ 3 =
        # 259.01 (half away from zero).
        columns = [('Figure', 'label'), ('Value', 'number')]
        ws = self.check_sheet(wb, cached, 3, 'Lifetime value', columns, [], None, report,
                              extra_title_lines=1)
        if ws is not None:
            where = 'customer-value[Lifetime value]'
            self.expect(where + ' A4', ws['A4'].value, self.t('Customer lifetime value'))
            self.expect(where + ' B4', ws['B4'].value,
                        self.t('Not available: no sales in the 12 months before '
                               'the last 12 months'))
            figures = [('Average yearly margin per customer', 'money', 259.01),
                       ('Customers with invoices in the last 12 months', 'int', 3),
                       ('Customers with invoices in the 12 months before', 'int', 0),
                       ('Of them, bought again in the last 12 months', 'int', 0),
                       ('Retention, last 12 months', None, None),
                       ('Expected customer lifetime (months)', None, None),
                       ('Customer lifetime value', None, None)]
            for r, (label, kind, value) in enumerate(figures):
                cell = ws.cell(8 + r, 2)
                self.expect('%s A%d' % (where, 8 + r), ws.cell(8 + r, 1).value, self.t(label))
                if kind is None:
                    if cell.value is not None:
                        self.fail(where, '%s is %r' % (cell.coordinate, cell.value))
                else:
                    self.check_cell('%s B%d' % (where, 8 + r), cell, cell, kind, value)

        # "Spring mailing": reached Alfa and Beta, #1001 (net 1,000.00, cost
        # 600.00) from Alfa: conversion 1 of 2, ROI (400 − 100) ÷ 100 = 300 %.
        columns = [('Channel', 'label'), ('Campaigns', 'int'), ('Cost', 'money'),
                   ('Reached', 'int'), ('Converted', 'int'), ('Conversion %', 'percent'),
                   ('Invoices', 'int'), ('Revenue', 'money'), ('Gross margin', 'money'),
                   ('ROI %', 'percent')]
        rows = [['Email', 1, 100, 2, 1, 0.5, 1, 1000, 400, 3]]
        totals = {1: 1, 2: 100, 3: 2, 4: 1, 6: 1, 7: 1000, 8: 400}
        self.check_sheet(wb, cached, 4, 'Campaigns', columns, rows, totals, report)


def main():
    if len(sys.argv) != 3:
        print('usage: check-reports.py DIR LANGUAGE', file=sys.stderr)
        return 2
    checker = Checker(sys.argv[1], sys.argv[2])
    for report in (checker.journal, checker.journal_summary, checker.sales, checker.vat, checker.aging,
                   checker.statement, checker.payments, checker.kpi, checker.cashflow,
                   checker.customer_value):
        try:
            report()
        except Exception as error:  # a workbook openpyxl cannot read
            checker.fail(report.__name__, 'cannot be read: %r' % error)
    for failure in checker.failures:
        print(failure, file=sys.stderr)
    print('%s: %d failure(s)' % (sys.argv[2], len(checker.failures)), file=sys.stderr)
    return 1 if checker.failures else 0


if __name__ == '__main__':
    sys.exit(main())
