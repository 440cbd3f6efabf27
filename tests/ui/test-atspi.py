#!/usr/bin/python3
# test-atspi.py — AT-SPI smoke test: the real Kassa binary is usable through
# the accessibility bus (dogtail).  Prints TAP.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-atspi.py KASSA_EXECUTABLE SCHEMA_DIR
# Needs a display and a session bus: run it under
#   xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- …

import os
import shutil
import subprocess
import sys
import tempfile
import time

COMPANY_NAME = 'Testi Oy'
CUSTOMER_NAME = 'Virtanen Design Oy'
TIMEOUT = 20.0


class Tap:
    def __init__(self, planned):
        self.count = 0
        self.failed = 0
        print('1..%d' % planned, flush=True)

    def result(self, ok, description, detail=None):
        self.count += 1
        if not ok:
            self.failed += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.count, description), flush=True)
        if detail:
            for line in str(detail).splitlines():
                print('# ' + line, flush=True)
        return ok


def prepare_environment(schema_dir):
    """A private data/config home with accessibility switched on in a keyfile
    GSettings backend; both this process (dogtail checks the key) and the
    app use it."""
    home = tempfile.mkdtemp(prefix='kassa-atspi-')
    env = dict(os.environ)
    for name in ('GTK_A11Y', 'NO_AT_BRIDGE'):
        env.pop(name, None)
    env.update({
        'HOME': home,
        'XDG_DATA_HOME': os.path.join(home, 'data'),
        'XDG_CONFIG_HOME': os.path.join(home, 'config'),
        'XDG_CACHE_HOME': os.path.join(home, 'cache'),
        'GSETTINGS_BACKEND': 'keyfile',
        # The app's schema from the build; org.gnome.desktop.interface is
        # still found through XDG_DATA_DIRS.
        'GSETTINGS_SCHEMA_DIR': schema_dir,
        'XDG_DATA_DIRS': env.get('XDG_DATA_DIRS') or '/usr/local/share:/usr/share',
        'GSK_RENDERER': 'cairo',
    })
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface',
                    'toolkit-accessibility', 'true'],
                   env=env, check=True, stdout=sys.stderr)
    os.environ.update(env)
    return home, env


def wait_for(find, timeout=TIMEOUT):
    """Calls find() until it returns something true (errors count as not
    yet), or gives up after timeout seconds and returns None."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = find()
        except Exception:  # the tree changes under us while the UI updates
            found = None
        if found or time.monotonic() > deadline:
            return found or None
        time.sleep(0.2)


def descendants(node, predicate):
    return node.findChildren(predicate, recursive=True)


def find_node(node, role, name=None, name_contains=None):
    """The first node with this role and name.  GTK 4.8 does not set the
    SHOWING state on a window's descendants, so hidden widgets (the narrow
    view switcher) count too; their actions work.  Names must match exactly:
    a button with visible text must not repeat it in an extra label."""
    def matches(n):
        if n.roleName != role:
            return False
        if name is not None and n.name != name:
            return False
        if name_contains is not None and name_contains not in n.name:
            return False
        return True

    found = descendants(node, matches)
    return found[0] if found else None


def find_toplevel(app, name):
    """A window by its title.  Not by role: GTK 4.8 exposes an AdwWindow
    (the editors) as a filler, not a frame."""
    found = [child for child in app.children if child.name == name]
    return found[0] if found else None


def click(node):
    node.doActionNamed('click')


def type_into(node, text):
    from gi.repository import Atspi
    Atspi.EditableText.set_text_contents(node, text)
    return Atspi.Text.get_character_count(node) == len(text)


def main():
    if len(sys.argv) != 3:
        print('Usage: %s KASSA_EXECUTABLE SCHEMA_DIR' % sys.argv[0], file=sys.stderr)
        return 2

    kassa, schema_dir = sys.argv[1], sys.argv[2]
    home, env = prepare_environment(schema_dir)

    # dogtail prints its search log to stdout, which must stay TAP.
    from dogtail.config import config
    config.logDebugToStdOut = False
    config.logDebugToFile = False
    config.searchCutoffCount = 5
    config.defaultDelay = 0.2
    from dogtail import tree

    tap = Tap(6)
    app_process = subprocess.Popen([kassa], env=env, stdout=sys.stderr)
    try:
        run_steps(tap, tree)
    except Exception as error:  # report, never hide, an unexpected failure
        tap.result(False, 'unexpected error', repr(error))
    finally:
        app_process.terminate()
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()
            app_process.wait()
        shutil.rmtree(home, ignore_errors=True)

    while tap.count < 6:
        tap.result(False, 'not reached')
    return 1 if tap.failed else 0


def run_steps(tap, tree):
    # 1. The app registers on the accessibility bus under its prgname.
    app = wait_for(lambda: [a for a in tree.root.applications() if a.name == 'kassa'])
    app = app[0] if app else None
    window = app and wait_for(lambda: find_node(app, 'frame'))
    if not tap.result(window is not None, 'kassa appears on the AT-SPI bus with a window'):
        return

    # 2. An empty company file: the welcome form, filled through AT-SPI.
    name_entry = wait_for(lambda: find_node(window, 'text', name='Company Name'))
    create = find_node(window, 'push button', name_contains='Create Company')
    typed = name_entry is not None and type_into(name_entry, COMPANY_NAME)
    if create is not None and typed:
        wait_for(lambda: create.sensitive)
        click(create)
    switcher = wait_for(lambda: find_node(window, 'page tab', name='Customers'))
    if not tap.result(typed and switcher is not None,
                      'welcome form: company name typed, Create Company clicked, pages shown'):
        return

    # 3. The header bar's buttons are labelled for assistive technology.
    missing = [label for label in ('New Invoice', 'Main Menu')
               if find_node(window, 'push button', name=label) is None]
    tap.result(not missing, 'header bar buttons “New Invoice” and “Main Menu” found by name',
               'missing: %s' % ', '.join(missing) if missing else None)

    # 4. The Customers page through the view switcher, then Add Customer.
    click(switcher)
    add = wait_for(lambda: find_node(window, 'push button', name='Add Customer'))
    if add is not None:
        click(add)
    editor = wait_for(lambda: find_toplevel(app, 'New Customer'))
    if not tap.result(add is not None and editor is not None,
                      'Customers page: “Add Customer” opens the customer editor'):
        return

    # 5. The customer's name, typed and saved.
    name_entry = wait_for(lambda: find_node(editor, 'text', name='Name'))
    save = find_node(editor, 'push button', name_contains='Save')
    typed = name_entry is not None and type_into(name_entry, CUSTOMER_NAME)
    if save is not None and typed:
        wait_for(lambda: save.sensitive)
        click(save)
    closed = wait_for(lambda: find_toplevel(app, 'New Customer') is None)
    tap.result(typed and save is not None and closed,
               'customer editor: name typed, Save clicked, editor closed')

    # 6. The new customer is in the customers table.
    cell = wait_for(lambda: find_node(window, 'label', name=CUSTOMER_NAME)
                    or find_node(window, 'table cell', name=CUSTOMER_NAME))
    tap.result(cell is not None, 'the customers table shows “%s”' % CUSTOMER_NAME)


if __name__ == '__main__':
    sys.exit(main())
