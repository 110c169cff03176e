/* vv-filter.c: which segments to show
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vv-filter.h"
#include "vv-review.h"
#include "vv-segment.h"

/* A plain struct, not a GObject: the UI wraps vv_filter_match_item() in a
 * GtkCustomFilter and calls gtk_filter_changed() after each setter. All
 * criteria combine with AND; an unset criterion lets everything through. */
struct _VvFilter
{
  guint          states;        /* VV_FILTER_STATE_BIT mask */
  VvFilterScope  scope;
  char          *needle;        /* casefolded, or NULL */
  gboolean       needle_ascii;
  char          *ascii_run;     /* the needle's longest ASCII run, lowercase, for a quick pre-check */
  gboolean       has_comments;
  gboolean       changed_since_mt;
  GHashTable    *qa_segments;   /* segment ids (GUINT_TO_POINTER), or NULL */
};

static guchar fold_table[256];

static void
init_fold_table (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint c = 0; c < 256; c++)
        fold_table[c] = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
      g_once_init_leave (&initialized, 1);
    }
}

VvFilter *
vv_filter_new (void)
{
  VvFilter *filter = g_new0 (VvFilter, 1);

  init_fold_table ();
  filter->states = VV_FILTER_ALL_STATES;
  filter->scope = VV_FILTER_SCOPE_BOTH;
  return filter;
}

void
vv_filter_free (VvFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->needle);
  g_free (filter->ascii_run);
  g_clear_pointer (&filter->qa_segments, g_hash_table_unref);
  g_free (filter);
}

/**
 * vv_filter_set_states:
 * @state_mask: VV_FILTER_STATE_BIT() of each state to show
 */
void
vv_filter_set_states (VvFilter *filter,
                      guint     state_mask)
{
  filter->states = state_mask & VV_FILTER_ALL_STATES;
}

guint
vv_filter_get_states (VvFilter *filter)
{
  return filter->states;
}

void
vv_filter_set_has_comments (VvFilter *filter,
                            gboolean  has_comments)
{
  filter->has_comments = !!has_comments;
}

void
vv_filter_set_changed_since_mt (VvFilter *filter,
                                gboolean  changed)
{
  filter->changed_since_mt = !!changed;
}

/**
 * vv_filter_set_qa_segments:
 * @segment_ids: (nullable) (transfer none): ids of segments with QA
 *   findings (keys GUINT_TO_POINTER (id)); %NULL to stop filtering on QA
 */
void
vv_filter_set_qa_segments (VvFilter   *filter,
                           GHashTable *segment_ids)
{
  g_clear_pointer (&filter->qa_segments, g_hash_table_unref);
  if (segment_ids)
    filter->qa_segments = g_hash_table_ref (segment_ids);
}

/**
 * vv_filter_set_text:
 * @text: (nullable): what to look for, case-insensitively; %NULL or ""
 *   for no text criterion
 */
void
vv_filter_set_text (VvFilter      *filter,
                    const char    *text,
                    VvFilterScope  scope)
{
  const char *run = NULL;
  gsize run_len = 0;

  g_clear_pointer (&filter->needle, g_free);
  g_clear_pointer (&filter->ascii_run, g_free);
  filter->scope = scope;
  if (text == NULL || *text == '\0')
    return;
  filter->needle = g_utf8_casefold (text, -1);
  filter->needle_ascii = TRUE;
  for (const char *p = filter->needle; *p;)
    {
      const char *start = p;

      while (*p && (guchar)*p < 0x80)
        p++;
      if ((gsize)(p - start) > run_len)
        {
          run = start;
          run_len = p - start;
        }
      if (*p)
        {
          filter->needle_ascii = FALSE;
          p = g_utf8_next_char (p);
        }
    }
  /* "été" has no ASCII run worth checking; "état" has "tat" */
  if (!filter->needle_ascii && run_len >= 2)
    filter->ascii_run = g_strndup (run, run_len);
}

gboolean
vv_filter_is_empty (VvFilter *filter)
{
  return filter->states == VV_FILTER_ALL_STATES && filter->needle == NULL &&
         !filter->has_comments && !filter->changed_since_mt && filter->qa_segments == NULL;
}

/* ASCII needles (most searches) skip casefolding the haystack: only ASCII
 * letters fold, and the needle has no other kind. @needle is lowercase. */
static gboolean
ascii_contains (const char *haystack,
                const char *needle)
{
  const guchar *h = (const guchar *)haystack;
  const guchar *n = (const guchar *)needle;
  guchar first = n[0];

  for (; *h; h++)
    {
      if (fold_table[*h] != first)
        continue;
      for (gsize i = 1;; i++)
        {
          if (n[i] == 0)
            return TRUE;
          if (fold_table[h[i]] != n[i])
            break;
        }
    }
  return FALSE;
}

static gboolean
text_contains (VvFilter   *filter,
               const char *haystack)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;
  if (filter->needle_ascii)
    return ascii_contains (haystack, filter->needle);
  /* an ASCII part of the needle must be there, in any case, before it is
   * worth casefolding the whole text */
  if (filter->ascii_run != NULL && !ascii_contains (haystack, filter->ascii_run))
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, filter->needle) != NULL;
}

gboolean
vv_filter_match (VvFilter  *filter,
                 VvSegment *segment)
{
  if ((filter->states & VV_FILTER_STATE_BIT (vv_segment_get_state (segment))) == 0)
    return FALSE;
  if (filter->has_comments && vv_segment_get_n_comments (segment) == 0)
    return FALSE;
  if (filter->qa_segments &&
      !g_hash_table_contains (filter->qa_segments, GUINT_TO_POINTER (vv_segment_get_id (segment))))
    return FALSE;
  if (filter->changed_since_mt && !vv_review_changed_since_mt (segment))
    return FALSE;
  if (filter->needle != NULL)
    {
      gboolean found = FALSE;

      if (filter->scope & VV_FILTER_SCOPE_SOURCE)
        found = text_contains (filter, vv_segment_get_source (segment));
      if (!found && (filter->scope & VV_FILTER_SCOPE_TARGET))
        found = text_contains (filter, vv_segment_get_target (segment));
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/**
 * vv_filter_match_item:
 * @item: a #VvSegment
 * @filter: a #VvFilter
 *
 * The #GtkCustomFilterFunc shape of vv_filter_match().
 */
gboolean
vv_filter_match_item (gpointer item,
                      gpointer filter)
{
  return vv_filter_match (filter, item);
}
