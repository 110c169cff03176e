/* vv-settings.c: the application's settings as GObject properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each property is bound to the GSettings key of the same name, so widgets
 * bind to one VvSettings object instead of each holding a GSettings.
 */

#include "config.h"

#include "vv-settings.h"

struct _VvSettings
{
  GObject    parent_instance;

  GSettings *settings;
  char      *author_name;
  char      *target_language;
  double     font_scale;
  int        window_width;
  int        window_height;
  gboolean   window_maximized;
  guint      autosave_interval;
  char      *color_scheme;
  char     **mt_providers;
  char     **recent_projects;
};

G_DEFINE_FINAL_TYPE (VvSettings, vv_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AUTHOR_NAME,
  PROP_TARGET_LANGUAGE,
  PROP_FONT_SCALE,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_AUTOSAVE_INTERVAL,
  PROP_COLOR_SCHEME,
  PROP_MT_PROVIDERS,
  PROP_RECENT_PROJECTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vv_settings_finalize (GObject *object)
{
  VvSettings *self = VV_SETTINGS (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->author_name, g_free);
  g_clear_pointer (&self->target_language, g_free);
  g_clear_pointer (&self->color_scheme, g_free);
  g_clear_pointer (&self->mt_providers, g_strfreev);
  g_clear_pointer (&self->recent_projects, g_strfreev);

  G_OBJECT_CLASS (vv_settings_parent_class)->finalize (object);
}

static void
vv_settings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VvSettings *self = VV_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;
    case PROP_TARGET_LANGUAGE:
      g_value_set_string (value, self->target_language);
      break;
    case PROP_FONT_SCALE:
      g_value_set_double (value, self->font_scale);
      break;
    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;
    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;
    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;
    case PROP_AUTOSAVE_INTERVAL:
      g_value_set_uint (value, self->autosave_interval);
      break;
    case PROP_COLOR_SCHEME:
      g_value_set_string (value, self->color_scheme);
      break;
    case PROP_MT_PROVIDERS:
      g_value_set_boxed (value, self->mt_providers);
      break;
    case PROP_RECENT_PROJECTS:
      g_value_set_boxed (value, self->recent_projects);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
vv_settings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VvSettings *self = VV_SETTINGS (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_AUTHOR_NAME:
      changed = set_string (&self->author_name, g_value_get_string (value));
      break;
    case PROP_TARGET_LANGUAGE:
      changed = set_string (&self->target_language, g_value_get_string (value));
      break;
    case PROP_FONT_SCALE:
      changed = self->font_scale != g_value_get_double (value);
      self->font_scale = g_value_get_double (value);
      break;
    case PROP_WINDOW_WIDTH:
      changed = self->window_width != g_value_get_int (value);
      self->window_width = g_value_get_int (value);
      break;
    case PROP_WINDOW_HEIGHT:
      changed = self->window_height != g_value_get_int (value);
      self->window_height = g_value_get_int (value);
      break;
    case PROP_WINDOW_MAXIMIZED:
      changed = self->window_maximized != g_value_get_boolean (value);
      self->window_maximized = g_value_get_boolean (value);
      break;
    case PROP_AUTOSAVE_INTERVAL:
      changed = self->autosave_interval != g_value_get_uint (value);
      self->autosave_interval = g_value_get_uint (value);
      break;
    case PROP_COLOR_SCHEME:
      changed = set_string (&self->color_scheme, g_value_get_string (value));
      break;
    case PROP_MT_PROVIDERS:
      {
        const char * const *providers = g_value_get_boxed (value);

        if (self->mt_providers != NULL && providers != NULL
            && g_strv_equal ((const char * const *) self->mt_providers, providers))
          break;
        g_strfreev (self->mt_providers);
        self->mt_providers = g_strdupv ((char **) providers);
        changed = TRUE;
      }
      break;
    case PROP_RECENT_PROJECTS:
      {
        const char * const *paths = g_value_get_boxed (value);

        if (self->recent_projects != NULL && paths != NULL
            && g_strv_equal ((const char * const *) self->recent_projects, paths))
          break;
        g_strfreev (self->recent_projects);
        self->recent_projects = g_strdupv ((char **) paths);
        changed = TRUE;
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
vv_settings_class_init (VvSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vv_settings_finalize;
  object_class->get_property = vv_settings_get_property;
  object_class->set_property = vv_settings_set_property;

  properties[PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL, "", flags);
  properties[PROP_TARGET_LANGUAGE] =
    g_param_spec_string ("target-language", NULL, NULL, "en", flags);
  properties[PROP_FONT_SCALE] =
    g_param_spec_double ("font-scale", NULL, NULL, 0.5, 3.0, 1.0, flags);
  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL, -1, G_MAXINT, 1200, flags);
  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL, -1, G_MAXINT, 800, flags);
  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL, FALSE, flags);
  properties[PROP_AUTOSAVE_INTERVAL] =
    g_param_spec_uint ("autosave-interval", NULL, NULL, 0, 3600, 2, flags);
  /* "default" (follow the system), "light" or "dark" */
  properties[PROP_COLOR_SCHEME] =
    g_param_spec_string ("color-scheme", NULL, NULL, "default", flags);
  properties[PROP_MT_PROVIDERS] =
    g_param_spec_boxed ("mt-providers", NULL, NULL, G_TYPE_STRV, flags);
  /* paths of *.visavis projects, newest first */
  properties[PROP_RECENT_PROJECTS] =
    g_param_spec_boxed ("recent-projects", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vv_settings_init (VvSettings *self)
{
  static const char * const keys[] = {
    "author-name", "target-language", "font-scale",
    "window-width", "window-height", "window-maximized",
    "autosave-interval", "color-scheme", "mt-providers", "recent-projects",
  };

  self->font_scale = 1.0;
  self->autosave_interval = 2;
  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_bind (self->settings, keys[i], self, keys[i], G_SETTINGS_BIND_DEFAULT);
}

/**
 * vv_settings_get_default:
 *
 * Returns: (transfer none): the process-wide settings object
 */
VvSettings *
vv_settings_get_default (void)
{
  static VvSettings *instance;

  if (instance == NULL)
    {
      instance = g_object_new (VV_TYPE_SETTINGS, NULL);
      g_object_add_weak_pointer (G_OBJECT (instance), (gpointer *) &instance);
    }

  return instance;
}

GSettings *
vv_settings_get_gsettings (VvSettings *self)
{
  g_return_val_if_fail (VV_IS_SETTINGS (self), NULL);
  return self->settings;
}

const char *
vv_settings_get_author_name (VvSettings *self)
{
  g_return_val_if_fail (VV_IS_SETTINGS (self), NULL);
  return self->author_name ? self->author_name : "";
}

/**
 * vv_settings_dup_effective_author:
 *
 * Returns: (transfer full): the author name from the settings, or the
 *   user's real name when it is empty
 */
char *
vv_settings_dup_effective_author (VvSettings *self)
{
  const char *name = vv_settings_get_author_name (self);

  if (name == NULL || *name == '\0')
    name = g_get_real_name ();
  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();

  return g_strdup (name);
}

const char *
vv_settings_get_target_language (VvSettings *self)
{
  g_return_val_if_fail (VV_IS_SETTINGS (self), NULL);
  return self->target_language ? self->target_language : "en";
}

double
vv_settings_get_font_scale (VvSettings *self)
{
  g_return_val_if_fail (VV_IS_SETTINGS (self), 1.0);
  return self->font_scale;
}

int
vv_settings_get_window_width (VvSettings *self)
{
  g_return_val_if_fail (VV_IS_SETTINGS (self), 1200);
  return self->window_width;
}

int
vv_settings_get_window_height (VvSettings *self)
{
  g_return_val_if_fail (VV_IS_SETTINGS (self), 800);
  return self->window_height;
}

gboolean
vv_settings_get_window_maximized (VvSettings *self)
{
  g_return_val_if_fail (VV_IS_SETTINGS (self), FALSE);
  return self->window_maximized;
}

guint
vv_settings_get_autosave_interval (VvSettings *self)
{
  g_return_val_if_fail (VV_IS_SETTINGS (self), 2);
  return self->autosave_interval;
}

const char *
vv_settings_get_color_scheme (VvSettings *self)
{
  g_return_val_if_fail (VV_IS_SETTINGS (self), "default");
  return self->color_scheme ? self->color_scheme : "default";
}

/**
 * vv_settings_get_mt_providers:
 *
 * Returns: (transfer none): the enabled machine-translation providers, in
 *   the order they are asked
 */
const char * const *
vv_settings_get_mt_providers (VvSettings *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (VV_IS_SETTINGS (self), none);
  return self->mt_providers ? (const char * const *) self->mt_providers : none;
}

/**
 * vv_settings_save_window_state:
 * @self: a #VvSettings
 * @window: the window that is closing
 *
 * Records the window's unmaximized size and whether it is maximized.
 */
void
vv_settings_save_window_state (VvSettings *self,
                               GtkWindow  *window)
{
  int width = 0, height = 0;

  g_return_if_fail (VV_IS_SETTINGS (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  /* GTK 4 keeps the unmaximized size of a resized window in default-size. */
  gtk_window_get_default_size (window, &width, &height);
  g_object_freeze_notify (G_OBJECT (self));
  if (width > 0)
    g_object_set (self, "window-width", width, NULL);
  if (height > 0)
    g_object_set (self, "window-height", height, NULL);
  g_object_set (self, "window-maximized", gtk_window_is_maximized (window), NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vv_settings_get_recent_projects:
 *
 * Returns: (transfer none): paths of the recently opened or saved
 *   projects, newest first
 */
const char * const *
vv_settings_get_recent_projects (VvSettings *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (VV_IS_SETTINGS (self), none);
  return self->recent_projects ? (const char * const *) self->recent_projects : none;
}

/**
 * vv_settings_add_recent_project:
 * @self: a #VvSettings
 * @file: a project that was opened or saved
 *
 * Puts @file first in recent-projects (once), keeping at most
 * %VV_SETTINGS_MAX_RECENT entries. Files without a local path are ignored.
 */
void
vv_settings_add_recent_project (VvSettings *self,
                                GFile      *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) paths = NULL;
  const char * const *old;
  guint n = 1;

  g_return_if_fail (VV_IS_SETTINGS (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  old = vv_settings_get_recent_projects (self);
  for (guint i = 0; old[i] != NULL && n < VV_SETTINGS_MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  paths = g_strv_builder_end (builder);
  g_object_set (self, "recent-projects", paths, NULL);
}
