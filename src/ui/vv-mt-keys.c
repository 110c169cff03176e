/* vv-mt-keys.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "vv-core.h"
#include "vv-mt-keys.h"

static const SecretSchema *
key_schema (void)
{
  static const SecretSchema schema = {
    "io.github.visavis.Visavis.ApiKey", SECRET_SCHEMA_NONE,
    {
      { "provider", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *key = secret_password_lookup_finish (result, &error);

  /* No keyring (no session bus, locked…) means no key, not a failure */
  if (error != NULL)
    g_debug ("keyring: %s", error->message);
  g_task_return_pointer (task, key, g_free);
}

/**
 * vv_mt_key_lookup_async:
 *
 * Looks the key up: VISAVIS_<PROVIDER>_KEY first (for scripts and CI),
 * then the keyring.
 */
void
vv_mt_key_lookup_async (const char          *provider_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  char *from_env = vv_mt_provider_key_from_env (provider_id);

  if (from_env != NULL)
    {
      g_task_return_pointer (task, from_env, g_free);
      g_object_unref (task);
      return;
    }
  secret_password_lookup (key_schema (), cancellable, lookup_cb, task, "provider", provider_id, NULL);
}

/**
 * vv_mt_key_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when there is none
 */
char *
vv_mt_key_lookup_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  /* clearing a key that was not there is fine: only errors count */
  if (g_task_get_task_data (task) != NULL)
    secret_password_store_finish (result, &error);
  else
    secret_password_clear_finish (result, &error);

  if (error != NULL)
    g_task_return_new_error (task, error->domain, error->code,
                             _("Cannot save the API key in the keyring: %s"), error->message);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * vv_mt_key_store_async:
 * @key: (nullable): the key; empty or %NULL removes it
 */
void
vv_mt_key_store_async (const char          *provider_id,
                       const char          *key,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  const VvMtProviderInfo *info = vv_mt_provider_lookup_info (provider_id);
  g_autofree char *label = g_strdup_printf (_("Vis-à-vis: %s API key"), info ? _(info->name) : provider_id);

  if (key == NULL || *key == '\0')
    {
      secret_password_clear (key_schema (), cancellable, store_cb, task, "provider", provider_id, NULL);
      return;
    }
  g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
  secret_password_store (key_schema (), SECRET_COLLECTION_DEFAULT, label, key, cancellable,
                         store_cb, task, "provider", provider_id, NULL);
}

gboolean
vv_mt_key_store_finish (GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
/* With its URL and model from the settings and its key from the keyring
 * (or VISAVIS_<PROVIDER>_KEY) */
VvMtProvider *
vv_mt_provider_new_from_settings (const char  *id,
                                  const char  *key,
                                  GError     **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) urls = g_settings_get_value (settings, "mt-provider-urls");
  g_autoptr(GVariant) models = g_settings_get_value (settings, "mt-provider-models");
  g_autofree char *formality = g_settings_get_string (settings, "mt-formality");
  const char *url = NULL, *model = NULL;
  VvMtProvider *provider;

  g_variant_lookup (urls, id, "&s", &url);
  g_variant_lookup (models, id, "&s", &model);
  provider = vv_mt_provider_new_for_id (id, url, key, error);
  if (provider && model && VV_IS_MT_OPENAI (provider))
    vv_mt_openai_set_model (VV_MT_OPENAI (provider), model);
  if (provider)
    vv_mt_provider_set_formality (provider, formality);
  return provider;
}

