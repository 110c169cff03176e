/* vv-window-mt.c: machine translation in the window — "Translate all"
 * with progress, cancel and a summary toast; Ctrl+1…9 insert suggestion n
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-core.h"
#include "vv-mt-keys.h"
#include "vv-settings.h"
#include "vv-window-private.h"

/* The first enabled provider */
static char *
first_provider_id (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) providers = g_settings_get_strv (settings, "mt-providers");

  return g_strdup (providers && providers[0] ? providers[0] : "apertium");
}

/* With its URL and model from the settings and its key from the keyring
 * (or VISAVIS_<PROVIDER>_KEY) */
static VvMtProvider *
make_provider (const char  *id,
               const char  *key,
               GError     **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) urls = g_settings_get_value (settings, "mt-provider-urls");
  g_autoptr(GVariant) models = g_settings_get_value (settings, "mt-provider-models");
  const char *url = NULL, *model = NULL;
  VvMtProvider *provider;

  g_variant_lookup (urls, id, "&s", &url);
  g_variant_lookup (models, id, "&s", &model);
  provider = vv_mt_provider_new_for_id (id, url, key, error);
  if (provider && model && VV_IS_MT_OPENAI (provider))
    vv_mt_openai_set_model (VV_MT_OPENAI (provider), model);
  return provider;
}

static void
set_running (VvWindow *self,
             gboolean  running)
{
  if (running)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, _("Translating…"));
    }
  else
    _vv_window_update_progress (self);   /* back to the document's progress */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.translate-all", !running && self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-translation", running);
}

static void
on_progress_cb (VvMtQueue *queue,
                guint      done,
                guint      total,
                VvWindow  *self)
{
  /* Translators: progress of "Translate all", in segments */
  g_autofree char *text = g_strdup_printf (_("Translating… %u/%u"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
toast (VvWindow   *self,
       const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
translated_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VvWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  VvMtSummary summary = { 0 };

  g_clear_object (&self->mt_cancellable);
  set_running (self, FALSE);
  if (!vv_mt_translate_document_finish (VV_MT_QUEUE (object), result, &summary, &error))
    {
      toast (self, error->message);
      return;
    }
  if (summary.n_failed == 0)
    /* Translators: summary toast of "Translate all" */
    message = g_strdup_printf (ngettext ("%u segment translated as a draft", "%u segments translated as drafts",
                                         summary.n_filled), summary.n_filled);
  else
    /* Translators: %1$u drafts, %2$u failures, %3$s why */
    message = g_strdup_printf (ngettext ("%1$u translated, %2$u failed: %3$s", "%1$u translated, %2$u failed: %3$s",
                                         summary.n_failed),
                               summary.n_filled, summary.n_failed,
                               summary.first_error ? summary.first_error->message : "");
  toast (self, message);
  vv_mt_summary_clear (&summary);
}

static void
start (VvWindow     *self,
       VvMtProvider *provider)
{
  g_autoptr(VvMtCache) cache = vv_mt_cache_new_default ();

  g_clear_object (&self->mt_queue);
  self->mt_queue = vv_mt_queue_new (provider, cache);
  g_signal_connect_object (self->mt_queue, "progress", G_CALLBACK (on_progress_cb), self, 0);
  vv_mt_translate_document_async (self->mt_queue, self->document, TRUE, self->mt_cancellable,
                                  translated_cb, g_object_ref (self));
}

static void
languages_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VvWindow) self = user_data;
  VvMtProvider *provider = VV_MT_PROVIDER (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = vv_mt_provider_list_languages_finish (provider, result, &error);
  const char *source, *target;
  g_autofree char *via = NULL;
  g_autoptr(VvMtProvider) pivot = NULL;

  if (pairs == NULL || self->document == NULL)
    {
      g_clear_object (&self->mt_cancellable);
      set_running (self, FALSE);
      if (error)
        toast (self, error->message);
      return;
    }
  source = vv_document_get_source_language (self->document);
  target = vv_document_get_target_language (self->document);
  if (vv_mt_pairs_have (pairs, source ? source : "fr", target))
    {
      start (self, provider);
      return;
    }
  via = vv_mt_find_pivot (pairs, source ? source : "fr", target);
  if (via == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s cannot translate into “%s”; choose another target language or provider"),
                                                  vv_mt_provider_get_display_name (provider), target);
      g_clear_object (&self->mt_cancellable);
      set_running (self, FALSE);
      toast (self, message);
      return;
    }
  /* fr→es→en when APy has no fr→en */
  pivot = vv_mt_pivot_new (provider, provider, via);
  start (self, pivot);
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(VvWindow) self = user_data;
  g_autofree char *key = vv_mt_key_lookup_finish (result, NULL);
  g_autofree char *id = g_object_steal_data (G_OBJECT (self), "vv-mt-provider-id");
  g_autoptr(GError) error = NULL;
  g_autoptr(VvMtProvider) provider = NULL;

  if (self->mt_cancellable == NULL || g_cancellable_is_cancelled (self->mt_cancellable) || self->document == NULL)
    {
      g_clear_object (&self->mt_cancellable);
      set_running (self, FALSE);
      return;
    }
  provider = make_provider (id, key, &error);
  if (provider == NULL)
    {
      g_clear_object (&self->mt_cancellable);
      set_running (self, FALSE);
      toast (self, error->message);
      return;
    }
  vv_mt_provider_list_languages_async (provider, self->mt_cancellable, languages_cb, g_object_ref (self));
}

static void
translate_all_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  g_autofree char *id = NULL;

  if (self->document == NULL || self->mt_cancellable != NULL)
    return;
  id = first_provider_id ();
  self->mt_cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  vv_mt_key_lookup_async (id, self->mt_cancellable, key_cb, g_object_ref (self));
  g_object_set_data_full (G_OBJECT (self), "vv-mt-provider-id", g_steal_pointer (&id), g_free);
}

