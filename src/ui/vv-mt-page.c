/* vv-mt-page.c: Preferences → Machine translation: enable and order the
 * providers (GSettings "mt-providers": enabled ones, first = Translate
 * All's, and the suggestions panel's order), server URL, API key
 * (keyring), model, a Test connection button with the result shown
 * inline, and the formality (GSettings "mt-formality")
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-core.h"
#include "vv-mt-keys.h"
#include "vv-mt-page.h"

struct _VvMtPage
{
  AdwPreferencesPage    parent_instance;

  AdwPreferencesGroup  *providers_group;
  AdwComboRow          *formality_row;
  GSettings            *settings;
  GCancellable         *cancellable;
  GPtrArray            *rows;       /* ProviderRows*, freed in finalize */
  GPtrArray            *shown;      /* ProviderRows* in the order on screen */
  gboolean              disposed;
};

G_DEFINE_FINAL_TYPE (VvMtPage, vv_mt_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct
{
  VvMtPage            *page;      /* async calls hold a reference on it */
  const VvMtProviderInfo *info;
  AdwExpanderRow      *expander;
  AdwEntryRow         *url_row;
  AdwPasswordEntryRow *key_row;
  AdwEntryRow         *model_row;
  AdwActionRow        *test_row;
  GtkButton           *test_button;
  GtkWidget           *up_button;
  GtkWidget           *down_button;
} ProviderRows;

/* mt-formality values, in the order of the combo row's items */
static const char * const formality_values[] = { "default", "more", "less" };

static char *
dict_get (GSettings  *settings,
          const char *key,
          const char *id)
{
  g_autoptr(GVariant) dict = g_settings_get_value (settings, key);
  const char *value = NULL;

  g_variant_lookup (dict, id, "&s", &value);
  return g_strdup (value ? value : "");
}

static void
dict_set (GSettings  *settings,
          const char *key,
          const char *id,
          const char *value)
{
  g_autoptr(GVariant) dict = g_settings_get_value (settings, key);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, id))
      g_variant_builder_add (&builder, "{ss}", k, v);
  if (value && *value)
    g_variant_builder_add (&builder, "{ss}", id, value);
  g_settings_set_value (settings, key, g_variant_builder_end (&builder));
}

static void
on_enable_cb (AdwExpanderRow *expander,
              GParamSpec     *pspec,
              ProviderRows   *rows)
{
  g_auto(GStrv) enabled = g_settings_get_strv (rows->page->settings, "mt-providers");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) out = NULL;
  gboolean on = adw_expander_row_get_enable_expansion (expander);

  for (guint i = 0; enabled[i]; i++)
    if (!g_str_equal (enabled[i], rows->info->id))
      g_strv_builder_add (builder, enabled[i]);
  if (on)
    g_strv_builder_add (builder, rows->info->id);
  out = g_strv_builder_end (builder);
  if (!g_strv_equal ((const char * const *) out, (const char * const *) enabled))
    g_settings_set_strv (rows->page->settings, "mt-providers", (const char * const *) out);
}

