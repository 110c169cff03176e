/* vv-boilerplate.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "vv-boilerplate.h"
#include "vv-import-private.h"

/* Recognises French site boilerplate one line at a time. The rules work on
 * a normalised copy of the line (compatibility-decomposed, accents and case
 * dropped, typographic quotes, apostrophes and dashes made ASCII), so one
 * pattern covers "À lire aussi", "A LIRE AUSSI" and "à lire aussi". Most
 * rules are anchored at the start of the line and capped in length: site
 * furniture is short and stands on its own line, while an article sentence
 * that happens to mention cookies or subscribers is long and says more. */

typedef enum
{
  RULE_CASED     = 1 << 0,  /* match the text with its case kept */
  RULE_NO_PERIOD = 1 << 1,  /* the line must not end like a sentence */
  RULE_LABEL     = 1 << 2,  /* a bare label: the next line belongs to it */
  RULE_TIME_OK   = 1 << 3,  /* with RULE_NO_PERIOD: a clock time lifts it */
} RuleFlags;

typedef struct
{
  VvBoilerplateKind  kind;
  guint              max_chars;  /* 0: any length */
  RuleFlags          flags;
  const char        *pattern;
} Rule;

#define MONTHS "(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv|fevr|avr|juil|sept|oct|nov|dec)\\.?"
#define DAYS "(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
#define TIME "\\d{1,2} ?[h:] ?\\d{0,2}"
#define DATELINE_TAIL "( ?[,|-]? ?(mis|mise|modifie|actualise|publie|maj|a jour|lecture|par|\\d+ ?min).{0,100})?"
#define NETWORKS "(telegram|twitter|x|facebook|instagram|linkedin|youtube|tiktok|whatsapp|google (actualites|news)|threads|bluesky|mastodon|snapchat|flipboard|dailymotion|spotify|deezer|apple podcasts|notre chaine|nos reseaux( sociaux)?|les reseaux sociaux|l'appli(cation)?|notre appli(cation)?)"
#define NAME "[A-Z][A-Za-z'.-]*"
#define NAME_LINK "(de|du|des|la|le|van|von|da|di|et|d'[A-Z][A-Za-z-]*)"
#define COOKIE "(cookies?|traceurs?)"

