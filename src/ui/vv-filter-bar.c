/* vv-filter-bar.c: find, filter and replace above the segment list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar only gathers the criteria; the window owns the VvFilter and the
 * GtkFilterListModel. "changed" asks the window to filter again;
 * "replace-all" to replace the search text in the targets shown.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-filter-bar.h"

struct _VvFilterBar
{
  GtkWidget        parent_instance;

  GtkSearchEntry  *search_entry;
  GtkDropDown     *scope_dropdown;
  GtkDropDown     *state_dropdown;
  GtkToggleButton *comments_toggle;
  GtkToggleButton *qa_toggle;
  GtkToggleButton *changed_toggle;
  GtkEntry        *replace_entry;
  GtkCheckButton  *regex_check;
  GtkCheckButton  *case_check;
  GtkLabel        *count_label;
  guint            resetting : 1;
};

G_DEFINE_FINAL_TYPE (VvFilterBar, vv_filter_bar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  REPLACE_ALL,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The state drop-down's last entry: every state but approved */
#define STATE_CHOICE_TODO 6

static void
on_criteria_changed_cb (VvFilterBar *self)
{
  if (!self->resetting)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_stop_search_cb (VvFilterBar *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_replace_all_clicked_cb (VvFilterBar *self)
{
  g_signal_emit (self, signals[REPLACE_ALL], 0);
}

static void
vv_filter_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), VV_TYPE_FILTER_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (vv_filter_bar_parent_class)->dispose (object);
}

static void
vv_filter_bar_class_init (VvFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_filter_bar_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REPLACE_ALL] = g_signal_new ("replace-all", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, VvFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VvFilterBar, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VvFilterBar, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VvFilterBar, comments_toggle);
  gtk_widget_class_bind_template_child (widget_class, VvFilterBar, qa_toggle);
  gtk_widget_class_bind_template_child (widget_class, VvFilterBar, changed_toggle);
  gtk_widget_class_bind_template_child (widget_class, VvFilterBar, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, VvFilterBar, regex_check);
  gtk_widget_class_bind_template_child (widget_class, VvFilterBar, case_check);
  gtk_widget_class_bind_template_child (widget_class, VvFilterBar, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_criteria_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_all_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "filterbar");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vv_filter_bar_init (VvFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vv_filter_bar_new (void)
{
  return g_object_new (VV_TYPE_FILTER_BAR, NULL);
}

/**
 * vv_filter_bar_apply:
 * @filter: the filter to configure from the bar's criteria
 *
 * With "Regular expression" on, the text does not filter the list (a
 * pattern is not a substring); it is used only by Replace All.
 */
void
vv_filter_bar_apply (VvFilterBar *self,
                     VvFilter    *filter)
{
  static const VvFilterScope scopes[] = {
    VV_FILTER_SCOPE_BOTH, VV_FILTER_SCOPE_SOURCE, VV_FILTER_SCOPE_TARGET,
  };
  guint scope = gtk_drop_down_get_selected (self->scope_dropdown);
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_return_if_fail (VV_IS_FILTER_BAR (self));

  if (gtk_check_button_get_active (self->regex_check))
    text = NULL;
  vv_filter_set_text (filter, text, scopes[MIN (scope, G_N_ELEMENTS (scopes) - 1)]);
  if (state == 0 || state == GTK_INVALID_LIST_POSITION)
    vv_filter_set_states (filter, VV_FILTER_ALL_STATES);
  else if (state == STATE_CHOICE_TODO)
    vv_filter_set_states (filter, VV_FILTER_ALL_STATES & ~VV_FILTER_STATE_BIT (VV_SEGMENT_STATE_APPROVED));
  else
    vv_filter_set_states (filter, VV_FILTER_STATE_BIT (state - 1));
  vv_filter_set_has_comments (filter, gtk_toggle_button_get_active (self->comments_toggle));
  vv_filter_set_changed_since_mt (filter, gtk_toggle_button_get_active (self->changed_toggle));
}

/* whether the QA toggle is on: the window owns the set of segments with findings */
gboolean
vv_filter_bar_get_qa_only (VvFilterBar *self)
{
  return gtk_toggle_button_get_active (self->qa_toggle);
}

const char *
vv_filter_bar_get_text (VvFilterBar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

const char *
vv_filter_bar_get_replacement (VvFilterBar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
}

gboolean
vv_filter_bar_get_regex (VvFilterBar *self)
{
  return gtk_check_button_get_active (self->regex_check);
}

void
vv_filter_bar_set_regex (VvFilterBar *self,
                         gboolean     regex)
{
  gtk_check_button_set_active (self->regex_check, regex);
}

gboolean
vv_filter_bar_get_match_case (VvFilterBar *self)
{
  return gtk_check_button_get_active (self->case_check);
}

/**
 * vv_filter_bar_set_state_choice:
 * @choice: 0 for all states, 1 + a #VvSegmentState for one state
 */
void
vv_filter_bar_set_state_choice (VvFilterBar *self,
                                guint        choice)
{
  gtk_drop_down_set_selected (self->state_dropdown, choice);
}

void
vv_filter_bar_set_text (VvFilterBar *self,
                        const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}

void
vv_filter_bar_set_replacement (VvFilterBar *self,
                               const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->replace_entry), text);
}

void
vv_filter_bar_set_count (VvFilterBar *self,
                         guint        shown,
                         guint        total)
{
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup ("");
  else
    /* Translators: segments shown by the filter, e.g. "12 of 480" */
    text = g_strdup_printf (_("%u of %u"), shown, total);
  gtk_label_set_text (self->count_label, text);
}

void
vv_filter_bar_focus (VvFilterBar *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Back to showing everything, with one "changed" emission */
void
vv_filter_bar_reset (VvFilterBar *self)
{
  self->resetting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->scope_dropdown, 0);
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  gtk_toggle_button_set_active (self->comments_toggle, FALSE);
  gtk_toggle_button_set_active (self->qa_toggle, FALSE);
  gtk_toggle_button_set_active (self->changed_toggle, FALSE);
  self->resetting = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}
