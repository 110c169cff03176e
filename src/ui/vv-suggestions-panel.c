/* vv-suggestions-panel.c: every enabled provider's suggestion for the
 * segment being edited, numbered 1…n for Ctrl+1…9
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a segment is shown (and the panel is on screen), one request per
 * enabled provider (GSettings "mt-providers") goes through a VvMtQueue
 * sharing the on-disk cache, so a segment seen before costs nothing. The
 * answers are stored on the segment (vv_segment_set_suggestion); the list
 * shows the segment's suggestions in the order of the enabled providers,
 * then any others (e.g. from "Translate all" with a provider disabled
 * since). A provider that fails shows its message inline, never a dialog.
 * Moving to another segment cancels the requests still running. Each
 * suggestion has a "Use" button (win.use-suggestion, the same insertion
 * as Ctrl+n); the list follows the providers' order when it changes.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-mt-keys.h"
#include "vv-suggestions-panel.h"

struct _VvSuggestionsPanel
{
  GtkWidget    parent_instance;

  GtkLabel    *status_label;
  GtkListBox  *list;

  VvSegment   *segment;
  VvDocument  *document;
  gulong       changed_handler;
  GCancellable *cancellable;   /* the requests for this segment */
  VvMtCache   *cache;
  GHashTable  *errors;         /* provider id → message, for this segment */
  GHashTable  *names;          /* provider id → display name */
  GPtrArray   *pending;        /* provider ids still fetching */
  gboolean     fetched;        /* requests sent for this segment */
  GSettings   *settings;
};

G_DEFINE_FINAL_TYPE (VvSuggestionsPanel, vv_suggestions_panel, GTK_TYPE_WIDGET)

typedef struct
{
  VvSuggestionsPanel *panel;
  VvSegment          *segment;
  GCancellable       *cancellable;
  char               *id;
  VvMtProvider       *provider;
  VvMtQueue          *queue;
  char               *source_lang;
  char               *target_lang;
  gboolean            pivoted;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->panel);
  g_object_unref (fetch->segment);
  g_object_unref (fetch->cancellable);
  g_free (fetch->id);
  g_clear_object (&fetch->provider);
  g_clear_object (&fetch->queue);
  g_free (fetch->source_lang);
  g_free (fetch->target_lang);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_free)

static char **
enabled_providers (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_strv (settings, "mt-providers");
}

/**
 * vv_suggestions_get_nth:
 * @segment: a segment
 * @n: 1-based number, as shown in the panel and used by Ctrl+n
 *
 * Returns: (nullable): suggestion @n: the enabled providers' suggestions
 * in the order of the providers, then the segment's other suggestions
 */
const VvSuggestion *
vv_suggestions_get_nth (VvSegment *segment,
                        guint      n)
{
  g_auto(GStrv) providers = enabled_providers ();
  guint count = 0, n_suggestions = vv_segment_get_n_suggestions (segment);

  if (n == 0)
    return NULL;
  for (guint p = 0; providers[p]; p++)
    for (guint i = 0; i < n_suggestions; i++)
      {
        const VvSuggestion *s = vv_segment_get_suggestion (segment, i);

        if (g_strcmp0 (s->provider, providers[p]) == 0 && ++count == n)
          return s;
      }
  for (guint i = 0; i < n_suggestions; i++)
    {
      const VvSuggestion *s = vv_segment_get_suggestion (segment, i);

      if (!g_strv_contains ((const char * const *) providers, s->provider) && ++count == n)
        return s;
    }
  return NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
display_name (VvSuggestionsPanel *self,
              const char         *id)
{
  const char *name = g_hash_table_lookup (self->names, id);

  return name ? name : id;
}

static GtkWidget *
make_row (const char *number,
          const char *heading,
          const char *text,
          const char *css_class,
          GtkWidget  *button)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *num = gtk_label_new (number);
  GtkWidget *head = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text);

  gtk_widget_set_valign (num, GTK_ALIGN_START);
  gtk_widget_add_css_class (num, "title-3");
  gtk_widget_set_size_request (num, 20, -1);
  gtk_label_set_xalign (GTK_LABEL (head), 0);
  gtk_widget_add_css_class (head, "caption-heading");
  gtk_widget_add_css_class (head, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  if (css_class)
    gtk_widget_add_css_class (body, css_class);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), body);
  gtk_box_append (GTK_BOX (row), num);
  gtk_box_append (GTK_BOX (row), box);
  if (button)
    gtk_box_append (GTK_BOX (row), button);
  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 8);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  return row;
}

