/* vv-window-mt.c: machine translation in the window — "Translate all"
 * with progress, cancel and a summary toast; Ctrl+1…9 insert suggestion n
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

static void sync_target (VvWindow *self);

static const char *
language_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strcasecmp (languages[i].code, code) == 0)
      return g_dpgettext2 (NULL, "language", languages[i].name);
  return NULL;
}

static gboolean
reachable_from (GPtrArray  *pairs,
                const char *source,
                const char *target)
{
  g_autofree char *via = NULL;

  if (vv_mt_pairs_have (pairs, source, target))
    return TRUE;
  via = vv_mt_find_pivot (pairs, source, target);
  return via != NULL;
}

static gboolean
same_language (const char *a,
               const char *b)
{
  gsize la = strcspn (a, "-_"), lb = strcspn (b, "-_");

  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

static void
add_code (GPtrArray  *codes,
          const char *code)
{
  if (!g_ptr_array_find_with_equal_func (codes, code, (GEqualFunc) g_str_equal, NULL))
    g_ptr_array_add (codes, g_strdup (code));
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  const char *ca = *(const char * const *) a, *cb = *(const char * const *) b;
  int ia = G_MAXINT, ib = G_MAXINT;

  /* the usual languages in their usual order, then the others by code */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_ascii_strcasecmp (languages[i].code, ca) == 0)
        ia = (int) i;
      if (g_ascii_strcasecmp (languages[i].code, cb) == 0)
        ib = (int) i;
    }
  return ia != ib ? (ia < ib ? -1 : 1) : g_ascii_strcasecmp (ca, cb);
}

/* The chooser: the targets that the enabled providers reach from the
 * document's source language, directly or through a pivot; the fixed
 * list when none answered (offline) or one translates into anything */
static void
fill_languages (VvWindow *self)
{
  const char *source = self->document ? vv_document_get_source_language (self->document) : NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  GtkStringList *model = GTK_STRING_LIST (gtk_drop_down_get_model (self->target_dropdown));

  if (source == NULL)
    source = "fr";
  for (guint p = 0; self->provider_pairs && p < self->provider_pairs->len; p++)
    {
      GPtrArray *pairs = g_ptr_array_index (self->provider_pairs, p);

      for (guint i = 0; i < pairs->len; i++)
        {
          const VvMtLanguagePair *pair = g_ptr_array_index (pairs, i);

          /* not into the source language, nor a variant of it (en → en-GB) */
          if (g_str_equal (pair->target, "*") || same_language (pair->target, source))
            continue;
          if (reachable_from (pairs, source, pair->target))
            add_code (codes, pair->target);
        }
    }
  if (codes->len == 0 || self->languages_any)
    for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
      add_code (codes, languages[i].code);
  g_ptr_array_sort (codes, compare_codes);

  self->syncing_target = TRUE;
  gtk_string_list_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)), NULL);
  g_ptr_array_set_size (self->target_codes, 0);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      append_language (self, code, language_name (code));
    }
  self->syncing_target = FALSE;
  sync_target (self);
}

typedef struct
{
  VvWindow     *window;
  GCancellable *cancellable;
  char         *id;
} LanguagesCall;

static void
languages_call_free (LanguagesCall *call)
{
  g_object_unref (call->window);
  g_object_unref (call->cancellable);
  g_free (call->id);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LanguagesCall, languages_call_free)

static void
languages_answered (LanguagesCall *call,
                    GPtrArray     *pairs)
{
  VvWindow *self = call->window;

  if (g_cancellable_is_cancelled (call->cancellable))
    return;
  if (pairs != NULL)
    {
      for (guint i = 0; i < pairs->len; i++)
        if (g_str_equal (((VvMtLanguagePair *) g_ptr_array_index (pairs, i))->target, "*"))
          self->languages_any = TRUE;
      g_ptr_array_add (self->provider_pairs, g_ptr_array_ref (pairs));
    }
  if (self->languages_pending > 0)
    self->languages_pending--;
  fill_languages (self);
}

static void
target_languages_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LanguagesCall) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = vv_mt_provider_list_languages_finish (VV_MT_PROVIDER (object), result, &error);

  if (pairs == NULL)
    g_debug ("languages of %s: %s", call->id, error->message);
  languages_answered (call, pairs);
}

static void
languages_key_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LanguagesCall) call = user_data;
  g_autofree char *key = vv_mt_key_lookup_finish (result, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvMtProvider) provider = NULL;

  if (g_cancellable_is_cancelled (call->cancellable))
    return;
  provider = vv_mt_provider_new_from_settings (call->id, key, &error);
  if (provider == NULL)
    {
      languages_answered (call, NULL);
      return;
    }
  vv_mt_provider_set_timeout (provider, 10);
  {
    LanguagesCall *started = g_steal_pointer (&call);

    vv_mt_provider_list_languages_async (provider, started->cancellable, target_languages_cb, started);
  }
}

/**
 * _vv_window_mt_refresh_languages:
 *
 * Asks every enabled provider for its languages, without waiting: the
 * chooser keeps its list until they answer.
 */
void
_vv_window_mt_refresh_languages (VvWindow *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) providers = g_settings_get_strv (settings, "mt-providers");

  if (self->languages_cancellable)
    g_cancellable_cancel (self->languages_cancellable);
  g_clear_object (&self->languages_cancellable);
  self->languages_cancellable = g_cancellable_new ();
  g_ptr_array_set_size (self->provider_pairs, 0);
  self->languages_any = FALSE;
  self->languages_pending = g_strv_length (providers);
  for (guint p = 0; providers[p]; p++)
    {
      LanguagesCall *call = g_new0 (LanguagesCall, 1);

      call->window = g_object_ref (self);
      call->cancellable = g_object_ref (self->languages_cancellable);
      call->id = g_strdup (providers[p]);
      vv_mt_key_lookup_async (call->id, call->cancellable, languages_key_cb, call);
    }
  if (providers[0] == NULL)
    fill_languages (self);
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
    {
      g_signal_connect_object (self->document, "notify::target-language",
                               G_CALLBACK (sync_target), self, G_CONNECT_SWAPPED);
      /* the reachable targets depend on the source language */
      g_signal_connect_object (self->document, "notify::source-language",
                               G_CALLBACK (fill_languages), self, G_CONNECT_SWAPPED);
    }
  fill_languages (self);
}

void
_vv_window_mt_init (VvWindow *self)
{
  self->mt_settings = g_settings_new (APP_ID);
  self->target_codes = g_ptr_array_new_with_free_func (g_free);
  self->provider_pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (gtk_string_list_new (NULL)));
  /* the fixed list until the providers answer (or for good, offline) */
  fill_languages (self);
  _vv_window_mt_refresh_languages (self);
  g_signal_connect_object (self->mt_settings, "changed::mt-providers",
                           G_CALLBACK (_vv_window_mt_refresh_languages), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mt_settings, "changed::mt-provider-urls",
                           G_CALLBACK (_vv_window_mt_refresh_languages), self, G_CONNECT_SWAPPED);
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
  if (self->languages_cancellable)
    g_cancellable_cancel (self->languages_cancellable);
  g_clear_object (&self->languages_cancellable);
  g_clear_object (&self->mt_settings);
  g_clear_pointer (&self->provider_pairs, g_ptr_array_unref);
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
