/* vv-export-dialog.c: choose a format and what to include, then export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vv-export-dialog.h"
#include "vv-window.h"

struct _VvExportDialog
{
  AdwWindow       parent_instance;

  VvDocument     *document;

  AdwComboRow    *format_row;
  AdwActionRow   *comments_row;
  AdwActionRow   *states_row;
  GtkSwitch      *boilerplate_switch;
  GtkSwitch      *comments_switch;
  GtkSwitch      *states_switch;
  GtkSwitch      *approved_switch;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (VvExportDialog, vv_export_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The format chosen last, for the next dialog of this session */
static char *last_format;

static void
update_sensitivity (VvExportDialog *self)
{
  const VvExportFormat *format = vv_export_dialog_get_format (self);
  gboolean bilingual = format != NULL && format->bilingual;
  g_autofree char *subtitle = NULL;

  /* comments and states only exist in bilingual files */
  gtk_widget_set_sensitive (GTK_WIDGET (self->comments_row), bilingual);
  gtk_widget_set_sensitive (GTK_WIDGET (self->states_row), bilingual);

  if (format != NULL)
    {
      /* Translators: %s is a file name extension such as "docx" */
      subtitle = g_strdup_printf (bilingual ? _("Bilingual, .%s") : _("Translation only, .%s"),
                                  format->extension);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), subtitle);
    }
}

static void
on_format_row_selected_cb (VvExportDialog *self)
{
  const VvExportFormat *format = vv_export_dialog_get_format (self);

  update_sensitivity (self);
  if (format != NULL)
    {
      g_free (last_format);
      last_format = g_strdup (format->id);
    }
}

static void
on_cancel_button_clicked_cb (VvExportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
suggest_name (VvExportDialog *self,
              const char     *extension)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GFile *project = parent && VV_IS_WINDOW (parent) ? vv_window_get_file (VV_WINDOW (parent)) : NULL;
  g_autofree char *base = NULL;

  if (project != NULL)
    {
      char *dot;

      base = g_file_get_basename (project);
      if ((dot = strrchr (base, '.')) != NULL && dot != base)
        *dot = '\0';
    }
  else
    {
      base = g_strdup (vv_document_get_title (self->document));
      g_strdelimit (base, "/\\:*?\"<>|\n\r\t", '-');
      if (g_utf8_strlen (base, -1) > 60)
        *g_utf8_offset_to_pointer (base, 60) = '\0';
      if (*g_strstrip (base) == '\0')
        {
          g_free (base);
          base = g_strdup (_("translation"));
        }
    }
  return g_strdup_printf ("%s.%s", base, extension);
}

static void
file_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(VvExportDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (vv_export_dialog_export_to_file (self, file, &error))
        gtk_window_destroy (GTK_WINDOW (self));
      else
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_export_button_clicked_cb (VvExportDialog *self)
{
  const VvExportFormat *format = vv_export_dialog_get_format (self);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (format == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Translation"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = suggest_name (self, format->extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
vv_export_dialog_dispose (GObject *object)
{
  VvExportDialog *self = VV_EXPORT_DIALOG (object);

  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), VV_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (vv_export_dialog_parent_class)->dispose (object);
}

static void
vv_export_dialog_class_init (VvExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_export_dialog_dispose;

  /**
   * VvExportDialog::exported:
   * @self: the dialog
   * @file: the file written
   *
   * Emitted after a successful export, before the dialog closes.
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/vv-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VvExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, VvExportDialog, comments_row);
  gtk_widget_class_bind_template_child (widget_class, VvExportDialog, states_row);
  gtk_widget_class_bind_template_child (widget_class, VvExportDialog, boilerplate_switch);
  gtk_widget_class_bind_template_child (widget_class, VvExportDialog, comments_switch);
  gtk_widget_class_bind_template_child (widget_class, VvExportDialog, states_switch);
  gtk_widget_class_bind_template_child (widget_class, VvExportDialog, approved_switch);
  gtk_widget_class_bind_template_child (widget_class, VvExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_format_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vv_export_dialog_init (VvExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *remembered = g_strdup (last_format);  /* setting the model resets it */
  const VvExportFormat *formats;
  guint n_formats;

  gtk_widget_init_template (GTK_WIDGET (self));

  formats = vv_export_get_formats (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    gtk_string_list_append (names, _(formats[i].name));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));

  if (remembered == NULL || !vv_export_dialog_set_format (self, remembered))
    adw_combo_row_set_selected (self->format_row, 0);
  update_sensitivity (self);
}

/**
 * vv_export_dialog_new:
 * @parent: (nullable): the window
 * @document: the document to export
 *
 * Returns: (transfer full): a new modal dialog; present it
 */
VvExportDialog *
vv_export_dialog_new (GtkWindow  *parent,
                      VvDocument *document)
{
  VvExportDialog *self;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), NULL);

  self = g_object_new (VV_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  return self;
}

const VvExportFormat *
vv_export_dialog_get_format (VvExportDialog *self)
{
  const VvExportFormat *formats;
  guint n_formats;
  guint selected;

  g_return_val_if_fail (VV_IS_EXPORT_DIALOG (self), NULL);

  formats = vv_export_get_formats (&n_formats);
  selected = adw_combo_row_get_selected (self->format_row);
  return selected < n_formats ? &formats[selected] : NULL;
}

gboolean
vv_export_dialog_set_format (VvExportDialog *self,
                             const char     *format_id)
{
  const VvExportFormat *formats;
  guint n_formats;

  g_return_val_if_fail (VV_IS_EXPORT_DIALOG (self), FALSE);

  formats = vv_export_get_formats (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    if (g_strcmp0 (formats[i].id, format_id) == 0)
      {
        adw_combo_row_set_selected (self->format_row, i);
        return TRUE;
      }
  return FALSE;
}

void
vv_export_dialog_get_options (VvExportDialog  *self,
                              VvExportOptions *options)
{
  g_return_if_fail (VV_IS_EXPORT_DIALOG (self));

  vv_export_options_init (options);
  options->include_boilerplate = gtk_switch_get_active (self->boilerplate_switch);
  options->include_comments = gtk_switch_get_active (self->comments_switch);
  options->include_states = gtk_switch_get_active (self->states_switch);
  options->only_approved = gtk_switch_get_active (self->approved_switch);
}

void
vv_export_dialog_set_options (VvExportDialog        *self,
                              const VvExportOptions *options)
{
  g_return_if_fail (VV_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->boilerplate_switch, options->include_boilerplate);
  gtk_switch_set_active (self->comments_switch, options->include_comments);
  gtk_switch_set_active (self->states_switch, options->include_states);
  gtk_switch_set_active (self->approved_switch, options->only_approved);
}

/**
 * vv_export_dialog_export_to_file:
 * @self: a #VvExportDialog
 * @file: where to write
 * @error: return location for an error
 *
 * Exports with the chosen format and options (what the Export button does
 * after the file chooser) and emits #VvExportDialog::exported.
 *
 * Returns: %TRUE on success
 */
gboolean
vv_export_dialog_export_to_file (VvExportDialog  *self,
                                 GFile           *file,
                                 GError         **error)
{
  const VvExportFormat *format = vv_export_dialog_get_format (self);
  VvExportOptions options;

  g_return_val_if_fail (VV_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  vv_export_dialog_get_options (self, &options);
  if (!vv_export_to_file (self->document, format->id, &options, file, NULL, error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, file);
  return TRUE;
}