/* "Use": the segment's position and the number, for win.use-suggestion */
static GtkWidget *
use_button (VvSegment *segment,
            guint      n)
{
  GtkWidget *button = gtk_button_new_with_label (_("Use"));
  /* Translators: accessible name of the "Use" button of suggestion n */
  g_autofree char *label = g_strdup_printf (_("Use Suggestion %u"), n);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Put this suggestion into the segment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.use-suggestion");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(uu)", vv_segment_get_position (segment), n);
  return button;
}

static void
update_list (VvSuggestionsPanel *self)
{
  g_auto(GStrv) providers = enabled_providers ();
  const VvSuggestion *s;

  clear_list (self->list);
  if (self->segment == NULL)
    {
      gtk_label_set_text (self->status_label, _("No segment selected"));
      gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
      return;
    }

  for (guint n = 1; (s = vv_suggestions_get_nth (self->segment, n)) != NULL; n++)
    {
      g_autofree char *number = g_strdup_printf ("%u", n);
      /* Translators: heading of suggestion n: provider name and its shortcut */
      g_autofree char *heading = n <= 9 ? g_strdup_printf (_("%s · Ctrl+%u"), display_name (self, s->provider), n)
                                        : g_strdup (display_name (self, s->provider));

      gtk_list_box_append (self->list, make_row (number, heading, s->text, NULL,
                                                 vv_segment_is_locked (self->segment) ? NULL : use_button (self->segment, n)));
    }
  for (guint p = 0; providers[p]; p++)
    {
      const char *error = g_hash_table_lookup (self->errors, providers[p]);

      if (error != NULL)
        gtk_list_box_append (self->list, make_row ("!", display_name (self, providers[p]), error, "error", NULL));
      else if (g_ptr_array_find_with_equal_func (self->pending, providers[p], g_str_equal, NULL) &&
               vv_segment_lookup_suggestion (self->segment, providers[p]) == NULL)
        gtk_list_box_append (self->list, make_row ("…", display_name (self, providers[p]),
                                                   _("Fetching a suggestion…"), "dim-label", NULL));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL);
  if (vv_segment_is_excluded (self->segment) ||
      (vv_segment_get_flags (self->segment) & VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE))
    gtk_label_set_text (self->status_label, _("This segment is not sent to machine translation (boilerplate or do not translate)."));
  else if (providers[0] == NULL && vv_segment_get_n_suggestions (self->segment) == 0)
    gtk_label_set_text (self->status_label,
                        _("No machine translation provider is enabled. Enable one in Preferences → Machine Translation."));
  else if (self->pending->len > 0)
    gtk_label_set_text (self->status_label, _("Fetching suggestions…"));
  else
    gtk_label_set_text (self->status_label, _("Ctrl+1…9 insert a suggestion into the segment."));
}

static void
fetch_done (Fetch *fetch)
{
  VvSuggestionsPanel *self = fetch->panel;
  guint index;

  if (g_cancellable_is_cancelled (fetch->cancellable) || fetch->segment != self->segment)
    return;
  if (g_ptr_array_find_with_equal_func (self->pending, fetch->id, g_str_equal, &index))
    g_ptr_array_remove_index (self->pending, index);
  update_list (self);
}

static void
fetch_failed (Fetch        *fetch,
              const GError *error)
{
  VvSuggestionsPanel *self = fetch->panel;

  if (g_cancellable_is_cancelled (fetch->cancellable) || fetch->segment != self->segment ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_hash_table_replace (self->errors, g_strdup (fetch->id), g_strdup (error->message));
  fetch_done (fetch);
}

static void translated_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data);

static void
start (Fetch        *fetch,
       VvMtProvider *provider)
{
  const char *texts[2] = { vv_segment_get_source (fetch->segment), NULL };

  g_clear_object (&fetch->queue);
  fetch->queue = vv_mt_queue_new (provider, fetch->panel->cache);
  /* someone is waiting: one quick retry, not the batch run's five */
  vv_mt_queue_set_backoff (fetch->queue, 500, 1000, 2);
  vv_mt_queue_translate_async (fetch->queue, fetch->source_lang, fetch->target_lang, texts,
                               fetch->cancellable, translated_cb, fetch);
}

/* No direct pair (APy has no fr→en): through a pivot, as Translate all */
static void
languages_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = vv_mt_provider_list_languages_finish (fetch->provider, result, &error);
  g_autofree char *via = pairs ? vv_mt_find_pivot (pairs, fetch->source_lang, fetch->target_lang) : NULL;
  g_autoptr(VvMtProvider) pivot = NULL;

  if (via == NULL)
    {
      if (error == NULL)
        error = g_error_new (VV_MT_ERROR, VV_MT_ERROR_UNSUPPORTED_PAIR,
                             _("%s cannot translate into “%s”; choose another target language or provider"),
                             vv_mt_provider_get_display_name (fetch->provider), fetch->target_lang);
      fetch_failed (fetch, error);
      fetch_free (fetch);
      return;
    }
  pivot = vv_mt_pivot_new (fetch->provider, fetch->provider, via);
  start (fetch, pivot);
}

