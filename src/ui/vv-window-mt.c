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
#include "vv-suggestions-panel.h"
#include "vv-window-private.h"

/* The first enabled provider */
static char *
first_provider_id (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) providers = g_settings_get_strv (settings, "mt-providers");

  return g_strdup (providers && providers[0] ? providers[0] : "apertium");
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
  provider = vv_mt_provider_new_from_settings (id, key, &error);
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

/* Ctrl+n and the panel's "Use" buttons: the explicit action that may
 * replace a target with suggestion n */
static gboolean
insert_suggestion (VvWindow *self,
                   guint     position,
                   gint      n)
{
  const VvSuggestion *suggestion;
  g_autofree char *origin = NULL;
  VvSegment *segment;

  if (self->document == NULL || position >= vv_document_get_n_segments (self->document))
    return FALSE;
  segment = vv_document_get_segment (self->document, position);
  /* numbered as in the suggestions panel: enabled providers first */
  suggestion = segment && n >= 1 ? vv_suggestions_get_nth (segment, (guint) n) : NULL;
  if (suggestion == NULL || vv_segment_is_locked (segment))
    return FALSE;
  origin = g_strconcat ("mt:", suggestion->provider, NULL);
  vv_segment_set_target (segment, suggestion->text);
  vv_segment_set_origin (segment, origin);
  if (vv_segment_get_state (segment) == VV_SEGMENT_STATE_UNTRANSLATED)
    vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
  return TRUE;
}

static void
insert_suggestion_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  guint position = _vv_window_get_current_position (self);

  if (position == G_MAXUINT || !insert_suggestion (self, position, g_variant_get_int32 (parameter)))
    gtk_widget_error_bell (widget);
}

/* (position, n): a click on "Use" in the panel moved the focus away from
 * the segment, so the panel says which one; the focus goes back to it */
static void
use_suggestion_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  guint position, n;

  g_variant_get (parameter, "(uu)", &position, &n);
  if (!insert_suggestion (self, position, (gint) MIN (n, G_MAXINT)))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  _vv_window_focus_position (self, position);
}

/* Target language chooser (header bar) */

static const struct
{
  const char *code;
  const char *name;
} languages[] = {
  { "en", NC_("language", "English") },
  { "es", NC_("language", "Spanish") },
  { "ca", NC_("language", "Catalan") },
  { "de", NC_("language", "German") },
  { "it", NC_("language", "Italian") },
  { "pt", NC_("language", "Portuguese") },
  { "nl", NC_("language", "Dutch") },
  { "pl", NC_("language", "Polish") },
  { "ro", NC_("language", "Romanian") },
  { "oc", NC_("language", "Occitan") },
  { "eo", NC_("language", "Esperanto") },
  { "ru", NC_("language", "Russian") },
  { "uk", NC_("language", "Ukrainian") },
  { "ar", NC_("language", "Arabic") },
  { "zh", NC_("language", "Chinese") },
  { "ja", NC_("language", "Japanese") },
};

static void
append_language (VvWindow   *self,
                 const char *code,
                 const char *name)
{
  /* Translators: a language in the target-language chooser, e.g. "Spanish (es)" */
  g_autofree char *label = name ? g_strdup_printf (_("%s (%s)"), name, code) : g_strdup (code);

  gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (self->target_dropdown)), label);
  g_ptr_array_add (self->target_codes, g_strdup (code));
}

/* Shows the document's target language in the chooser */
static void
sync_target (VvWindow *self)
{
  const char *target = self->document ? vv_document_get_target_language (self->document) : NULL;
  guint index;

  if (self->target_codes == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_dropdown), self->document != NULL);
  if (target == NULL)
    return;
  if (!g_ptr_array_find_with_equal_func (self->target_codes, target, g_str_equal, &index))
    {
      append_language (self, target, NULL);
      index = self->target_codes->len - 1;
    }
  self->syncing_target = TRUE;
  gtk_drop_down_set_selected (self->target_dropdown, index);
  self->syncing_target = FALSE;
}

static void
on_target_selected_cb (VvWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->target_dropdown);
  const char *code;

  if (self->syncing_target || self->document == NULL || self->target_codes == NULL ||
      index >= self->target_codes->len)
    return;
  code = g_ptr_array_index (self->target_codes, index);
  if (g_strcmp0 (code, vv_document_get_target_language (self->document)) == 0)
    return;
  /* the stored suggestions were for the other language */
  vv_document_begin_batch (self->document);
  for (guint i = 0; i < vv_document_get_n_segments (self->document); i++)
    {
      VvSegment *segment = vv_document_get_segment (self->document, i);

      while (vv_segment_get_n_suggestions (segment) > 0)
        {
          g_autofree char *provider = g_strdup (vv_segment_get_suggestion (segment, 0)->provider);
          vv_segment_set_suggestion (segment, provider, NULL);
        }
    }
  vv_document_end_batch (self->document);
  vv_document_set_target_language (self->document, code);
  vv_suggestions_panel_refresh (self->suggestions_panel);
}

/* The suggestions panel follows the segment being edited */
static void
on_focus_widget_changed_cb (VvWindow *self)
{
  guint position = _vv_window_get_current_position (self);
  VvSegment *segment;

  if (self->document == NULL || position == G_MAXUINT)
    return;
  segment = vv_document_get_segment (self->document, position);
  if (segment != NULL)
    vv_suggestions_panel_set_segment (self->suggestions_panel, segment);
}

void
_vv_window_mt_set_document (VvWindow *self)
{
  vv_suggestions_panel_set_segment (self->suggestions_panel, NULL);
  if (self->document != NULL)
    g_signal_connect_object (self->document, "notify::target-language",
                             G_CALLBACK (sync_target), self, G_CONNECT_SWAPPED);
  sync_target (self);
}

void
_vv_window_mt_init (VvWindow *self)
{
  self->target_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (gtk_string_list_new (NULL)));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    append_language (self, languages[i].code, g_dpgettext2 (NULL, "language", languages[i].name));
  /* GTK 4.8 leaves the dropdown's inner button unnamed for screen readers */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->target_dropdown)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Target Language"), -1);
  g_signal_connect_object (self->target_dropdown, "notify::selected",
                           G_CALLBACK (on_target_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::focus-widget",
                           G_CALLBACK (on_focus_widget_changed_cb), self, G_CONNECT_SWAPPED);
  sync_target (self);
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
  g_clear_pointer (&self->target_codes, g_ptr_array_unref);
}

void
_vv_window_mt_class_init (GtkWidgetClass *widget_class)
{
  static const guint keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5,
                                GDK_KEY_6, GDK_KEY_7, GDK_KEY_8, GDK_KEY_9 };

  g_type_ensure (VV_TYPE_SUGGESTIONS_PANEL);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, suggestions_panel);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, target_dropdown);
  gtk_widget_class_install_action (widget_class, "win.translate-all", NULL, translate_all_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel-translation", NULL, cancel_translation_action_cb);
  gtk_widget_class_install_action (widget_class, "win.insert-suggestion", "i", insert_suggestion_action_cb);
  gtk_widget_class_install_action (widget_class, "win.use-suggestion", "(uu)", use_suggestion_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i], GDK_CONTROL_MASK, "win.insert-suggestion",
                                         "i", (gint32) (i + 1));
}