static const Rule rules[] = {
  /* Advertising */
  { VV_BOILERPLATE_AD, 80, 0,
    "^(publicite|pub|sponsorise|contenu sponsorise|contenus sponsorises|contenu partenaire|"
    "contenu de marque|article sponsorise|annonce|publireportage|publi-reportage|"
    "publi-communique|en partenariat avec .{1,40}|la suite apres (cette |la )?(publicite|pub)|"
    "la suite de l'article apres (cette |la )?publicite|(sponsorise|propose|recommande) par .{1,40}|"
    "contenus? (sponsorises?|partenaires?)( par .{1,40})?)$" },
  { VV_BOILERPLATE_AD, 120, 0, "\\b(outbrain|taboola)\\b" },

  /* Comments */
  { VV_BOILERPLATE_COMMENTS, 60, 0,
    "^(\\d+ )?(commentaires?|reactions?)( ?\\(\\d+\\))? ?:?$" },
  { VV_BOILERPLATE_COMMENTS, 140, 0,
    "^(commenter|reagir|reagissez|commentez|je commente|voir les (\\d+ )?(commentaires|reactions)|"
    "afficher les (\\d+ )?commentaires|lire les (\\d+ )?commentaires|laisser un commentaire|"
    "ajouter un commentaire|ecrire un commentaire|vos commentaires|"
    "les commentaires sont (fermes|clos|desactives)|"
    "(vous devez etre connecte|connectez-vous|identifiez-vous) pour (commenter|reagir|laisser un commentaire).*)$" },

  /* Breadcrumbs */
  { VV_BOILERPLATE_BREADCRUMB, 200, RULE_NO_PERIOD,
    "^(accueil|home|une) ?[>/|\"\\x{203a}]" },
  { VV_BOILERPLATE_BREADCRUMB, 200, RULE_NO_PERIOD,
    "^[^>\\x{203a}.]{1,40}( [>\\x{203a}] [^>\\x{203a}.]{1,40}){2,}$" },

  /* Tags */
  { VV_BOILERPLATE_TAGS, 60, RULE_LABEL,
    "^(mots[- ]?cles|tags|sujets associes|sujets lies|thematiques|themes associes) ?:?$" },
  { VV_BOILERPLATE_TAGS, 250, RULE_NO_PERIOD,
    "^(mots[- ]?cles|tags?|themes?|sujets?( associes| lies)?|rubriques?|categories?|"
    "thematiques?|lire plus sur|voir plus sur|plus sur ces sujets|dans cet article) ?:" },

  /* Related links: a bare label, or a label followed by the linked title */
  { VV_BOILERPLATE_RELATED, 80, RULE_LABEL,
    "^(a lire aussi|lire aussi|a lire egalement|lire egalement|a lire|voir aussi|a voir aussi|"
    "a voir egalement|voir egalement|a voir|sur le meme sujet|sur le meme theme|"
    "dans la meme rubrique|a decouvrir( aussi| egalement)?|les plus lus|les plus partages|"
    "les plus commentes|les articles les plus lus|articles? (similaires|lies|associes|recommandes)|"
    "vous aimerez aussi|vous aimerez peut-etre aussi|vous pourriez aussi aimer|"
    "vous pourriez aimer|nos articles|a ne pas manquer|a la une|derniers articles|"
    "dernieres (actualites|infos|informations|videos)|les dernieres videos|en continu|"
    "l'actu en continu|ces articles peuvent vous interesser|recommande pour vous|"
    "nos recommandations|plus d'actualites|en ce moment|tendances?|lire plus|"
    "les plus populaires|populaires|notre selection|nos dossiers|dossier) ?[:>\"-]?$" },
  { VV_BOILERPLATE_RELATED, 260, 0,
    "^(a lire aussi|lire aussi|a lire egalement|lire egalement|voir aussi|a voir aussi|"
    "voir egalement|a voir egalement|sur le meme sujet|a decouvrir aussi|a decouvrir egalement|"
    "lire la suite|a relire) ?[:>\"-]? ?\\S" },

  /* "Follow us" */
  { VV_BOILERPLATE_FOLLOW, 180, 0,
    "^(suivez|suivre|retrouvez|rejoignez|abonnez-vous a|ecoutez|telechargez|"
    "retrouvez-nous|suivez-nous|rejoignez-nous|decouvrez)\\b.{0,80}\\b(sur|via) ?" NETWORKS "\\b" },
  { VV_BOILERPLATE_FOLLOW, 100, RULE_NO_PERIOD,
    "^(suivez|rejoignez|retrouvez)-nous\\b" },
  { VV_BOILERPLATE_FOLLOW, 150, 0,
    "^(telechargez|installez) (gratuitement )?(l'appli(cation)?|notre appli(cation)?)" },

  /* Share bars */
  { VV_BOILERPLATE_SHARE, 80, RULE_NO_PERIOD,
    "^(partager|partagez|partage)( (sur|cet article|l'article|ce contenu|la page|par e-?mail|"
    "par mail|via|sur les reseaux sociaux)\\b.{0,40})? ?:?$" },
  { VV_BOILERPLATE_SHARE, 60, 0,
    "^(copier le lien|lien copie|envoyer (par|a) (e-?mail|mail|courriel|un ami)|"
    "imprimer( l'article| cet article)?|offrir (cet|l')article|envoyer l'article)$" },

  /* Subscriptions, newsletters, paywalls */
  { VV_BOILERPLATE_SUBSCRIBE, 250, 0,
    "(abonnez-vous|je m'abonne|deja abonne|reservee? aux abonnes|notre newsletter|"
    "nos newsletters|(votre|vos) (newsletter|alertes)|recevez (notre|nos|gratuitement|chaque|toute)|"
    "creez (votre|un) compte|creer (un|votre) compte|offre (speciale|d'essai|decouverte|de bienvenue)|"
    "\\d+ ?(€|euros?) (le|par) (premier )?mois|essai gratuit|soutenez (la redaction|notre|le journalisme)|"
    "faites un don|il vous reste \\d+ ?% (de cet|de l')|"
    "la suite (de cet article |de l'article )?est reservee|pour lire la suite|cet article est reserve|"
    "contenu reserve|acces illimite)" },
  { VV_BOILERPLATE_SUBSCRIBE, 200, RULE_NO_PERIOD,
    "(^s'abonner|^inscrivez-vous|^connectez-vous|^identifiez-vous|^newsletters?$|^s'inscrire)" },

  { VV_BOILERPLATE_SUBSCRIBE, 120, 0,
    "^(vous avez aime|cet article vous a (plu|interesse)|vous aimez (cet article|nos articles)|"
    "soutenez-nous|aidez-nous|signaler (une erreur|un contenu|un abus|ce commentaire))" },

  /* Datelines and reading time */
  { VV_BOILERPLATE_DATELINE, 160, RULE_NO_PERIOD | RULE_TIME_OK,
    "^(publie|mis a jour|mise a jour|modifie|actualise|cree|poste|paru|edite|maj)( le| a| ?:| il y a| "
    "aujourd'hui| hier| en| depuis|$)" },
  { VV_BOILERPLATE_DATELINE, 160, RULE_NO_PERIOD | RULE_TIME_OK,
    "^(le )?(" DAYS " )?\\d{1,2}(er)? " MONTHS "( \\d{4})?( (a|-) " TIME ")?" DATELINE_TAIL "$" },
  { VV_BOILERPLATE_DATELINE, 160, RULE_NO_PERIOD | RULE_TIME_OK,
    "^(le )?\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}( (a|-) ?" TIME ")?" DATELINE_TAIL "$" },
  { VV_BOILERPLATE_DATELINE, 60, 0,
    "^((temps de )?lecture ?:? ?\\d+ ?(min|minutes?|mn)|\\d+ ?(min|minutes?|mn) (de lecture|a lire)|"
    "il y a \\d+ ?(min|minutes?|h|heures?|jours?))\\.?$" },

  /* Bylines */
  { VV_BOILERPLATE_BYLINE, 120, RULE_CASED | RULE_NO_PERIOD,
    "^(Par|PAR|Propos recueillis par|Texte|Textes|Reportage|Enquete|Avec|Interview|Entretien|"
    "De notre (envoye|envoyee|correspondant|correspondante)( special| speciale| permanent| permanente)?"
    "( a| au| en| aux) [A-Z][A-Za-z'-]*) ?:? " NAME "( +(" NAME "|" NAME_LINK "))*"
    "( ?[,(|-] ?.*| (Publie|Mis a jour|Le \\d|le \\d).*)?$" },
  { VV_BOILERPLATE_BYLINE, 60, RULE_NO_PERIOD,
    "^((la )?redaction( web| numerique| de [a-z' ]+)?|.{1,40} avec (afp|reuters|ap|agences|l'afp))$" },

  /* Legal footers (before credits: "© 2024 Le Monde" is not a photo credit) */
  { VV_BOILERPLATE_LEGAL, 300, 0,
    "(^(©|\\(c\\)|copyright) ?(\\d{4}|[^,]{0,40}tous droits)|tous droits reserves|"
    "droits de reproduction|reproduction (interdite|partielle ou totale|totale ou partielle)|"
    "toute reproduction)" },

  /* Photo credits */
  { VV_BOILERPLATE_CREDIT, 400, 0,
    "(^|[\\s(])(sources?|credits?|credits? photos?|photos?|illustration|images?|videos?|©) ?: ?[^.:]{1,60}$" },
  { VV_BOILERPLATE_CREDIT, 120, 0,
    "(^\\(?(©|\\(c\\)) ?\\S.{0,80}$|(^|\\s)© ?[\\w ./&-]{1,60}\\)?$)" },
  { VV_BOILERPLATE_CREDIT, 100, 0,
    "^\\(?(afp|reuters|ap|afp photo|belga|maxppp|sipa|getty images?|abaca|hans lucas|epa|"
    "anadolu|shutterstock|istock|wikimedia commons|dr|d\\.r\\.)\\)?( ?[/,] ?[\\w .-]{1,30}){0,3}$" },
  { VV_BOILERPLATE_CREDIT, 100, RULE_NO_PERIOD,
    "^\\(?(photo|illustration|image) (d'illustration|afp|reuters|d'archives?|archives?)\\b" },
  { VV_BOILERPLATE_CREDIT, 300, 0,
    "[.(/|-] ?(photo )?(afp|reuters|ap|belga|maxppp|sipa|getty images?|abaca|hans lucas|epa|anadolu)"
    "( ?/ ?[\\w .-]{1,40})?\\)?$" },

  /* Cookie and consent banners: phrases no article uses about itself */
  { VV_BOILERPLATE_CONSENT, 0, 0,
    "(en poursuivant (votre|la) navigation|"
    "(acceptez|accepter|accepte|refusez|refuser) (l'utilisation|le depot|l'usage|l'installation|"
    "la lecture|l'ensemble) (de|des) " COOKIE "|"
    "(nous|notre site|nos partenaires) (utilisons|deposons|stockons|utilise|depose)[^.]{0,60}"
    "(" COOKIE "|technologies similaires|informations sur (un|votre) (appareil|terminal))|"
    "utilise(nt)? des " COOKIE "[^.]{0,30} (pour|afin d[e']) ?(exploiter|ameliorer|vous|mesurer|"
    "personnaliser|analyser|fournir|offrir|realiser|assurer|le bon|garantir|proposer)|"
    "en cliquant sur \"?(tout )?(accepter|refuser|j'accepte|ok|continuer|autoriser|valider)|"
    "\"(tout accepter|tout refuser|parametrer vos choix|accepter et fermer|continuer sans accepter|"
    "j'accepte|personnaliser)\"|"
    "(parametrer|gerer|personnaliser|modifier) (vos|mes) (choix|preferences|cookies|consentements?|"
    "parametres de confidentialite)|"
    "(retirer|modifier) votre consentement|nous et nos partenaires)" },
};

