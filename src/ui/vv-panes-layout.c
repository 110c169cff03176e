/* vv-panes-layout.c: source and target side by side, or stacked when narrow
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 and libadwaita 1.2 have no breakpoints, so the decision is taken
 * where the width is known: in the layout manager of the row's panes.  At
 * or above the threshold the visible children share the width equally and
 * sit side by side; below it each child gets the full width and they stack
 * top to bottom.  Measuring is height-for-width, so GtkListView rows get the
 * right height in both modes without any resize round trip.
 */

#include "config.h"

#include "vv-panes-layout.h"

struct _VvPanesLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
  int              threshold;
  guint            relayout_source;
};

G_DEFINE_FINAL_TYPE (VvPanesLayout, vv_panes_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_visible (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      n++;
  return n;
}

/* Width of each column when side by side. */
static int
column_width (VvPanesLayout *self,
              int            width,
              guint          n)
{
  if (n == 0)
    return 0;
  return MAX (0, (width - self->spacing * (int) (n - 1)) / (int) n);
}

static void
vv_panes_layout_measure (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         GtkOrientation    orientation,
                         int               for_size,
                         int              *minimum,
                         int              *natural,
                         int              *minimum_baseline,
                         int              *natural_baseline)
{
  VvPanesLayout *self = VV_PANES_LAYOUT (manager);
  guint n = count_visible (widget);
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Stacked, the widest child's minimum is enough; the natural width
       * puts the children side by side. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat;
        }
      if (n > 1)
        nat += self->spacing * (int) (n - 1);
      nat = MAX (nat, min);
    }
  else
    {
      gboolean stacked = for_size >= 0 && for_size < self->threshold;
      int child_for_size = for_size;
      guint i = 0;

      if (!stacked && for_size >= 0)
        child_for_size = column_width (self, for_size, n);

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, child_for_size, &child_min, &child_nat,
                              NULL, NULL);
          if (stacked)
            {
              min += child_min + (i > 0 ? self->spacing : 0);
              nat += child_nat + (i > 0 ? self->spacing : 0);
            }
          else
            {
              min = MAX (min, child_min);
              nat = MAX (nat, child_nat);
            }
          i++;
        }
    }

  *minimum = min;
  *natural = nat;
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static gboolean
relayout_cb (gpointer data)
{
  VvPanesLayout *self = data;
  GtkWidget *widget = gtk_layout_manager_get_widget (GTK_LAYOUT_MANAGER (self));

  self->relayout_source = 0;
  if (widget == NULL)
    return G_SOURCE_REMOVE;

  /* Queue the resize on the children, not only on the panes: a child whose
   * own allocation does not change (a target box already as tall as the row
   * because the source is taller) would otherwise skip allocating its
   * children again, and the text view inside it would keep the height of
   * its unvalidated text.  A resize queued on a child reaches the panes. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_resize (child);
  return G_SOURCE_REMOVE;
}

/* GtkTextView (GTK 4.8) measures the height of its text at the width it was
 * last allocated, and the resize it queues while validating that text during
 * its own allocation is lost.  So a target that just changed width can be
 * left too short or too tall.  allocate() notes each child's natural height
 * before allocating it; if a child wants another height afterwards, lay out
 * again from an idle.  This converges: the second pass measures the
 * validated text. */
static void
check_heights (VvPanesLayout *self,
               GtkWidget     *widget,
               const int     *widths,
               const int     *before,
               guint          n)
{
  guint i = 0;

  if (self->relayout_source != 0)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child && i < n;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, widths[i],
                          &child_min, &child_nat, NULL, NULL);
      if (child_nat != before[i++])
        {
          self->relayout_source = g_idle_add_full (G_PRIORITY_DEFAULT, relayout_cb,
                                                   g_object_ref (self), g_object_unref);
          return;
        }
    }
}

