/* vv-application.c: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-application.h"
#include "vv-preferences-window.h"
#include "vv-settings.h"
#include "vv-window.h"

struct _VvApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (VvApplication, vv_application, ADW_TYPE_APPLICATION)

static VvWindow *
find_empty_window (VvApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (VV_IS_WINDOW (l->data)
        && vv_window_get_document (l->data) == NULL
        && !vv_window_get_busy (l->data))
      return l->data;
  return NULL;
}

static void
vv_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (vv_window_new (GTK_APPLICATION (app)));
      gtk_window_present (window);
      /* recover unsaved work, or reopen the last project */
      vv_window_restore_session (VV_WINDOW (window));
      return;
    }
  gtk_window_present (window);
}

static void
vv_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  VvApplication *self = VV_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      VvWindow *window = find_empty_window (self);

      if (window == NULL)
        window = vv_window_new (GTK_APPLICATION (app));
      vv_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* "default" follows the system's light/dark preference; "light" and
 * "dark" force one style. */
static void
update_color_scheme (VvSettings *settings)
{
  const char *scheme = vv_settings_get_color_scheme (settings);
  AdwColorScheme adw_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    adw_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), adw_scheme);
}

static void
vv_application_startup (GApplication *app)
{
  VvSettings *settings;

  G_APPLICATION_CLASS (vv_application_parent_class)->startup (app);

  settings = vv_settings_get_default ();
  g_signal_connect_object (settings, "notify::color-scheme",
                           G_CALLBACK (update_color_scheme), settings, 0);
  update_color_scheme (settings);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
vv_application_shutdown (GApplication *app)
{
  /* Window state and other keys are written by the last window's
   * close-request: make sure they reach the backend before exit. */
  g_settings_sync ();

  G_APPLICATION_CLASS (vv_application_parent_class)->shutdown (app);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its own unsaved changes in close-request;
   * the application quits when the last window is gone. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Vis-à-vis authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Vis-à-vis"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Translate French articles side by side"),
                         "developers", developers,
                         "website", "https://github.com/visavis/visavis",
                         "issue-url", "https://github.com/visavis/visavis/issues",
                         "copyright", "© 2026 The Vis-à-vis authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_window_present (GTK_WINDOW (vv_preferences_window_new (gtk_application_get_active_window (app))));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
};

static void
vv_application_class_init (VvApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = vv_application_activate;
  app_class->open = vv_application_open;
  app_class->startup = vv_application_startup;
  app_class->shutdown = vv_application_shutdown;
}

static void
vv_application_init (VvApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_accels);
}

VvApplication *
vv_application_new (void)
{
  return g_object_new (VV_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/visavis/Visavis",
                       NULL);
}