/* Words that make up a line of buttons or footer links. A line made only
 * of these (glued or separated by spaces, bars or bullets) is furniture. */
typedef struct
{
  VvBoilerplateKind  kind;
  const char        *text;
} Word;

static const Word button_words[] = {
  { VV_BOILERPLATE_BUTTON, "ok" },
  { VV_BOILERPLATE_BUTTON, "j'accepte" },
  { VV_BOILERPLATE_BUTTON, "accepter" },
  { VV_BOILERPLATE_BUTTON, "accepter et fermer" },
  { VV_BOILERPLATE_BUTTON, "accepter et continuer" },
  { VV_BOILERPLATE_BUTTON, "accepter les cookies" },
  { VV_BOILERPLATE_BUTTON, "accepter tout" },
  { VV_BOILERPLATE_BUTTON, "tout accepter" },
  { VV_BOILERPLATE_BUTTON, "refuser" },
  { VV_BOILERPLATE_BUTTON, "tout refuser" },
  { VV_BOILERPLATE_BUTTON, "refuser tout" },
  { VV_BOILERPLATE_BUTTON, "continuer sans accepter" },
  { VV_BOILERPLATE_BUTTON, "parametrer" },
  { VV_BOILERPLATE_BUTTON, "parametres" },
  { VV_BOILERPLATE_BUTTON, "parametrer vos choix" },
  { VV_BOILERPLATE_BUTTON, "parametrer les cookies" },
  { VV_BOILERPLATE_BUTTON, "personnaliser" },
  { VV_BOILERPLATE_BUTTON, "personnaliser mes choix" },
  { VV_BOILERPLATE_BUTTON, "gerer mes choix" },
  { VV_BOILERPLATE_BUTTON, "gerer les cookies" },
  { VV_BOILERPLATE_BUTTON, "enregistrer mes choix" },
  { VV_BOILERPLATE_BUTTON, "fermer" },
  { VV_BOILERPLATE_BUTTON, "valider" },
  { VV_BOILERPLATE_BUTTON, "en savoir plus" },
  { VV_BOILERPLATE_BUTTON, "plus d'options" },
  { VV_BOILERPLATE_BUTTON, "j'ai compris" },
  { VV_BOILERPLATE_BUTTON, "d'accord" },
  { VV_BOILERPLATE_BUTTON, "non merci" },
  { VV_BOILERPLATE_BUTTON, "plus tard" },
  { VV_BOILERPLATE_BUTTON, "suivant" },
  { VV_BOILERPLATE_BUTTON, "precedent" },
  { VV_BOILERPLATE_BUTTON, "retour" },
  { VV_BOILERPLATE_BUTTON, "retour en haut" },
  { VV_BOILERPLATE_BUTTON, "haut de page" },
  { VV_BOILERPLATE_BUTTON, "menu" },
  { VV_BOILERPLATE_BUTTON, "fermer le menu" },
  { VV_BOILERPLATE_BUTTON, "rechercher" },
  { VV_BOILERPLATE_BUTTON, "se connecter" },
  { VV_BOILERPLATE_BUTTON, "connexion" },
  { VV_BOILERPLATE_BUTTON, "mon compte" },
  { VV_BOILERPLATE_BUTTON, "lire la suite" },
  { VV_BOILERPLATE_BUTTON, "voir plus" },
  { VV_BOILERPLATE_BUTTON, "afficher plus" },
  { VV_BOILERPLATE_BUTTON, "voir tout" },
  { VV_BOILERPLATE_BUTTON, "tout voir" },
  { VV_BOILERPLATE_BUTTON, "ecouter" },
  { VV_BOILERPLATE_BUTTON, "ecouter cet article" },
  { VV_BOILERPLATE_BUTTON, "ecouter l'article" },
  { VV_BOILERPLATE_BUTTON, "lire plus tard" },
  { VV_BOILERPLATE_BUTTON, "sauvegarder" },
  { VV_BOILERPLATE_BUTTON, "ajouter a mes favoris" },
  { VV_BOILERPLATE_BUTTON, "favoris" },
  { VV_BOILERPLATE_BUTTON, "video" },
  { VV_BOILERPLATE_BUTTON, "videos" },
  { VV_BOILERPLATE_BUTTON, "diaporama" },
  { VV_BOILERPLATE_BUTTON, "podcast" },
  { VV_BOILERPLATE_BUTTON, "en direct" },
  { VV_BOILERPLATE_BUTTON, "direct" },
  { VV_BOILERPLATE_BUTTON, "live" },
  { VV_BOILERPLATE_BUTTON, "offrir" },
  { VV_BOILERPLATE_BUTTON, "ajouter a mes selections" },
  { VV_BOILERPLATE_BUTTON, "ajouter a vos selections" },
  { VV_BOILERPLATE_BUTTON, "sauvegarder cet article" },
  { VV_BOILERPLATE_BUTTON, "signaler une erreur" },
  { VV_BOILERPLATE_BUTTON, "voir les commentaires" },
  { VV_BOILERPLATE_BUTTON, "reagir a cet article" },
  { VV_BOILERPLATE_BUTTON, "s'inscrire a la newsletter" },
  { VV_BOILERPLATE_SHARE, "partager" },
  { VV_BOILERPLATE_SHARE, "partagez" },
  { VV_BOILERPLATE_SHARE, "imprimer" },
  { VV_BOILERPLATE_SHARE, "envoyer" },
  { VV_BOILERPLATE_SHARE, "copier le lien" },
  { VV_BOILERPLATE_SHARE, "e-mail" },
  { VV_BOILERPLATE_SHARE, "email" },
  { VV_BOILERPLATE_SHARE, "mail" },
  { VV_BOILERPLATE_SHARE, "facebook" },
  { VV_BOILERPLATE_SHARE, "twitter" },
  { VV_BOILERPLATE_SHARE, "x" },
  { VV_BOILERPLATE_SHARE, "linkedin" },
  { VV_BOILERPLATE_SHARE, "whatsapp" },
  { VV_BOILERPLATE_SHARE, "telegram" },
  { VV_BOILERPLATE_SHARE, "messenger" },
  { VV_BOILERPLATE_SHARE, "pinterest" },
  { VV_BOILERPLATE_SHARE, "reddit" },
  { VV_BOILERPLATE_SHARE, "flipboard" },
  { VV_BOILERPLATE_SHARE, "instagram" },
  { VV_BOILERPLATE_SHARE, "youtube" },
  { VV_BOILERPLATE_SHARE, "tiktok" },
  { VV_BOILERPLATE_SHARE, "bluesky" },
  { VV_BOILERPLATE_SHARE, "threads" },
  { VV_BOILERPLATE_SHARE, "mastodon" },
  { VV_BOILERPLATE_SUBSCRIBE, "s'abonner" },
  { VV_BOILERPLATE_SUBSCRIBE, "abonnez-vous" },
  { VV_BOILERPLATE_SUBSCRIBE, "je m'abonne" },
  { VV_BOILERPLATE_SUBSCRIBE, "newsletter" },
  { VV_BOILERPLATE_SUBSCRIBE, "newsletters" },
  { VV_BOILERPLATE_SUBSCRIBE, "s'inscrire" },
  { VV_BOILERPLATE_SUBSCRIBE, "inscription" },
  { VV_BOILERPLATE_COMMENTS, "commenter" },
  { VV_BOILERPLATE_COMMENTS, "reagir" },
  { VV_BOILERPLATE_LEGAL, "mentions legales" },
  { VV_BOILERPLATE_LEGAL, "conditions generales d'utilisation" },
  { VV_BOILERPLATE_LEGAL, "conditions generales de vente" },
  { VV_BOILERPLATE_LEGAL, "conditions generales" },
  { VV_BOILERPLATE_LEGAL, "conditions d'utilisation" },
  { VV_BOILERPLATE_LEGAL, "cgu" },
  { VV_BOILERPLATE_LEGAL, "cgv" },
  { VV_BOILERPLATE_LEGAL, "politique de confidentialite" },
  { VV_BOILERPLATE_LEGAL, "politique cookies" },
  { VV_BOILERPLATE_LEGAL, "politique de cookies" },
  { VV_BOILERPLATE_LEGAL, "gestion des cookies" },
  { VV_BOILERPLATE_LEGAL, "gerer les cookies" },
  { VV_BOILERPLATE_LEGAL, "parametres des cookies" },
  { VV_BOILERPLATE_LEGAL, "donnees personnelles" },
  { VV_BOILERPLATE_LEGAL, "plan du site" },
  { VV_BOILERPLATE_LEGAL, "nous contacter" },
  { VV_BOILERPLATE_LEGAL, "contactez-nous" },
  { VV_BOILERPLATE_LEGAL, "contact" },
  { VV_BOILERPLATE_LEGAL, "qui sommes-nous" },
  { VV_BOILERPLATE_LEGAL, "qui sommes-nous ?" },
  { VV_BOILERPLATE_LEGAL, "a propos" },
  { VV_BOILERPLATE_LEGAL, "charte de confidentialite" },
  { VV_BOILERPLATE_LEGAL, "charte de moderation" },
  { VV_BOILERPLATE_LEGAL, "accessibilite" },
  { VV_BOILERPLATE_LEGAL, "annonceurs" },
  { VV_BOILERPLATE_LEGAL, "recrutement" },
  { VV_BOILERPLATE_LEGAL, "faq" },
  { VV_BOILERPLATE_LEGAL, "aide" },
  { VV_BOILERPLATE_LEGAL, "cookies" },
};

