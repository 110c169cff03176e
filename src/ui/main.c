/* main.c: the visavis executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "vv-application.h"
#include "vv-utils.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VvApplication) app = NULL;

  vv_use_system_malloc (argv);
  setlocale (LC_ALL, "");
  /* VISAVIS_LOCALEDIR lets an uninstalled build find its catalogues
   * (BUILDDIR/po), e.g. for the French screenshot. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("VISAVIS_LOCALEDIR") ? g_getenv ("VISAVIS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Vis-à-vis"));
  app = vv_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
