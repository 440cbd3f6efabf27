/* kassa-test-fixture.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-test-fixture"

#include "config.h"

#include <glib/gstdio.h>

#include "kassa-test-fixture.h"

void
kassa_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      kassa_test_remove_tree (child);
    }

  g_dir_close (dir);
  g_rmdir (path);
}
