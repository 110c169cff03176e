/* vv-recent-list.c: the recently opened projects, in the empty window
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A boxed list of the projects in VvSettings:recent-projects (newest
 * first), refilled when the setting changes; hidden when there are none.
 * Activating a row emits ::open with the project's GFile.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vv-recent-list.h"
#include "vv-settings.h"

/* rows shown at most */
#define MAX_ROWS 5

struct _VvRecentList
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (VvRecentList, vv_recent_list, GTK_TYPE_WIDGET)

enum {
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refill (VvRecentList *self)
{
  const char * const *paths = vv_settings_get_recent_projects (vv_settings_get_default ());
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; paths[i] != NULL && n < MAX_ROWS; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;
      GtkWidget *row;

      if (!g_file_query_exists (file, NULL))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder ? folder : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "file", g_steal_pointer (&file), g_object_unref);
      gtk_list_box_append (self->list_box, row);
      n++;
    }

  gtk_widget_set_visible (self->box, n > 0);
}

static void
on_row_activated_cb (VvRecentList  *self,
                     GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  if (file != NULL)
    g_signal_emit (self, signals[OPEN], 0, file);
}

static void
vv_recent_list_dispose (GObject *object)
{
  VvRecentList *self = VV_RECENT_LIST (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (vv_recent_list_parent_class)->dispose (object);
}

static void
vv_recent_list_class_init (VvRecentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_recent_list_dispose;

  /**
   * VvRecentList::open:
   * @file: the project to open
   */
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recentlist");
}

static void
vv_recent_list_init (VvRecentList *self)
{
  GtkWidget *title;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  title = gtk_label_new (_("Recent Projects"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self->box), title);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list_box));
  g_signal_connect_object (self->list_box, "row-activated",
                           G_CALLBACK (on_row_activated_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (vv_settings_get_default (), "notify::recent-projects",
                           G_CALLBACK (refill), self, G_CONNECT_SWAPPED);
  refill (self);
}

GtkWidget *
vv_recent_list_new (void)
{
  return g_object_new (VV_TYPE_RECENT_LIST, NULL);
}