static gboolean
fetch_free_idle_cb (gpointer data)
{
  fetch_free (data);
  return G_SOURCE_REMOVE;
}

static void
translated_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvMtResults) results = vv_mt_queue_translate_finish (VV_MT_QUEUE (object), result, &error);

  if (results != NULL && results->n_failed > 0 && !fetch->pivoted &&
      g_error_matches (vv_mt_results_get_first_error (results), VV_MT_ERROR, VV_MT_ERROR_UNSUPPORTED_PAIR) &&
      !g_cancellable_is_cancelled (fetch->cancellable))
    {
      fetch->pivoted = TRUE;
      /* the queue is let go by start() once the languages are known */
      vv_mt_provider_list_languages_async (fetch->provider, fetch->cancellable, languages_cb, fetch);
      return;
    }

  /* the queue may still be returning from this callback (an answer from
   * the cache comes back synchronously): let it go from an idle */
  g_idle_add (fetch_free_idle_cb, fetch);
  if (results == NULL)
    {
      fetch_failed (fetch, error);
      return;
    }
  if (results->n < 1 || results->translations[0] == NULL)
    {
      const GError *first = vv_mt_results_get_first_error (results);
      g_autoptr(GError) unknown = NULL;

      if (first == NULL)
        first = unknown = g_error_new (VV_MT_ERROR, VV_MT_ERROR_BAD_RESPONSE,
                                       _("%s returned no translation"),
                                       vv_mt_provider_get_display_name (fetch->provider));
      fetch_failed (fetch, first);
      return;
    }
  /* stored on the segment even if the user moved on: it is still right */
  vv_segment_set_suggestion (fetch->segment, fetch->id, results->translations[0]);
  fetch_done (fetch);
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  VvSuggestionsPanel *self = fetch->panel;
  g_autofree char *key = vv_mt_key_lookup_finish (result, NULL);
  g_autoptr(GError) error = NULL;
  VvDocument *document = vv_segment_get_document (fetch->segment);
  const char *source_lang;

  if (g_cancellable_is_cancelled (fetch->cancellable))
    return;
  fetch->provider = vv_mt_provider_new_from_settings (fetch->id, key, &error);
  if (fetch->provider == NULL)
    {
      fetch_failed (fetch, error);
      return;
    }
  g_hash_table_replace (self->names, g_strdup (fetch->id),
                        g_strdup (vv_mt_provider_get_display_name (fetch->provider)));
  source_lang = document ? vv_document_get_source_language (document) : NULL;
  fetch->source_lang = g_strdup (source_lang ? source_lang : "fr");
  fetch->target_lang = g_strdup (document ? vv_document_get_target_language (document) : "en");
  {
    Fetch *started = g_steal_pointer (&fetch);

    start (started, started->provider);
  }
}

static void
cancel (VvSuggestionsPanel *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_ptr_array_set_size (self->pending, 0);
  g_hash_table_remove_all (self->errors);
  self->fetched = FALSE;
}