static void
on_url_changed_cb (AdwEntryRow  *row,
                   ProviderRows *rows)
{
  dict_set (rows->page->settings, "mt-provider-urls", rows->info->id, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_model_changed_cb (AdwEntryRow  *row,
                     ProviderRows *rows)
{
  dict_set (rows->page->settings, "mt-provider-models", rows->info->id, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
set_test_result (ProviderRows *rows,
                 const char   *text)
{
  adw_action_row_set_subtitle (rows->test_row, text);
  gtk_widget_set_sensitive (GTK_WIDGET (rows->test_button), TRUE);
}

static void
key_stored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ProviderRows *rows = user_data;
  g_autoptr(VvMtPage) page = rows->page;   /* the reference taken for the call */

  if (!vv_mt_key_store_finish (result, &error) && !page->disposed)
    set_test_result (rows, error->message);
}

static void
on_key_apply_cb (AdwEntryRow  *row,
                 ProviderRows *rows)
{
  g_object_ref (rows->page);
  vv_mt_key_store_async (rows->info->id, gtk_editable_get_text (GTK_EDITABLE (row)), rows->page->cancellable,
                         key_stored_cb, rows);
}

static void
languages_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ProviderRows *rows = user_data;
  g_autoptr(VvMtPage) page = rows->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = vv_mt_provider_list_languages_finish (VV_MT_PROVIDER (object), result, &error);
  g_autofree char *text = NULL;

  if (page->disposed)
    return;
  if (pairs == NULL)
    {
      set_test_result (rows, error->message);
      return;
    }
  if (pairs->len == 1 && g_str_equal (((VvMtLanguagePair *) pairs->pdata[0])->source, "*"))
    text = g_strdup (_("Connected: the server answers"));
  else
    /* Translators: result of "Test connection" */
    text = g_strdup_printf (ngettext ("Connected: %u language pair", "Connected: %u language pairs", pairs->len),
                            pairs->len);
  set_test_result (rows, text);
}

static void
test_key_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ProviderRows *rows = user_data;
  g_autoptr(VvMtPage) page = rows->page;
  g_autofree char *key = vv_mt_key_lookup_finish (result, NULL);
  g_autoptr(GError) error = NULL;
  const char *typed;
  const char *url;
  g_autoptr(VvMtProvider) provider = NULL;

  if (page->disposed)
    return;
  typed = gtk_editable_get_text (GTK_EDITABLE (rows->key_row));
  url = gtk_editable_get_text (GTK_EDITABLE (rows->url_row));
  provider = vv_mt_provider_new_for_id (rows->info->id, *url ? url : NULL, *typed ? typed : key, &error);

  if (provider == NULL)
    {
      set_test_result (rows, error->message);
      return;
    }
  vv_mt_provider_set_timeout (provider, 10);
  vv_mt_provider_list_languages_async (provider, page->cancellable, languages_cb, rows);
  g_steal_pointer (&page);   /* languages_cb releases it */
}

static void
on_test_clicked_cb (GtkButton    *button,
                    ProviderRows *rows)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  adw_action_row_set_subtitle (rows->test_row, _("Connecting…"));
  g_object_ref (rows->page);
  vv_mt_key_lookup_async (rows->info->id, rows->page->cancellable, test_key_cb, rows);
}

/* On screen: the enabled providers in their order, then the others in
 * the registry's; the arrows move an enabled provider within its list */
static void
sync_order (VvMtPage *self)
{
  g_auto(GStrv) enabled = g_settings_get_strv (self->settings, "mt-providers");
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  guint n_enabled = 0;
  gboolean same;

  for (guint e = 0; enabled[e]; e++)
    for (guint i = 0; i < self->rows->len; i++)
      {
        ProviderRows *rows = g_ptr_array_index (self->rows, i);

        if (g_str_equal (rows->info->id, enabled[e]) && !g_ptr_array_find (order, rows, NULL))
          g_ptr_array_add (order, rows);
      }
  n_enabled = order->len;
  for (guint i = 0; i < self->rows->len; i++)
    if (!g_ptr_array_find (order, g_ptr_array_index (self->rows, i), NULL))
      g_ptr_array_add (order, g_ptr_array_index (self->rows, i));

  same = order->len == self->shown->len;
  for (guint i = 0; same && i < order->len; i++)
    same = g_ptr_array_index (order, i) == g_ptr_array_index (self->shown, i);
  if (!same)
    {
      /* the group holds the only reference: keep the rows alive meanwhile */
      for (guint i = 0; i < self->shown->len; i++)
        {
          GtkWidget *expander = GTK_WIDGET (((ProviderRows *) g_ptr_array_index (self->shown, i))->expander);

          g_object_ref (expander);
          adw_preferences_group_remove (self->providers_group, expander);
        }
      for (guint i = 0; i < order->len; i++)
        {
          ProviderRows *rows = g_ptr_array_index (order, i);

          adw_preferences_group_add (self->providers_group, GTK_WIDGET (rows->expander));
          if (g_ptr_array_find (self->shown, rows, NULL))
            g_object_unref (rows->expander);
        }
      g_ptr_array_set_size (self->shown, 0);
      g_ptr_array_extend (self->shown, order, NULL, NULL);
    }
  for (guint i = 0; i < order->len; i++)
    {
      ProviderRows *rows = g_ptr_array_index (order, i);

      gtk_widget_set_sensitive (rows->up_button, i < n_enabled && i > 0);
      gtk_widget_set_sensitive (rows->down_button, i + 1 < n_enabled);
    }
}

