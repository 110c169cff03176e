/* vv-qa-panel.c: QA findings with one-click fixes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of findings; activating a row runs "win.focus-segment" (the
 * segment id), a Fix button runs "win.qa-fix" (segment id, check id).
 * The window runs the checks ("win.run-qa") and applies fixes undoably.
 * At most MAX_ROWS rows are built; the QA filter shows every segment.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-qa-panel.h"

#define MAX_ROWS 500

struct _VvQaPanel
{
  GtkWidget   parent_instance;

  GtkLabel   *summary_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (VvQaPanel, vv_qa_panel, GTK_TYPE_WIDGET)

static const char *
severity_icon (VvQaSeverity severity)
{
  switch (severity)
    {
    case VV_QA_SEVERITY_ERROR: return "dialog-error-symbolic";
    case VV_QA_SEVERITY_WARNING: return "dialog-warning-symbolic";
    case VV_QA_SEVERITY_INFO: return "dialog-information-symbolic";
    default: return "dialog-information-symbolic";
    }
}

static GtkWidget *
make_row (const VvQaFinding *finding)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (finding->severity));
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* Translators: a QA finding, e.g. "12: Number “3” is missing from the translation" */
  text = g_strdup_printf (_("%u: %s"), finding->position + 1, finding->message);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (icon, vv_qa_severity_to_string (finding->severity));
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  if (finding->fix != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Fix"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, finding->fix);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.qa-fix");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(us)",
                                        finding->segment_id, finding->check);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.focus-segment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "u", finding->segment_id);
  g_object_set_data (G_OBJECT (row), "segment-id", GUINT_TO_POINTER (finding->segment_id));
  g_object_set_data_full (G_OBJECT (row), "check", g_strdup (finding->check), g_free);
  return row;
}

static void
clear (VvQaPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
vv_qa_panel_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), VV_TYPE_QA_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (vv_qa_panel_parent_class)->dispose (object);
}

static void
vv_qa_panel_class_init (VvQaPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_qa_panel_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-qa-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VvQaPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VvQaPanel, list);
  gtk_widget_class_set_css_name (widget_class, "qapanel");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vv_qa_panel_init (VvQaPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vv_qa_panel_new (void)
{
  return g_object_new (VV_TYPE_QA_PANEL, NULL);
}

/**
 * vv_qa_panel_set_findings:
 * @findings: (element-type VvQaFinding) (nullable): the findings, or %NULL
 *   when nothing was checked
 */
void
vv_qa_panel_set_findings (VvQaPanel *self,
                          GPtrArray *findings)
{
  guint counts[3] = { 0, 0, 0 };
  g_autofree char *summary = NULL;

  g_return_if_fail (VV_IS_QA_PANEL (self));

  clear (self);
  if (findings == NULL)
    {
      gtk_label_set_text (self->summary_label, _("Not checked yet"));
      return;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      const VvQaFinding *finding = g_ptr_array_index (findings, i);

      counts[finding->severity]++;
      if (i < MAX_ROWS)
        gtk_list_box_append (self->list, make_row (finding));
    }

  if (findings->len == 0)
    summary = g_strdup (_("No problems found"));
  else
    /* Translators: QA summary */
    summary = g_strdup_printf (_("%u errors, %u warnings, %u notes"),
                               counts[VV_QA_SEVERITY_ERROR], counts[VV_QA_SEVERITY_WARNING],
                               counts[VV_QA_SEVERITY_INFO]);
  if (findings->len > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("%s (first %u shown; use the QA filter for all)"),
                                               summary, MAX_ROWS);
      g_free (summary);
      summary = g_steal_pointer (&more);
    }
  gtk_label_set_text (self->summary_label, summary);
}

guint
vv_qa_panel_get_n_rows (VvQaPanel *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Drops the row of a finding that was just fixed */
void
vv_qa_panel_remove_fixed (VvQaPanel  *self,
                          guint       segment_id,
                          const char *check)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "segment-id")) == segment_id &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "check"), check) == 0)
        {
          gtk_list_box_remove (self->list, child);
          return;
        }
    }
}
