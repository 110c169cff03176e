/* test-boilerplate.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-boilerplate.h"
#include "vv-test-utils.h"

typedef struct
{
  const char        *name;
  VvBoilerplateKind  expected;
  const char        *text;
} Case;

/* Site furniture as it comes out of a copy and paste, and article
 * sentences that look like it. The negatives matter as much as the
 * positives: a classifier that flags every line that mentions cookies
 * would throw away articles about the CNIL. */
static const Case cases[] = {
  /* Cookie and consent banners */
  { "consent/cliquant", VV_BOILERPLATE_CONSENT,
    "En cliquant sur « Tout accepter », vous consentez au dépôt de cookies par nos partenaires." },
  { "consent/poursuivant", VV_BOILERPLATE_CONSENT,
    "En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies." },
  { "consent/utilise", VV_BOILERPLATE_CONSENT,
    "Le Quotidien du Sud utilise des cookies pour exploiter et améliorer ses services." },
  { "consent/nous-utilisons", VV_BOILERPLATE_CONSENT,
    "Nous utilisons des cookies et des technologies similaires pour mesurer l'audience." },
  { "consent/partenaires", VV_BOILERPLATE_CONSENT,
    "Nous et nos partenaires stockons et/ou accédons à des informations sur un appareil." },
  { "consent/choix", VV_BOILERPLATE_CONSENT,
    "Vous pouvez modifier vos choix à tout moment via la rubrique « Paramétrer vos choix »." },
  { "consent/politique", VV_BOILERPLATE_CONSENT,
    "Pour en savoir plus sur vos droits et nos pratiques en matière de cookies, consultez notre « Politique de confidentialité »" },
  { "consent/retirer", VV_BOILERPLATE_CONSENT,
    "Vous pouvez retirer votre consentement à tout moment en bas de page." },
  { "consent/capitals", VV_BOILERPLATE_CONSENT,
    "EN POURSUIVANT VOTRE NAVIGATION, VOUS ACCEPTEZ LE DÉPÔT DE COOKIES" },
  { "consent/traceurs", VV_BOILERPLATE_CONSENT,
    "Ce site dépose des traceurs sur votre terminal avec votre accord, à des fins de publicité." },
  { "not/consent/cnil", VV_BOILERPLATE_NONE,
    "La CNIL a infligé une amende de 150 millions d'euros à Google pour des cookies déposés sans consentement." },
  { "not/consent/recipe", VV_BOILERPLATE_NONE,
    "Vous pouvez préparer les cookies la veille et les conserver dans une boîte en métal." },
  { "not/consent/selon-nos-informations", VV_BOILERPLATE_NONE,
    "Selon nos informations, le site de l'enseigne dépose des cookies publicitaires sans le consentement des internautes." },
  { "not/consent/enquete", VV_BOILERPLATE_NONE,
    "Facebook utilise des cookies pour suivre les internautes, y compris ceux qui n'ont pas de compte." },
  { "not/consent/accepter", VV_BOILERPLATE_NONE,
    "Il faut tout accepter ou tout refuser, a résumé la ministre devant les députés." },

  /* Follow us */
  { "follow/telegram-glued", VV_BOILERPLATE_FOLLOW, "Suivez RT en français surTelegram" },
  { "follow/nous", VV_BOILERPLATE_FOLLOW, "Suivez-nous sur Facebook, X et Instagram" },
  { "follow/google", VV_BOILERPLATE_FOLLOW, "Retrouvez toute l'actualité sur Google Actualités" },
  { "follow/app", VV_BOILERPLATE_FOLLOW, "Téléchargez l’application du journal" },
  { "not/follow/guide", VV_BOILERPLATE_NONE,
    "Suivez le guide : la vieille ville se visite à pied, sur les traces de Victor Hugo." },
  { "not/follow/rejoignez", VV_BOILERPLATE_NONE,
    "Rejoignez la manifestation sur la place de la République, lançait le syndicat sur son site." },

  /* Datelines */
  { "dateline/publie", VV_BOILERPLATE_DATELINE, "Publié le 12 mars 2024 à 10h32, mis à jour à 12h05" },
  { "dateline/maj", VV_BOILERPLATE_DATELINE, "Mis à jour le 03/04/2025 à 08:15" },
  { "dateline/date-only", VV_BOILERPLATE_DATELINE, "Lundi 6 août 2018 à 19h45" },
  { "dateline/numeric", VV_BOILERPLATE_DATELINE, "12/03/2024 - 10:32" },
  { "dateline/lecture", VV_BOILERPLATE_DATELINE, "Temps de lecture : 4 min" },
  { "dateline/il-y-a", VV_BOILERPLATE_DATELINE, "Il y a 2 heures" },
  { "not/dateline/publie-sentence", VV_BOILERPLATE_NONE,
    "Publié le 12 mars, le rapport de la Cour des comptes pointe des dérives." },
  { "not/dateline/date-sentence", VV_BOILERPLATE_NONE,
    "Le 6 août au soir, l'armée est parvenue à reprendre la ville." },
  { "not/dateline/quatorze", VV_BOILERPLATE_NONE, "Le 14 juillet, la France célèbre sa fête nationale" },

  /* Bylines */
  { "byline/par", VV_BOILERPLATE_BYLINE, "Par Jeanne Martin" },
  { "byline/par-two", VV_BOILERPLATE_BYLINE, "Par Jean-Pierre Dubois et Sophie Le Gall" },
  { "byline/par-role", VV_BOILERPLATE_BYLINE, "Par Amélie Durand, correspondante à Bruxelles" },
  { "byline/propos", VV_BOILERPLATE_BYLINE, "Propos recueillis par Lucie Moreau" },
  { "byline/envoye", VV_BOILERPLATE_BYLINE, "De notre envoyé spécial à Kiev Paul Girard" },
  { "byline/avec-afp", VV_BOILERPLATE_BYLINE, "Le Journal avec AFP" },
  { "not/byline/par-ailleurs", VV_BOILERPLATE_NONE, "Par ailleurs, le gouvernement a promis une loi" },
  { "not/byline/par-sentence", VV_BOILERPLATE_NONE,
    "Par Toutatis, s'écriait le chef gaulois dans la bande dessinée." },

  /* Share bars */
  { "share/partager", VV_BOILERPLATE_SHARE, "Partager" },
  { "share/sur", VV_BOILERPLATE_SHARE, "Partager sur Facebook" },
  { "share/networks", VV_BOILERPLATE_SHARE, "Facebook Twitter LinkedIn E-mail" },
  { "share/bullets", VV_BOILERPLATE_SHARE, "Partager • Imprimer • Copier le lien" },
  { "not/share/pouvoir", VV_BOILERPLATE_NONE, "Partager le pouvoir avec les régions reste une promesse." },

  /* Subscriptions */
  { "subscribe/abonnez", VV_BOILERPLATE_SUBSCRIBE, "Abonnez-vous" },
  { "subscribe/newsletter", VV_BOILERPLATE_SUBSCRIBE, "Recevez gratuitement notre newsletter chaque matin" },
  { "subscribe/paywall", VV_BOILERPLATE_SUBSCRIBE, "Il vous reste 78 % de cet article à lire." },
  { "subscribe/deja", VV_BOILERPLATE_SUBSCRIBE, "Cet article est réservé aux abonnés. Déjà abonné ? Se connecter" },
  { "subscribe/offre", VV_BOILERPLATE_SUBSCRIBE, "Offre spéciale : 1 € par mois pendant 3 mois" },
  { "not/subscribe/abonnes", VV_BOILERPLATE_NONE, "Le quotidien a perdu 5 000 abonnés en un an, selon ses comptes." },
  { "not/subscribe/inscrivez", VV_BOILERPLATE_NONE,
    "« Inscrivez-vous sur les listes électorales », a rappelé le maire." },
  { "not/subscribe/connecter", VV_BOILERPLATE_NONE,
    "Il faut se connecter au réseau avant 8 heures, explique le technicien." },

  /* Related links */
  { "related/lire-aussi", VV_BOILERPLATE_RELATED,
    "Lire aussi : Le dernier reportage du journaliste tué à Alep (VIDEO)" },
  { "related/a-lire-aussi", VV_BOILERPLATE_RELATED, "À lire aussi" },
  { "related/meme-sujet", VV_BOILERPLATE_RELATED, "Sur le même sujet" },
  { "related/plus-lus", VV_BOILERPLATE_RELATED, "Les plus lus" },
  { "not/related/a-lire-les", VV_BOILERPLATE_NONE, "À lire les réactions, la réforme divise profondément." },
  { "not/related/voir", VV_BOILERPLATE_NONE, "Voir Naples et mourir, disait le proverbe." },

  /* Comments */
  { "comments/count", VV_BOILERPLATE_COMMENTS, "Commentaires (12)" },
  { "comments/number-first", VV_BOILERPLATE_COMMENTS, "34 commentaires" },
  { "comments/reagir", VV_BOILERPLATE_COMMENTS, "Réagir" },
  { "comments/voir", VV_BOILERPLATE_COMMENTS, "Voir les 58 commentaires" },
  { "not/comments/sentence", VV_BOILERPLATE_NONE,
    "Les commentaires du ministre ont suscité une vive polémique." },

  /* Tags */
  { "tags/mots-cles", VV_BOILERPLATE_TAGS, "Mots-clés : Syrie, Homs, armée" },
  { "tags/label", VV_BOILERPLATE_TAGS, "Mots clés" },
  { "tags/themes", VV_BOILERPLATE_TAGS, "Thèmes : Santé – Hôpital" },
  { "not/tags/themes-sentence", VV_BOILERPLATE_NONE,
    "Thèmes du débat : la dette, l'inflation et le chômage ont dominé la soirée." },

  /* Breadcrumbs */
  { "breadcrumb/accueil", VV_BOILERPLATE_BREADCRUMB, "Accueil > International > Moyen-Orient" },
  { "breadcrumb/chevrons", VV_BOILERPLATE_BREADCRUMB, "Actualité › Société › Justice" },
  { "breadcrumb/guillemet", VV_BOILERPLATE_BREADCRUMB, "Accueil » Économie" },
  { "not/breadcrumb/comparison", VV_BOILERPLATE_NONE,
    "Le taux est passé de 3 % > 4 % en un an, une hausse inédite depuis 2008." },

  /* Legal footers */
  { "legal/copyright", VV_BOILERPLATE_LEGAL, "© 2024 Le Journal du Sud. Tous droits réservés." },
  { "legal/reproduction", VV_BOILERPLATE_LEGAL, "Toute reproduction, même partielle, est interdite sans autorisation." },
  { "legal/links", VV_BOILERPLATE_LEGAL, "Mentions légales | CGU | Politique de confidentialité | Contact" },
  { "legal/plan", VV_BOILERPLATE_LEGAL, "Plan du site" },
  { "not/legal/droit", VV_BOILERPLATE_NONE,
    "Le droit d'auteur protège les œuvres pendant soixante-dix ans après la mort de l'auteur." },
  { "not/legal/contact", VV_BOILERPLATE_NONE, "Le contact a été rompu avec les otages mardi." },

  /* Lone buttons */
  { "button/ok", VV_BOILERPLATE_BUTTON, "OK" },
  { "button/jaccepte", VV_BOILERPLATE_BUTTON, "J’accepte" },
  { "button/glued", VV_BOILERPLATE_BUTTON, "Tout AccepterTout refuserParamétrer vos choix" },
  { "button/continuer", VV_BOILERPLATE_BUTTON, "Continuer sans accepter" },
  { "button/en-savoir-plus", VV_BOILERPLATE_BUTTON, "En savoir plus" },
  { "not/button/ok-sentence", VV_BOILERPLATE_NONE, "OK, mais à quel prix ?" },
  { "not/button/fermer-sentence", VV_BOILERPLATE_NONE, "Fermer les frontières ne suffira pas." },

  /* Credits */
  { "credit/source", VV_BOILERPLATE_CREDIT,
    "L'armée a repris le dernier fief de l'organisation (VIDEO) Source: Reuters" },
  { "credit/copyright-agency", VV_BOILERPLATE_CREDIT, "© AFP" },
  { "credit/agency", VV_BOILERPLATE_CREDIT, "AFP / Jean Dupont" },
  { "credit/photo", VV_BOILERPLATE_CREDIT, "Photo : Marie Lefèvre / Hans Lucas" },
  { "credit/illustration", VV_BOILERPLATE_CREDIT, "Photo d'illustration" },
  { "not/credit/source-sentence", VV_BOILERPLATE_NONE,
    "Une source militaire a confirmé l'information à l'agence : les combats ont cessé." },

  /* Advertising */
  { "ad/publicite", VV_BOILERPLATE_AD, "Publicité" },
  { "ad/suite", VV_BOILERPLATE_AD, "La suite après cette publicité" },
  { "not/ad/sentence", VV_BOILERPLATE_NONE, "La publicité en ligne a reculé de 4 % l'an dernier." },

  /* More furniture seen on French news sites */
  { "ad/outbrain", VV_BOILERPLATE_AD, "Recommandé par Outbrain" },
  { "ad/sponsorise-par", VV_BOILERPLATE_AD, "Contenus sponsorisés par Adnexus" },
  { "credit/caption-agency", VV_BOILERPLATE_CREDIT, "Des manifestants place de la République, le 12 mars. AFP/Jean Dupont" },
  { "credit/caption-parenthesis", VV_BOILERPLATE_CREDIT, "Le port de Marseille au petit matin (AFP)" },
  { "subscribe/aime", VV_BOILERPLATE_SUBSCRIBE, "Vous avez aimé cet article ?" },
  { "button/signaler", VV_BOILERPLATE_BUTTON, "Signaler une erreur" },
  { "button/selections", VV_BOILERPLATE_BUTTON, "Ajouter à vos sélections" },
  { "not/credit/afp-sentence", VV_BOILERPLATE_NONE, "Le ministre l'a confirmé mardi à l'AFP." },
  { "not/ad/propose", VV_BOILERPLATE_NONE, "Proposé par la commission, le texte sera voté en juin par les députés." },

  /* Ordinary article text */
  { "not/heading", VV_BOILERPLATE_NONE, "Une ville en ruines" },
  { "not/question", VV_BOILERPLATE_NONE, "Comment expliquez-vous ce revirement ?" },
  { "not/quote", VV_BOILERPLATE_NONE,
    "« L'armée a ciblé de manière précise les dernières positions », a assuré une source militaire." },
  { "not/empty", VV_BOILERPLATE_NONE, "   " },
};

