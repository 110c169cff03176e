/* vv-segmentation-page.c: Preferences → Segmentation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built-in rules or a custom SRX file (GSettings key srx-file, empty for
 * the built-in rules), the state of the chosen rules, and the rule tester.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-segmentation-page.h"
#include "vv-segmentation-tester.h"
#include "vv-settings.h"

struct _VvSegmentationPage
{
  AdwPreferencesPage  parent_instance;

  GtkCheckButton     *builtin_check;
  GtkCheckButton     *custom_check;
  AdwActionRow       *custom_row;
  AdwActionRow       *status_row;

  GSettings          *settings;
  char               *custom_path;     /* last custom file, kept while built-in is chosen */
  GtkFileChooserNative *chooser;
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (VvSegmentationPage, vv_segmentation_page, ADW_TYPE_PREFERENCES_PAGE)

/**
 * vv_segmentation_make_segmenter:
 * @settings: the application's GSettings
 * @language: the source language
 *
 * Returns: (transfer full) (nullable): a segmenter with the rules chosen in
 *   the preferences, or %NULL with @error set when the custom file cannot be
 *   used
 */
VvSegmenter *
vv_segmentation_make_segmenter (GSettings   *settings,
                                const char  *language,
                                GError     **error)
{
  g_autofree char *path = g_settings_get_string (settings, "srx-file");
  g_autoptr(GFile) file = NULL;

  if (path[0] == '\0')
    return vv_segmenter_new (language);
  file = g_file_new_for_path (path);
  return vv_segmenter_new_from_file (file, language, error);
}

static void
update_status (VvSegmentationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvSegmenter) segmenter = vv_segmentation_make_segmenter (self->settings, "fr", &error);
  g_autofree char *path = g_settings_get_string (self->settings, "srx-file");
  g_autofree char *status = NULL;
  g_autofree char *escaped = NULL;

  self->updating = TRUE;
  if (path[0] != '\0')
    {
      g_free (self->custom_path);
      self->custom_path = g_strdup (path);
      gtk_check_button_set_active (self->custom_check, TRUE);
    }
  else
    gtk_check_button_set_active (self->builtin_check, TRUE);
  self->updating = FALSE;

  if (self->custom_path != NULL)
    {
      g_autofree char *display = g_filename_display_name (self->custom_path);
      g_autofree char *escaped_path = g_markup_escape_text (display, -1);
      adw_action_row_set_subtitle (self->custom_row, escaped_path);
    }
  else
    adw_action_row_set_subtitle (self->custom_row, _("No file chosen"));

  if (segmenter != NULL)
    status = g_strdup_printf (ngettext ("%u rule for French from %s", "%u rules for French from %s",
                                        vv_segmenter_get_n_rules (segmenter)),
                              vv_segmenter_get_n_rules (segmenter),
                              vv_segmenter_get_source_name (segmenter));
  else
    /* Translators: the SRX file could not be used; %s is the reason */
    status = g_strdup_printf (_("Not usable, the built-in rules apply: %s"), error->message);
  escaped = g_markup_escape_text (status, -1);
  adw_action_row_set_subtitle (self->status_row, escaped);
  if (segmenter != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "error");
}

static void
on_settings_changed_cb (VvSegmentationPage *self)
{
  update_status (self);
}

static void
chooser_response_cb (GtkNativeDialog    *dialog,
                     int                 response,
                     VvSegmentationPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "srx-file", path);
    }
  else if (self->custom_path == NULL)
    update_status (self);   /* back to the built-in rules */
  g_clear_object (&self->chooser);
}

static void
on_choose_button_clicked_cb (VvSegmentationPage *self)
{
  GtkFileFilter *filter;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose an SRX Rule File"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Use"), NULL);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("SRX rule files"));
  gtk_file_filter_add_pattern (filter, "*.srx");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_copy_response_cb (GtkNativeDialog    *dialog,
                       int                 response,
                       VvSegmentationPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GBytes) bytes = vv_segmenter_get_builtin_srx ("fr");
      g_autoptr(GError) error = NULL;
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (file != NULL &&
          !g_file_replace_contents (file, data, size, NULL, TRUE, G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, NULL, &error))
        {
          g_autofree char *message = g_markup_escape_text (error->message, -1);

          adw_action_row_set_subtitle (self->status_row, message);
          gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "error");
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_save_copy_button_clicked_cb (VvSegmentationPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save a Copy of the Built-in Rules"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "visavis-fr.srx");
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_copy_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_builtin_check_toggled_cb (VvSegmentationPage *self)
{
  if (self->updating || !gtk_check_button_get_active (self->builtin_check))
    return;
  g_settings_set_string (self->settings, "srx-file", "");
}

static void
on_custom_check_toggled_cb (VvSegmentationPage *self)
{
  if (self->updating || !gtk_check_button_get_active (self->custom_check))
    return;
  if (self->custom_path != NULL)
    g_settings_set_string (self->settings, "srx-file", self->custom_path);
  else
    on_choose_button_clicked_cb (self);
}

static void
on_tester_button_clicked_cb (VvSegmentationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvSegmenter) segmenter = vv_segmentation_make_segmenter (self->settings, "fr", &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *tester;

  if (segmenter == NULL)
    segmenter = vv_segmenter_new ("fr");
  tester = vv_segmentation_tester_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, segmenter);
  gtk_window_present (GTK_WINDOW (tester));
}

static void
vv_segmentation_page_dispose (GObject *object)
{
  VvSegmentationPage *self = (VvSegmentationPage *)object;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), VV_TYPE_SEGMENTATION_PAGE);
  G_OBJECT_CLASS (vv_segmentation_page_parent_class)->dispose (object);
}

static void
vv_segmentation_page_finalize (GObject *object)
{
  VvSegmentationPage *self = (VvSegmentationPage *)object;

  g_free (self->custom_path);
  G_OBJECT_CLASS (vv_segmentation_page_parent_class)->finalize (object);
}

static void
vv_segmentation_page_class_init (VvSegmentationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_segmentation_page_dispose;
  object_class->finalize = vv_segmentation_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-segmentation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VvSegmentationPage, builtin_check);
  gtk_widget_class_bind_template_child (widget_class, VvSegmentationPage, custom_check);
  gtk_widget_class_bind_template_child (widget_class, VvSegmentationPage, custom_row);
  gtk_widget_class_bind_template_child (widget_class, VvSegmentationPage, status_row);
  gtk_widget_class_bind_template_callback (widget_class, on_builtin_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tester_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_copy_button_clicked_cb);
}

static void
vv_segmentation_page_init (VvSegmentationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = vv_settings_get_gsettings (vv_settings_get_default ());
  g_signal_connect_object (self->settings, "changed::srx-file",
                           G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
  update_status (self);
}

GtkWidget *
vv_segmentation_page_new (void)
{
  return g_object_new (VV_TYPE_SEGMENTATION_PAGE, NULL);
}