static void
on_providers_changed_cb (GSettings  *settings,
                         const char *key,
                         VvMtPage   *self)
{
  sync_order (self);
}

static void
move_provider (ProviderRows *rows,
               int           delta)
{
  VvMtPage *self = rows->page;
  g_auto(GStrv) enabled = g_settings_get_strv (self->settings, "mt-providers");
  guint n = g_strv_length (enabled);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (enabled[i], rows->info->id))
      {
        int j = (int) i + delta;
        char *tmp;

        if (j < 0 || j >= (int) n)
          return;
        tmp = enabled[i];
        enabled[i] = enabled[j];
        enabled[j] = tmp;
        g_settings_set_strv (self->settings, "mt-providers", (const char * const *) enabled);
        /* keep the keyboard on the arrow that was used, if it still applies */
        if (gtk_widget_get_sensitive (delta < 0 ? rows->up_button : rows->down_button))
          gtk_widget_grab_focus (delta < 0 ? rows->up_button : rows->down_button);
        else
          gtk_widget_grab_focus (delta < 0 ? rows->down_button : rows->up_button);
        return;
      }
}

static void
on_up_clicked_cb (GtkButton    *button,
                  ProviderRows *rows)
{
  move_provider (rows, -1);
}

static void
on_down_clicked_cb (GtkButton    *button,
                    ProviderRows *rows)
{
  move_provider (rows, +1);
}

static GtkWidget *
arrow_button (const char *icon,
              const char *tooltip,
              const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
on_formality_selected_cb (AdwComboRow *row,
                          GParamSpec  *pspec,
                          VvMtPage    *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (formality_values))
    g_settings_set_string (self->settings, "mt-formality", formality_values[selected]);
}

static void
on_formality_changed_cb (GSettings  *settings,
                         const char *key,
                         VvMtPage   *self)
{
  g_autofree char *value = g_settings_get_string (settings, "mt-formality");

  for (guint i = 0; i < G_N_ELEMENTS (formality_values); i++)
    if (g_str_equal (value, formality_values[i]) && adw_combo_row_get_selected (self->formality_row) != i)
      adw_combo_row_set_selected (self->formality_row, i);
}

/* libadwaita 1.2's expander row switch has no accessible name: name it
 * after the provider ("Use DeepL"). */
static void
name_enable_switch (GtkWidget  *widget,
                    const char *provider)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SWITCH (child))
        {
          /* Translators: accessible name of the switch that enables a provider */
          g_autofree char *label = g_strdup_printf (_("Use %s"), provider);

          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
        }
      else
        name_enable_switch (child, provider);
    }
}