static void
test_boilerplate_case (gconstpointer data)
{
  const Case *c = data;
  VvBoilerplateKind kind = vv_boilerplate_classify_line (c->text, NULL);

  if (kind != c->expected)
    g_test_fail_printf ("“%s”: expected %s, got %s", c->text,
                        vv_boilerplate_kind_to_string (c->expected),
                        vv_boilerplate_kind_to_string (kind));
}

static void
test_boilerplate_hints (void)
{
  VvBoilerplateHints hints;

  g_assert_cmpint (vv_boilerplate_classify_line ("À lire aussi :", &hints), ==, VV_BOILERPLATE_RELATED);
  g_assert_cmpint (hints, ==, VV_BOILERPLATE_HINT_LABEL);
  g_assert_cmpint (vv_boilerplate_classify_line ("Mots-clés", &hints), ==, VV_BOILERPLATE_TAGS);
  g_assert_cmpint (hints, ==, VV_BOILERPLATE_HINT_LABEL);
  g_assert_cmpint (vv_boilerplate_classify_line ("Lire aussi : Un autre article", &hints), ==, VV_BOILERPLATE_RELATED);
  g_assert_cmpint (hints, ==, VV_BOILERPLATE_HINT_NONE);
  g_assert_cmpint (vv_boilerplate_classify_line ("Un paragraphe.", &hints), ==, VV_BOILERPLATE_NONE);
  g_assert_cmpint (hints, ==, VV_BOILERPLATE_HINT_NONE);
}

