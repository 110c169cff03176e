/* vv-boilerplate.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VvBoilerplateKind:
 * @VV_BOILERPLATE_NONE: article text (or nothing recognised)
 * @VV_BOILERPLATE_CONSENT: cookie or consent banner text
 * @VV_BOILERPLATE_FOLLOW: "Suivez-nous sur Telegram" and the like
 * @VV_BOILERPLATE_DATELINE: "Publié le … Mis à jour le …", reading time
 * @VV_BOILERPLATE_BYLINE: "Par Jeanne Martin", "Propos recueillis par …"
 * @VV_BOILERPLATE_SHARE: share bars ("Partager sur Facebook", "Copier le lien")
 * @VV_BOILERPLATE_SUBSCRIBE: subscription, newsletter, log-in and paywall prompts
 * @VV_BOILERPLATE_RELATED: "À lire aussi", "Sur le même sujet"
 * @VV_BOILERPLATE_COMMENTS: "Commentaires (12)", "Réagir"
 * @VV_BOILERPLATE_TAGS: "Mots-clés : …"
 * @VV_BOILERPLATE_BREADCRUMB: "Accueil > Monde > Europe"
 * @VV_BOILERPLATE_LEGAL: copyright and legal footers
 * @VV_BOILERPLATE_BUTTON: lone button words ("OK", "J'accepte", "Facebook Twitter")
 * @VV_BOILERPLATE_CREDIT: photo credits ("Source: Reuters", "© AFP")
 * @VV_BOILERPLATE_AD: "Publicité", sponsored content
 *
 * What kind of site boilerplate a line of text is.
 */
typedef enum
{
  VV_BOILERPLATE_NONE,
  VV_BOILERPLATE_CONSENT,
  VV_BOILERPLATE_FOLLOW,
  VV_BOILERPLATE_DATELINE,
  VV_BOILERPLATE_BYLINE,
  VV_BOILERPLATE_SHARE,
  VV_BOILERPLATE_SUBSCRIBE,
  VV_BOILERPLATE_RELATED,
  VV_BOILERPLATE_COMMENTS,
  VV_BOILERPLATE_TAGS,
  VV_BOILERPLATE_BREADCRUMB,
  VV_BOILERPLATE_LEGAL,
  VV_BOILERPLATE_BUTTON,
  VV_BOILERPLATE_CREDIT,
  VV_BOILERPLATE_AD,
} VvBoilerplateKind;

/**
 * VvBoilerplateHints:
 * @VV_BOILERPLATE_HINT_NONE: nothing more to say
 * @VV_BOILERPLATE_HINT_LABEL: the line is a bare label ("À lire aussi",
 *   "Mots-clés :"): the short line that follows it belongs to it
 *
 * What a classified line says about its neighbours.
 */
typedef enum
{
  VV_BOILERPLATE_HINT_NONE  = 0,
  VV_BOILERPLATE_HINT_LABEL = 1 << 0,
} VvBoilerplateHints;

VvBoilerplateKind  vv_boilerplate_classify_line   (const char          *text,
                                                   VvBoilerplateHints  *hints);
const char        *vv_boilerplate_kind_to_string  (VvBoilerplateKind    kind);
char              *vv_boilerplate_normalize       (const char          *text,
                                                   gboolean             lower);

G_END_DECLS
