/* kassa-demo-rng-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seeded splitmix64 generator of the demo company, shared by
 * kassa-demo.c and kassa-demo-names.c.  Static inline because it runs for
 * every value of every generated row.  Internal to src/store.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 state;
} KassaDemoRng;

static inline guint64
kassa_demo_rng_next (KassaDemoRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Uniform in [low, high]. */
static inline gint64
kassa_demo_rng_range (KassaDemoRng *rng,
                      gint64        low,
                      gint64        high)
{
  return low + (gint64) (kassa_demo_rng_next (rng) % (guint64) (high - low + 1));
}

static inline gboolean
kassa_demo_rng_percent (KassaDemoRng *rng,
                        int           percent)
{
  return kassa_demo_rng_range (rng, 0, 99) < percent;
}

static inline double
kassa_demo_rng_unit (KassaDemoRng *rng)
{
  return (kassa_demo_rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

#define KASSA_DEMO_PICK(rng, array) \
  ((array)[kassa_demo_rng_range ((rng), 0, G_N_ELEMENTS (array) - 1)])

G_END_DECLS