static void
vv_panes_layout_allocate (GtkLayoutManager *manager,
                          GtkWidget        *widget,
                          int               width,
                          int               height,
                          int               baseline)
{
  VvPanesLayout *self = VV_PANES_LAYOUT (manager);
  guint n = count_visible (widget);
  gboolean stacked = width < self->threshold;
  int column = column_width (self, width, n);
  int x = 0, y = 0;
  guint i = 0;
  g_autofree int *widths = g_new0 (int, MAX (n, 1));
  g_autofree int *before = g_new0 (int, MAX (n, 1));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;

      if (stacked)
        {
          int child_min, child_nat, child_height;

          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width,
                              &child_min, &child_nat, NULL, NULL);
          /* The last child takes what is left. */
          child_height = i + 1 == n ? MAX (child_min, height - y) : child_nat;
          widths[i] = width;
          before[i] = child_nat;
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
          y += child_height + self->spacing;
        }
      else
        {
          /* The last column absorbs the rounding remainder. */
          int w = i + 1 == n ? MAX (0, width - x) : column;
          int child_min;

          widths[i] = w;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w,
                              &child_min, &before[i], NULL, NULL);
          gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, w, height }, -1);
          x += w + self->spacing;
        }
      i++;
    }

  check_heights (self, widget, widths, before, n);
}

static GtkSizeRequestMode
vv_panes_layout_get_request_mode (GtkLayoutManager *manager,
                                  GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
vv_panes_layout_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VvPanesLayout *self = VV_PANES_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_THRESHOLD:
      g_value_set_int (value, self->threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vv_panes_layout_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VvPanesLayout *self = VV_PANES_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      vv_panes_layout_set_spacing (self, g_value_get_int (value));
      break;
    case PROP_THRESHOLD:
      vv_panes_layout_set_threshold (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vv_panes_layout_dispose (GObject *object)
{
  VvPanesLayout *self = VV_PANES_LAYOUT (object);

  g_clear_handle_id (&self->relayout_source, g_source_remove);
  G_OBJECT_CLASS (vv_panes_layout_parent_class)->dispose (object);
}

static void
vv_panes_layout_class_init (VvPanesLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vv_panes_layout_dispose;
  object_class->get_property = vv_panes_layout_get_property;
  object_class->set_property = vv_panes_layout_set_property;
  layout_class->measure = vv_panes_layout_measure;
  layout_class->allocate = vv_panes_layout_allocate;
  layout_class->get_request_mode = vv_panes_layout_get_request_mode;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 12, flags);
  properties[PROP_THRESHOLD] =
    g_param_spec_int ("threshold", NULL, NULL, 0, G_MAXINT, VV_PANES_LAYOUT_DEFAULT_THRESHOLD,
                      flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vv_panes_layout_init (VvPanesLayout *self)
{
  self->spacing = 12;
  self->threshold = VV_PANES_LAYOUT_DEFAULT_THRESHOLD;
}

GtkLayoutManager *
vv_panes_layout_new (void)
{
  return g_object_new (VV_TYPE_PANES_LAYOUT, NULL);
}

void
vv_panes_layout_set_spacing (VvPanesLayout *self,
                             int            spacing)
{
  g_return_if_fail (VV_IS_PANES_LAYOUT (self));

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

void
vv_panes_layout_set_threshold (VvPanesLayout *self,
                               int            threshold)
{
  g_return_if_fail (VV_IS_PANES_LAYOUT (self));

  if (self->threshold == threshold)
    return;
  self->threshold = threshold;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
}

/**
 * vv_panes_layout_is_stacked_at:
 * @self: a #VvPanesLayout
 * @width: a width in pixels
 *
 * Returns: whether the children stack at @width
 */
gboolean
vv_panes_layout_is_stacked_at (VvPanesLayout *self,
                               int            width)
{
  g_return_val_if_fail (VV_IS_PANES_LAYOUT (self), FALSE);
  return width < self->threshold;
}
