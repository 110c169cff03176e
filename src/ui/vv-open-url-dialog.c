/* vv-open-url-dialog.c: "Open URL…", with progress and cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog fetches and imports the article itself (vv_import_uri_async in
 * a worker thread) and emits ::opened with the document; errors stay in the
 * dialog so that the address can be corrected. Cancel stops a running
 * download; pressed again (or Escape when idle) it closes the dialog.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vv-open-url-dialog.h"
#include "vv-segmentation-page.h"
#include "vv-settings.h"

struct _VvOpenUrlDialog
{
  AdwWindow       parent_instance;

  GtkEntry       *entry;
  GtkButton      *open_button;
  GtkButton      *cancel_button;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;

  GCancellable   *cancellable;
  VvFetchOptions  options;
  char           *uri;          /* being fetched */
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (VvOpenUrlDialog, vv_open_url_dialog, ADW_TYPE_WINDOW)

enum {
  OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_status (VvOpenUrlDialog *self,
            const char      *text,
            gboolean         is_error)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && *text != '\0');
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

/* "example.org/article" → "https://example.org/article" */
static char *
normalize_uri (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *scheme = g_uri_parse_scheme (trimmed);

  if (*trimmed == '\0')
    return NULL;
  if (scheme == NULL && strchr (trimmed, ' ') == NULL && strchr (trimmed, '.') != NULL)
    return g_strconcat ("https://", trimmed, NULL);
  return g_steal_pointer (&trimmed);
}

static void
update_sensitivity (VvOpenUrlDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *uri = normalize_uri (text);

  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), !self->busy && uri != NULL);
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), !self->busy);
}

static void
set_busy (VvOpenUrlDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, _("Connecting…"));
    }
  update_sensitivity (self);
}

static void
on_progress (goffset  received,
             goffset  total,
             gpointer user_data)
{
  VvOpenUrlDialog *self = user_data;
  g_autofree char *done = NULL;
  g_autofree char *text = NULL;

  if (!self->busy)
    return;
  done = g_format_size (received);
  if (total > 0)
    {
      g_autofree char *all = g_format_size (total);

      /* Translators: "120 kB of 300 kB" */
      text = g_strdup_printf (_("%s of %s"), done, all);
      gtk_progress_bar_set_fraction (self->progress_bar, CLAMP ((double)received / total, 0, 1));
    }
  else
    {
      /* Translators: "120 kB received" */
      text = g_strdup_printf (_("%s received"), done);
      gtk_progress_bar_pulse (self->progress_bar);
    }
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VvOpenUrlDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = vv_import_uri_finish (result, &error);

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  set_busy (self, FALSE);
  g_clear_object (&self->cancellable);

  if (document == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, _("Cancelled."), FALSE);
      else
        set_status (self, error->message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      return;
    }

  set_status (self, NULL, FALSE);
  g_signal_emit (self, signals[OPENED], 0, document);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * vv_open_url_dialog_open:
 * @self: a #VvOpenUrlDialog
 *
 * Starts fetching the address in the entry (what the Open button does).
 */
void
vv_open_url_dialog_open (VvOpenUrlDialog *self)
{
  g_autoptr(VvSegmenter) segmenter = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (VV_IS_OPEN_URL_DIALOG (self));

  if (self->busy)
    return;
  uri = normalize_uri (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  if (uri == NULL)
    return;
  if (!vv_fetch_is_url (uri))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an http or https address"), uri);
      set_status (self, message, TRUE);
      return;
    }

  g_free (self->uri);
  self->uri = g_strdup (uri);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), uri);
  set_status (self, NULL, FALSE);
  set_busy (self, TRUE);

  self->cancellable = g_cancellable_new ();
  /* the user's SRX rules when set, as for files */
  segmenter = vv_segmentation_make_segmenter (vv_settings_get_gsettings (vv_settings_get_default ()),
                                              "fr", NULL);
  if (segmenter == NULL)
    segmenter = vv_segmenter_new ("fr");
  vv_import_uri_async (uri, segmenter, &self->options,
                       on_progress, g_object_ref (self), g_object_unref,
                       self->cancellable, import_done_cb, g_object_ref (self));
}