/* A line of buttons is at most this long */
#define BUTTON_LINE_MAX 200

/* PCRE2 directly rather than GRegex: GRegex allocates match data on every
 * call, which cost more than the matching itself for ~50 rules a line */
typedef struct
{
  pcre2_code *code;
  gboolean    jit;
} Regex;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (pcre2_match_data, pcre2_match_data_free)

static Regex *compiled_rules;
static Regex cookie_regex;
static Regex address_regex;
static Regex consent_regex;
static Regex time_regex;

static Regex
compile (const char *pattern)
{
  Regex regex = { NULL, FALSE };
  int errcode;
  PCRE2_SIZE erroffset;

  /* UTF and Unicode properties, as GRegex does */
  regex.code = pcre2_compile ((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                              &errcode, &erroffset, NULL);
  /* The patterns are ours: a bad one is a programming error */
  if (regex.code == NULL)
    g_error ("vv-boilerplate: bad pattern at %zu: %s", (gsize)erroffset, pattern);
  regex.jit = pcre2_jit_compile (regex.code, PCRE2_JIT_COMPLETE) == 0;
  return regex;
}

static gboolean
regex_match (const Regex      *regex,
             const char       *subject,
             pcre2_match_data *md)
{
  /* The subject was validated as UTF-8 when it was normalised */
  if (regex->jit)
    return pcre2_jit_match (regex->code, (PCRE2_SPTR)subject, strlen (subject), 0, 0, md, NULL) >= 0;
  return pcre2_match (regex->code, (PCRE2_SPTR)subject, strlen (subject), 0, PCRE2_NO_UTF_CHECK, md, NULL) >= 0;
}

static void
ensure_rules (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      compiled_rules = g_new0 (Regex, G_N_ELEMENTS (rules));
      for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
        compiled_rules[i] = compile (rules[i].pattern);

      cookie_regex = compile ("\\b" COOKIE "\\b");
      address_regex = compile ("\\b(vous|votre|vos)\\b|\\bnous (utilisons|deposons|et nos)\\b|"
                               "\\bnotre (site|politique|service|charte)\\b|"
                               "\\bnos (partenaires|services|pratiques)\\b");
      consent_regex = compile ("consent|accept|refus|parametr|navigation|confidentialite|"
                               "donnees personnelles|partenaires|terminal|publicit|"
                               "mesure d'audience|preferences|choix|desactiv");
      time_regex = compile ("\\d{1,2} ?[h:] ?\\d{2}");
      g_once_init_leave (&initialized, 1);
    }
}

