/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kassa-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KassaApplication) app = NULL;
  const char *localedir = g_getenv ("KASSA_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* KASSA_LOCALEDIR lets the build tree's catalogs serve an uninstalled run. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kassa_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