static void
test_boilerplate_normalize (void)
{
  g_autofree char *low = vv_boilerplate_normalize ("  À\u00a0LIRE   aussi\u2019 «\u202fŒuvre\u202f» – fin ", TRUE);
  g_autofree char *cased = vv_boilerplate_normalize ("Élise Œuvre", FALSE);

  g_assert_cmpstr (low, ==, "a lire aussi' \" oeuvre \" - fin");
  g_assert_cmpstr (cased, ==, "Elise OEuvre");
  g_assert_null (vv_boilerplate_normalize ("\xff\xfe", TRUE));
  g_assert_cmpint (vv_boilerplate_classify_line ("\xff\xfe invalid", NULL), ==, VV_BOILERPLATE_NONE);
}

static void
test_boilerplate_kind_names (void)
{
  g_assert_cmpstr (vv_boilerplate_kind_to_string (VV_BOILERPLATE_NONE), ==, "none");
  g_assert_cmpstr (vv_boilerplate_kind_to_string (VV_BOILERPLATE_CONSENT), ==, "consent");
  g_assert_cmpstr (vv_boilerplate_kind_to_string (VV_BOILERPLATE_AD), ==, "ad");
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 60);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/boilerplate/classify/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_boilerplate_case);
    }
  g_test_add_func ("/core/boilerplate/hints", test_boilerplate_hints);
  g_test_add_func ("/core/boilerplate/normalize", test_boilerplate_normalize);
  g_test_add_func ("/core/boilerplate/kind-names", test_boilerplate_kind_names);

  return g_test_run ();
}
