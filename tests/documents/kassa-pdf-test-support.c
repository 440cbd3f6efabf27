/* kassa-pdf-test-support.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the document tests share: running the poppler tools and comparing
 * their text output.
 */
#include "config.h"

#include <string.h>

#include "kassa-pdf-test-support.h"

/* The standard output of program, or NULL (and the test skipped) when it
 * is not installed. */
char *
run_tool (const char        *program,
          const char *const *args)
{
  g_autofree char *path = g_find_program_in_path (program);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status;

  if (path == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("%s is not installed", program);

      g_test_skip (reason);
      return NULL;
    }

  g_ptr_array_add (argv, path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &output, &errors, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", program, errors);

  return output;
}

/* pdftotext breaks lines and may print U+00A0 and U+202F as spaces: every
 * run of white space becomes one ASCII space. */
char *
normalize_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean in_space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          in_space = TRUE;
          continue;
        }
      if (in_space && out->len > 0)
        g_string_append_c (out, ' ');
      in_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

void
assert_contains (const char *text,
                 const char *expected)
{
  g_autofree char *wanted = normalize_space (expected);

  if (strstr (text, wanted) == NULL)
    g_error ("“%s” not found in:\n%s", wanted, text);
}