static void
fetch_all (VvSuggestionsPanel *self)
{
  g_auto(GStrv) providers = enabled_providers ();
  g_autofree char *source = NULL;

  cancel (self);
  if (self->segment == NULL)
    return;
  self->fetched = TRUE;
  source = g_strdup (vv_segment_get_source (self->segment));
  /* not sent, as in Translate all: blank, boilerplate, do-not-translate */
  if (source == NULL || *g_strstrip (source) == '\0' || vv_segment_is_excluded (self->segment) ||
      (vv_segment_get_flags (self->segment) & VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE))
    {
      update_list (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  for (guint p = 0; providers[p]; p++)
    {
      Fetch *fetch = g_new0 (Fetch, 1);

      fetch->panel = g_object_ref (self);
      fetch->segment = g_object_ref (self->segment);
      fetch->cancellable = g_object_ref (self->cancellable);
      fetch->id = g_strdup (providers[p]);
      g_ptr_array_add (self->pending, g_strdup (providers[p]));
      vv_mt_key_lookup_async (fetch->id, fetch->cancellable, key_cb, fetch);
    }
  update_list (self);
}

static void
on_segment_changed_cb (VvDocument         *document,
                       VvSegment          *segment,
                       guint               change,
                       VvSuggestionsPanel *self)
{
  if (segment == self->segment && (change & VV_SEGMENT_CHANGE_SUGGESTIONS))
    update_list (self);
}

static void
disconnect (VvSuggestionsPanel *self)
{
  cancel (self);
  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->segment);
}

static void
vv_suggestions_panel_map (GtkWidget *widget)
{
  VvSuggestionsPanel *self = VV_SUGGESTIONS_PANEL (widget);

  GTK_WIDGET_CLASS (vv_suggestions_panel_parent_class)->map (widget);
  /* only fetch while on screen: hosted providers charge per character */
  if (self->segment != NULL && !self->fetched)
    fetch_all (self);
}

static void
vv_suggestions_panel_dispose (GObject *object)
{
  VvSuggestionsPanel *self = VV_SUGGESTIONS_PANEL (object);
  GtkWidget *child;

  disconnect (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VV_TYPE_SUGGESTIONS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (vv_suggestions_panel_parent_class)->dispose (object);
}

static void
vv_suggestions_panel_finalize (GObject *object)
{
  VvSuggestionsPanel *self = VV_SUGGESTIONS_PANEL (object);

  g_clear_object (&self->cache);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  G_OBJECT_CLASS (vv_suggestions_panel_parent_class)->finalize (object);
}

static void
vv_suggestions_panel_class_init (VvSuggestionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_suggestions_panel_dispose;
  object_class->finalize = vv_suggestions_panel_finalize;
  widget_class->map = vv_suggestions_panel_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-suggestions-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VvSuggestionsPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, VvSuggestionsPanel, list);

  gtk_widget_class_set_css_name (widget_class, "suggestionspanel");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
on_providers_changed_cb (VvSuggestionsPanel *self)
{
  /* the cache answers the providers already asked */
  if (self->segment != NULL)
    vv_suggestions_panel_refresh (self);
}

static void
vv_suggestions_panel_init (VvSuggestionsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cache = vv_mt_cache_new_default ();
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pending = g_ptr_array_new_with_free_func (g_free);
  /* providers reordered, enabled or disabled in the preferences */
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::mt-providers", G_CALLBACK (on_providers_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_list (self);
}

GtkWidget *
vv_suggestions_panel_new (void)
{
  return g_object_new (VV_TYPE_SUGGESTIONS_PANEL, NULL);
}

/**
 * vv_suggestions_panel_set_segment:
 * @segment: (nullable): the segment being edited
 *
 * Shows @segment's suggestions and, while the panel is on screen, fetches
 * one from every enabled provider (cancelling the previous segment's).
 */
void
vv_suggestions_panel_set_segment (VvSuggestionsPanel *self,
                                  VvSegment          *segment)
{
  g_return_if_fail (VV_IS_SUGGESTIONS_PANEL (self));

  if (segment == self->segment)
    return;
  disconnect (self);
  if (segment != NULL)
    {
      self->segment = g_object_ref (segment);
      self->document = vv_segment_get_document (segment);
      if (self->document != NULL)
        {
          g_object_ref (self->document);
          self->changed_handler = g_signal_connect (self->document, "segment-changed",
                                                    G_CALLBACK (on_segment_changed_cb), self);
        }
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        fetch_all (self);
    }
  update_list (self);
}

VvSegment *
vv_suggestions_panel_get_segment (VvSuggestionsPanel *self)
{
  g_return_val_if_fail (VV_IS_SUGGESTIONS_PANEL (self), NULL);
  return self->segment;
}

/**
 * vv_suggestions_panel_refresh:
 *
 * Fetches the suggestions again (e.g. after the target language changed);
 * when the panel is not on screen, on the next time it is shown.
 */
void
vv_suggestions_panel_refresh (VvSuggestionsPanel *self)
{
  g_return_if_fail (VV_IS_SUGGESTIONS_PANEL (self));

  cancel (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fetch_all (self);
  update_list (self);
}

/* Whether the requests for the current segment were sent */
gboolean
vv_suggestions_panel_get_fetched (VvSuggestionsPanel *self)
{
  g_return_val_if_fail (VV_IS_SUGGESTIONS_PANEL (self), FALSE);
  return self->fetched;
}

/* Providers still fetching for the current segment */
guint
vv_suggestions_panel_get_n_pending (VvSuggestionsPanel *self)
{
  g_return_val_if_fail (VV_IS_SUGGESTIONS_PANEL (self), 0);
  return self->pending->len;
}

static void
append_labels (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    append_labels (child, out);
}

/* The text of the list, one label a line (for tests and debugging) */
char *
vv_suggestions_panel_dup_text (VvSuggestionsPanel *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (VV_IS_SUGGESTIONS_PANEL (self), NULL);
  append_labels (GTK_WIDGET (self->list), out);
  return g_string_free (out, FALSE);
}