static gunichar
fold_char (gunichar c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x00B4: case 0x0060: case 0x2032:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    case 0x2022: case 0x00B7: case 0x25CF: case 0x25AA:
      return '|';
    default:
      return c;
    }
}

/* Writes the normalised text to @out, and the same without case to
 * @out_lower if it is not %NULL, in one pass */
static gboolean
normalize_into (const char *text,
                GString    *out,
                GString    *out_lower)
{
  gboolean space = FALSE;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = 1;

      /* Decompose only what is not ASCII: the common case stays cheap */
      if (c < 0x80)
        decomposed[0] = c;
      else
        n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));

      for (gsize i = 0; i < n; i++)
        {
          gunichar d = decomposed[i];

          if (d >= 0x80 && g_unichar_ismark (d))
            continue;
          if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == 0xFEFF || d == 0x200B ||
              (d >= 0x80 && g_unichar_isspace (d)))
            {
              space = out->len > 0;
              continue;
            }
          if (space)
            {
              g_string_append_c (out, ' ');
              if (out_lower != NULL)
                g_string_append_c (out_lower, ' ');
            }
          space = FALSE;

          if (d < 0x80)
            {
              g_string_append_c (out, (char)d);
              if (out_lower != NULL)
                g_string_append_c (out_lower, g_ascii_tolower ((char)d));
              continue;
            }

          d = fold_char (d);
          if (d == 0x0153 || d == 0x0152)
            {
              g_string_append (out, d == 0x0153 ? "oe" : "OE");
              if (out_lower != NULL)
                g_string_append (out_lower, "oe");
            }
          else if (d == 0x00E6 || d == 0x00C6)
            {
              g_string_append (out, d == 0x00E6 ? "ae" : "AE");
              if (out_lower != NULL)
                g_string_append (out_lower, "ae");
            }
          else
            {
              g_string_append_unichar (out, d);
              if (out_lower != NULL)
                g_string_append_unichar (out_lower, g_unichar_tolower (d));
            }
        }
    }

  return TRUE;
}

