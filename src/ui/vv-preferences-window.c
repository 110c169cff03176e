/* vv-preferences-window.c: the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the General page for now; later issues add MT and segmentation pages.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-mt-page.h"
#include "vv-preferences-window.h"
#include "vv-segmentation-page.h"
#include "vv-settings.h"

struct _VvPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *author_row;
  AdwEntryRow          *language_row;
  GtkSpinButton        *font_scale_spin;
  GtkSpinButton        *autosave_spin;
  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (VvPreferencesWindow, vv_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The style row lists the color-scheme values in this order. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_selected (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_strcmp0 (g_value_get_string (from), color_schemes[i]) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  g_value_set_uint (to, 0);
  return TRUE;
}

static gboolean
selected_to_scheme (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return FALSE;
  g_value_set_string (to, color_schemes[selected]);
  return TRUE;
}

/* libadwaita 1.2's preferences window has an icon-only search toggle with
 * only a tooltip: give it an accessible name. */
static void
name_search_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child) && gtk_button_get_icon_name (GTK_BUTTON (child)) != NULL
          && gtk_widget_get_ancestor (child, ADW_TYPE_HEADER_BAR) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Preferences"),
                                        -1);
      else
        name_search_button (child);
    }
}

static void
vv_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VV_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (vv_preferences_window_parent_class)->dispose (object);
}

static void
vv_preferences_window_class_init (VvPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VvPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, VvPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, VvPreferencesWindow, font_scale_spin);
  gtk_widget_class_bind_template_child (widget_class, VvPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, VvPreferencesWindow, style_row);
}

static void
vv_preferences_window_init (VvPreferencesWindow *self)
{
  VvSettings *settings = vv_settings_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  name_search_button (GTK_WIDGET (self));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (vv_segmentation_page_new ()));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (vv_mt_page_new ()));

  g_object_bind_property (settings, "author-name", self->author_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (settings, "target-language", self->language_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (settings, "autosave-interval",
                          gtk_spin_button_get_adjustment (self->autosave_spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (settings, "color-scheme", self->style_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               scheme_to_selected, selected_to_scheme, NULL, NULL);
  g_object_bind_property (settings, "font-scale",
                          gtk_spin_button_get_adjustment (self->font_scale_spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

GtkWidget *
vv_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (VV_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