static void
add_provider (VvMtPage               *self,
              const VvMtProviderInfo *info)
{
  ProviderRows *rows = g_new0 (ProviderRows, 1);
  g_auto(GStrv) enabled = g_settings_get_strv (self->settings, "mt-providers");
  g_autofree char *url = dict_get (self->settings, "mt-provider-urls", info->id);
  g_autofree char *model = dict_get (self->settings, "mt-provider-models", info->id);

  rows->page = self;
  rows->info = info;
  rows->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_ptr_array_add (self->rows, rows);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander), _(info->name));
  adw_expander_row_set_subtitle (rows->expander, info->needs_key ? _("Needs an API key") : _("No key needed for a local server"));
  adw_expander_row_set_show_enable_switch (rows->expander, TRUE);
  name_enable_switch (GTK_WIDGET (rows->expander), _(info->name));
  adw_expander_row_set_enable_expansion (rows->expander, g_strv_contains ((const char * const *) enabled, info->id));
  g_signal_connect (rows->expander, "notify::enable-expansion", G_CALLBACK (on_enable_cb), rows);

  rows->url_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->url_row), _("Server URL"));
  gtk_editable_set_text (GTK_EDITABLE (rows->url_row), *url ? url : info->default_url);
  g_signal_connect (rows->url_row, "changed", G_CALLBACK (on_url_changed_cb), rows);
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->url_row));

  rows->key_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->key_row), _("API Key (saved in the keyring)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (rows->key_row), TRUE);
  g_signal_connect (rows->key_row, "apply", G_CALLBACK (on_key_apply_cb), rows);
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->key_row));

  if (g_str_equal (info->id, "openai"))
    {
      rows->model_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->model_row), _("Model"));
      gtk_editable_set_text (GTK_EDITABLE (rows->model_row), model);
      g_signal_connect (rows->model_row, "changed", G_CALLBACK (on_model_changed_cb), rows);
      adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->model_row));
    }

  {
    /* Translators: accessible names of the arrows that reorder the providers */
    g_autofree char *up = g_strdup_printf (_("Move %s Up"), _(info->name));
    g_autofree char *down = g_strdup_printf (_("Move %s Down"), _(info->name));
    GtkWidget *arrows = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    rows->up_button = arrow_button ("go-up-symbolic", _("Move Up"), up);
    rows->down_button = arrow_button ("go-down-symbolic", _("Move Down"), down);
    g_signal_connect (rows->up_button, "clicked", G_CALLBACK (on_up_clicked_cb), rows);
    g_signal_connect (rows->down_button, "clicked", G_CALLBACK (on_down_clicked_cb), rows);

    /* a linked pair, so that it does not read as the row's own expander arrow */
    gtk_widget_add_css_class (arrows, "linked");
    gtk_widget_set_valign (arrows, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (arrows), rows->up_button);
    gtk_box_append (GTK_BOX (arrows), rows->down_button);
    adw_expander_row_add_action (rows->expander, arrows);
  }

  rows->test_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->test_row), _("Connection"));
  rows->test_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Test Connection")));
  gtk_widget_set_valign (GTK_WIDGET (rows->test_button), GTK_ALIGN_CENTER);
  g_signal_connect (rows->test_button, "clicked", G_CALLBACK (on_test_clicked_cb), rows);
  adw_action_row_add_suffix (rows->test_row, GTK_WIDGET (rows->test_button));
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->test_row));
}

static void
vv_mt_page_dispose (GObject *object)
{
  VvMtPage *self = VV_MT_PAGE (object);

  self->disposed = TRUE;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VV_TYPE_MT_PAGE);
  G_OBJECT_CLASS (vv_mt_page_parent_class)->dispose (object);
}

static void
vv_mt_page_finalize (GObject *object)
{
  VvMtPage *self = VV_MT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_ptr_array_unref (self->shown);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (vv_mt_page_parent_class)->finalize (object);
}

static void
vv_mt_page_class_init (VvMtPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vv_mt_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = vv_mt_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visavis/Visavis/ui/vv-mt-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VvMtPage, providers_group);
  gtk_widget_class_bind_template_child (widget_class, VvMtPage, formality_row);
}

static void
vv_mt_page_init (VvMtPage *self)
{
  guint n = 0;
  const VvMtProviderInfo *all = vv_mt_provider_get_all (&n);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->shown = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    add_provider (self, &all[i]);
  sync_order (self);
  g_signal_connect_object (self->settings, "changed::mt-providers", G_CALLBACK (on_providers_changed_cb), self, 0);

  on_formality_changed_cb (self->settings, "mt-formality", self);
  g_signal_connect_object (self->settings, "changed::mt-formality", G_CALLBACK (on_formality_changed_cb), self, 0);
  g_signal_connect (self->formality_row, "notify::selected", G_CALLBACK (on_formality_selected_cb), self);
}

GtkWidget *
vv_mt_page_new (void)
{
  return g_object_new (VV_TYPE_MT_PAGE, NULL);
}