/**
 * vv_boilerplate_normalize:
 * @text: a line of text (UTF-8)
 * @lower: whether to drop case as well
 *
 * The form the rules see: compatibility-decomposed, without accents,
 * with ASCII quotes, apostrophes and dashes, white space collapsed to
 * single spaces and trimmed. Guillemets become '"', bullets '|'.
 *
 * Returns: (transfer full) (nullable): the normalised text, or %NULL when
 *   @text is not valid UTF-8
 */
char *
vv_boilerplate_normalize (const char *text,
                          gboolean    lower)
{
  GString *out;
  GString *out_lower;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  out_lower = lower ? g_string_sized_new (strlen (text)) : NULL;
  if (!normalize_into (text, out, out_lower))
    {
      g_string_free (out, TRUE);
      if (out_lower != NULL)
        g_string_free (out_lower, TRUE);
      return NULL;
    }
  if (lower)
    {
      g_string_free (out, TRUE);
      return g_string_free (out_lower, FALSE);
    }
  return g_string_free (out, FALSE);
}

static gboolean
ends_like_sentence (const char *norm)
{
  gsize len = strlen (norm);

  /* "…" was decomposed to "..." : a trailing ellipsis is not an ending */
  if (len == 0)
    return FALSE;
  if (len >= 3 && strcmp (norm + len - 3, "...") == 0)
    return FALSE;
  return norm[len - 1] == '.' || norm[len - 1] == '!';
}

