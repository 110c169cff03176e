/* vv-mt-page.c: Preferences → Machine translation: enable providers (in
 * the order they were enabled), server URL, API key (keyring), model, and
 * a Test connection button with the result shown inline
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
  GSettings            *settings;
  GCancellable         *cancellable;
  GPtrArray            *rows;       /* ProviderRows*, freed in finalize */
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
} ProviderRows;

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

  rows->test_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->test_row), _("Connection"));
  rows->test_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Test Connection")));
  gtk_widget_set_valign (GTK_WIDGET (rows->test_button), GTK_ALIGN_CENTER);
  g_signal_connect (rows->test_button, "clicked", G_CALLBACK (on_test_clicked_cb), rows);
  adw_action_row_add_suffix (rows->test_row, GTK_WIDGET (rows->test_button));
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->test_row));

  adw_preferences_group_add (self->providers_group, GTK_WIDGET (rows->expander));
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
  for (guint i = 0; i < n; i++)
    add_provider (self, &all[i]);
}

GtkWidget *
vv_mt_page_new (void)
{
  return g_object_new (VV_TYPE_MT_PAGE, NULL);
}
