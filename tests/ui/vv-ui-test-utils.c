/* vv-ui-test-utils.c: helpers shared by the widget tests
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-test-utils.h"
#include "vv-ui-test-utils.h"

/**
 * vv_ui_test_init:
 *
 * Opens the display, initialises libadwaita and the GLib test framework.
 *
 * Returns: %FALSE when there is no display (a TAP skip-all plan has been
 *   printed: the test returns 0); exits with 1 instead when
 *   VISAVIS_REQUIRE_DISPLAY=1
 */
gboolean
vv_ui_test_init (int    *argc,
                 char ***argv)
{
  if (!gtk_init_check ())
    {
      if (g_strcmp0 (g_getenv ("VISAVIS_REQUIRE_DISPLAY"), "1") == 0)
        {
          g_printerr ("no display, but VISAVIS_REQUIRE_DISPLAY=1\n");
          exit (1);
        }
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  vv_test_init (argc, argv);
  return TRUE;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until everything pending at default and idle
 * priority has run. */
void
vv_ui_test_flush (void)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, flag_cb, &done, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop for @ms milliseconds (timers, animations, file
 * monitors), whatever happens. */
void
vv_ui_test_run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* Iterates the main loop until @predicate holds or 10 s have passed. */
gboolean
vv_ui_test_wait_until (VvUiTestPredicate predicate,
                       gpointer          data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, flag_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

/* The first widget of @type in the tree under @widget (itself included),
 * depth first; NULL if there is none. */
GtkWidget *
vv_ui_test_find_descendant (GtkWidget *widget,
                            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = vv_ui_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}