/**
 * vv_open_url_dialog_cancel:
 * @self: a #VvOpenUrlDialog
 *
 * Stops a running download, or closes the dialog when there is none.
 */
void
vv_open_url_dialog_cancel (VvOpenUrlDialog *self)
{
  g_return_if_fail (VV_IS_OPEN_URL_DIALOG (self));

  if (self->busy)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
    }
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_open_button_clicked_cb (VvOpenUrlDialog *self)
{
  vv_open_url_dialog_open (self);
}

static void
on_cancel_button_clicked_cb (VvOpenUrlDialog *self)
{
  vv_open_url_dialog_cancel (self);
}

static void
on_entry_changed_cb (VvOpenUrlDialog *self)
{
  update_sensitivity (self);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  vv_open_url_dialog_cancel (VV_OPEN_URL_DIALOG (widget));
}

static void
vv_open_url_dialog_dispose (GObject *object)
{
  VvOpenUrlDialog *self = VV_OPEN_URL_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->busy = FALSE;
  gtk_widget_dispose_template (GTK_WIDGET (self), VV_TYPE_OPEN_URL_DIALOG);
  G_OBJECT_CLASS (vv_open_url_dialog_parent_class)->dispose (object);
}

static void
vv_open_url_dialog_finalize (GObject *object)
{
  VvOpenUrlDialog *self = VV_OPEN_URL_DIALOG (object);

  g_free (self->uri);
  G_OBJECT_CLASS (vv_open_url_dialog_parent_class)->finalize (object);
}

static void
vv_open_url_dialog_class_init (VvOpenUrlDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_open_url_dialog_dispose;
  object_class->finalize = vv_open_url_dialog_finalize;

  /**
   * VvOpenUrlDialog::opened:
   * @self: the dialog
   * @document: the imported article
   *
   * The article was fetched and imported; the dialog closes after this.
   */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, VV_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-open-url-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VvOpenUrlDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, VvOpenUrlDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, VvOpenUrlDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VvOpenUrlDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VvOpenUrlDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_open_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
vv_open_url_dialog_init (VvOpenUrlDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vv_fetch_options_init (&self->options);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->open_button));
}

VvOpenUrlDialog *
vv_open_url_dialog_new (GtkWindow *parent)
{
  return g_object_new (VV_TYPE_OPEN_URL_DIALOG, "transient-for", parent, NULL);
}

void
vv_open_url_dialog_set_uri (VvOpenUrlDialog *self,
                            const char      *uri)
{
  g_return_if_fail (VV_IS_OPEN_URL_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), uri ? uri : "");
}

const char *
vv_open_url_dialog_get_uri (VvOpenUrlDialog *self)
{
  g_return_val_if_fail (VV_IS_OPEN_URL_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/**
 * vv_open_url_dialog_set_fetch_options:
 * @self: a #VvOpenUrlDialog
 * @options: limits for the next fetch (tests use a short timeout)
 */
void
vv_open_url_dialog_set_fetch_options (VvOpenUrlDialog      *self,
                                      const VvFetchOptions *options)
{
  g_return_if_fail (VV_IS_OPEN_URL_DIALOG (self));
  self->options = *options;
}

gboolean
vv_open_url_dialog_get_busy (VvOpenUrlDialog *self)
{
  g_return_val_if_fail (VV_IS_OPEN_URL_DIALOG (self), FALSE);
  return self->busy;
}

/**
 * vv_open_url_dialog_get_status:
 * @self: a #VvOpenUrlDialog
 *
 * Returns: the message under the entry: an error, "Cancelled.", or ""
 */
const char *
vv_open_url_dialog_get_status (VvOpenUrlDialog *self)
{
  g_return_val_if_fail (VV_IS_OPEN_URL_DIALOG (self), NULL);
  return gtk_label_get_text (self->status_label);
}
