/* kassa-test-fixture.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the unit tests' fixtures share.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes path and, for a folder, everything in it (a test's temporary
 * company folder). */
void kassa_test_remove_tree (const char *path);

G_END_DECLS