static gboolean
is_button_separator (char c)
{
  return c == ' ' || c == '|' || c == '/' || c == '-' || c == ',' || c == ';' ||
         c == ':' || c == '"' || c == '>' || c == '<' || c == '(' || c == ')' ||
         c == '[' || c == ']' || c == '*' || c == '+' || c == '.';
}

/* Whether @low is nothing but button words; dynamic programming over byte
 * offsets, as words may be glued together ("Tout AccepterTout refuser"). */
static VvBoilerplateKind
classify_buttons (const char *low)
{
  gsize len = strlen (low);
  g_autofree gint8 *reach = NULL;       /* index into button_words + 1, or 0 */
  g_autofree gint16 *first = NULL;
  gboolean any = FALSE;

  if (len == 0 || len > BUTTON_LINE_MAX)
    return VV_BOILERPLATE_NONE;

  /* reach[i]: offset i can be reached after at least one word; first[i] is
   * the first word of that path, whose kind names the line */
  reach = g_new0 (gint8, len + 1);
  first = g_new0 (gint16, len + 1);
  reach[0] = -1;

  for (gsize i = 0; i <= len; i++)
    {
      if (reach[i] == 0)
        continue;
      if (i < len && is_button_separator (low[i]))
        {
          if (reach[i + 1] == 0)
            {
              reach[i + 1] = reach[i];
              first[i + 1] = first[i];
            }
          continue;
        }
      for (guint w = 0; w < G_N_ELEMENTS (button_words); w++)
        {
          gsize wlen = strlen (button_words[w].text);

          if (i + wlen <= len && memcmp (low + i, button_words[w].text, wlen) == 0 &&
              reach[i + wlen] == 0)
            {
              reach[i + wlen] = 1;
              first[i + wlen] = reach[i] == -1 ? (gint16)w : first[i];
            }
        }
    }

  /* The end must be reached through a word, not only through separators */
  for (gsize i = 0; i < len && !any; i++)
    any = !is_button_separator (low[i]);
  if (!any || reach[len] != 1)
    return VV_BOILERPLATE_NONE;

  return button_words[first[len]].kind;
}