static void
cancel_translation_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);

  if (self->mt_cancellable)
    {
      g_cancellable_cancel (self->mt_cancellable);
      gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
    }
}

/* Ctrl+n: the explicit action that may replace a target with suggestion n */
static void
insert_suggestion_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  guint position = _vv_window_get_current_position (self);
  gint n = g_variant_get_int32 (parameter);
  const VvSuggestion *suggestion;
  g_autofree char *origin = NULL;
  VvSegment *segment;

  if (self->document == NULL || position == G_MAXUINT)
    return;
  segment = vv_document_get_segment (self->document, position);
  if (segment == NULL || vv_segment_is_locked (segment) || n < 1 || (guint) n > vv_segment_get_n_suggestions (segment))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  suggestion = vv_segment_get_suggestion (segment, n - 1);
  origin = g_strconcat ("mt:", suggestion->provider, NULL);
  vv_segment_set_target (segment, suggestion->text);
  vv_segment_set_origin (segment, origin);
  if (vv_segment_get_state (segment) == VV_SEGMENT_STATE_UNTRANSLATED)
    vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
}

void
_vv_window_mt_update_actions (VvWindow *self)
{
  set_running (self, self->mt_cancellable != NULL);
}

void
_vv_window_mt_dispose (VvWindow *self)
{
  if (self->mt_cancellable)
    g_cancellable_cancel (self->mt_cancellable);
  g_clear_object (&self->mt_cancellable);
  g_clear_object (&self->mt_queue);
}

void
_vv_window_mt_class_init (GtkWidgetClass *widget_class)
{
  static const guint keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5,
                                GDK_KEY_6, GDK_KEY_7, GDK_KEY_8, GDK_KEY_9 };

  gtk_widget_class_install_action (widget_class, "win.translate-all", NULL, translate_all_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel-translation", NULL, cancel_translation_action_cb);
  gtk_widget_class_install_action (widget_class, "win.insert-suggestion", "i", insert_suggestion_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i], GDK_CONTROL_MASK, "win.insert-suggestion",
                                         "i", (gint32) (i + 1));
}
