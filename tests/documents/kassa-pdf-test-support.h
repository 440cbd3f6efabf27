/* kassa-pdf-test-support.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the document tests share: running the poppler tools and comparing
 * their text output.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The standard output of program with args (NULL-terminated), or NULL
 * with the test skipped when the program is not installed. */
char *run_tool        (const char        *program,
                       const char *const *args);
/* Every run of white space (also U+00A0 and U+202F) as one ASCII space:
 * pdftotext breaks lines and may print those as spaces. */
char *normalize_space (const char        *text);
/* Fails the test when expected (white space normalized) is not in text. */
void  assert_contains (const char        *text,
                       const char        *expected);

G_END_DECLS