/* Only the consent rules apply to long paragraphs; a paragraph that has
 * none of their words is article text, without the cost of normalising it */
#define LONG_LINE_CHARS 400  /* the longest capped rule */

static gboolean
may_be_consent (const char *text)
{
  static const char * const needles[] = {
    "ookie", "raceur", "navigation", "liquant", "ccept", "efus", "choix", "consent",
    "partenaire", "appareil", "terminal", "rences", "ersonnalis", NULL
  };
  g_autofree char *low = g_ascii_strdown (text, -1);

  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (low, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A sentence that mentions cookies is consent text only when it talks to
 * the reader (or speaks for the site) about consent */
static gboolean
is_consent_sentence (const char       *low,
                     pcre2_match_data *md)
{
  return regex_match (&cookie_regex, low, md) &&
         regex_match (&address_regex, low, md) &&
         regex_match (&consent_regex, low, md);
}

/**
 * vv_boilerplate_classify_line:
 * @text: one line or block of text, UTF-8
 * @hints: (out) (optional): what the line says about the next one
 *
 * Tells whether @text is French site boilerplate: cookie banners, "follow
 * us" lines, datelines, bylines, share bars, subscription prompts, related
 * links, comment counts, tags, breadcrumbs, legal footers, lone buttons,
 * photo credits and advertising labels. Article sentences that merely
 * mention these things (cookies, subscribers, a publication date) are
 * not boilerplate.
 *
 * Returns: the kind of boilerplate, or %VV_BOILERPLATE_NONE
 */
VvBoilerplateKind
vv_boilerplate_classify_line (const char         *text,
                              VvBoilerplateHints *hints)
{
  g_autofree char *norm = NULL;
  g_autofree char *low = NULL;
  g_autoptr(pcre2_match_data) md = NULL;
  GString *norm_str, *low_str;
  glong n_chars;
  gboolean ends_sentence;
  VvBoilerplateKind kind;

  if (hints != NULL)
    *hints = VV_BOILERPLATE_HINT_NONE;
  g_return_val_if_fail (text != NULL, VV_BOILERPLATE_NONE);

  ensure_rules ();

  /* Bytes first: most lines are short enough not to need counting */
  if (strlen (text) > LONG_LINE_CHARS &&
      _vv_import_strlen_upto (text, LONG_LINE_CHARS) > LONG_LINE_CHARS && !may_be_consent (text))
    return VV_BOILERPLATE_NONE;

  norm_str = g_string_sized_new (256);
  low_str = g_string_sized_new (256);
  if (!normalize_into (text, norm_str, low_str) || norm_str->len == 0)
    {
      g_string_free (norm_str, TRUE);
      g_string_free (low_str, TRUE);
      return VV_BOILERPLATE_NONE;
    }
  norm = g_string_free (norm_str, FALSE);
  low = g_string_free (low_str, FALSE);
  n_chars = g_utf8_strlen (norm, -1);
  ends_sentence = ends_like_sentence (norm);

  kind = classify_buttons (low);
  if (kind != VV_BOILERPLATE_NONE)
    return kind;

  md = pcre2_match_data_create (1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const Rule *rule = &rules[i];

      if (rule->max_chars != 0 && n_chars > (glong)rule->max_chars)
        continue;
      if ((rule->flags & RULE_NO_PERIOD) && ends_sentence &&
          !((rule->flags & RULE_TIME_OK) && regex_match (&time_regex, low, md)))
        continue;
      if (!regex_match (&compiled_rules[i], (rule->flags & RULE_CASED) ? norm : low, md))
        continue;

      if (hints != NULL && (rule->flags & RULE_LABEL))
        *hints = VV_BOILERPLATE_HINT_LABEL;
      return rule->kind;
    }

  if (is_consent_sentence (low, md))
    return VV_BOILERPLATE_CONSENT;

  return VV_BOILERPLATE_NONE;
}

/**
 * vv_boilerplate_kind_to_string:
 * @kind: a kind of boilerplate
 *
 * Returns: a stable, untranslated name ("consent", "follow", …)
 */
const char *
vv_boilerplate_kind_to_string (VvBoilerplateKind kind)
{
  static const char * const names[] = {
    "none", "consent", "follow", "dateline", "byline", "share", "subscribe", "related",
    "comments", "tags", "breadcrumb", "legal", "button", "credit", "ad",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == VV_BOILERPLATE_AD + 1);
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (names), "none");
  return names[kind];
}
