/* vv-journal.c: the append-only edit journal and crash recovery
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a document is open, every confirmed change is appended to a journal:
 * “.NAME.visavis.journal” next to the project (or, when that folder is not
 * writable, in $XDG_STATE_HOME/visavis/journals/), and for an article that
 * was never saved, $XDG_STATE_HOME/visavis/journals/unsaved-….journal.
 *
 * The file is a sequence of lines, each “CRC32 JSON\n”, where CRC32 is the
 * eight-hex-digit checksum of the JSON text. The first line is the header:
 *
 *   {"journal": "visavis", "version": 1, "project": URI, "base-changed": ISO 8601}
 *
 * “base-changed” is the “changed” time of the project file the records apply
 * to. A journal that does not apply to a file (an unsaved import, or a
 * recovered document) has a second line {"op": "snapshot", "data": PROJECT}
 * with the whole document. The other lines are changes, numbered by “seq”:
 *
 *   {"seq": N, "op": "seg", "id": ID, "target": …, "state": …, "origin": …, "flags": […]}
 *   {"seq": N, "op": "comments", "id": ID, "comments": [{author, time, text, resolved}]}
 *   {"seq": N, "op": "history", "id": ID, "index": I, "entry": {time, author, state, target, origin}}
 *   {"seq": N, "op": "suggestions", "id": ID, "list": [{provider, text}]}
 *   {"seq": N, "op": "split", "id": ID, "new": ID2, "head": SOURCE, "tail": SOURCE}
 *   {"seq": N, "op": "merge", "id": ID, "removed": ID2}
 *   {"seq": N, "op": "block", "index": B, "id": FIRST-SEGMENT-ID, "included": BOOL}
 *   {"seq": N, "op": "meta", "title": …, "source-uri": …|null, "source-language": …, "target-language": …}
 *   {"seq": N, "op": "saving", "changed": ISO 8601}
 *
 * “seg” records carry the whole state of a segment, so replaying one twice is
 * harmless. Target text is written once the segment has been left alone for
 * the idle delay (1 s by default); every other change is written at once,
 * after any pending text so the order is kept.
 *
 * Writing happens in a worker thread fed by a queue: the main loop only
 * formats a short JSON line. The worker appends with write(2) (so a killed
 * process loses nothing that was handed to it) and fdatasyncs whenever the
 * queue runs dry. It holds an flock() on the file, so a journal whose
 * process died is recognisable: it is no longer locked.
 *
 * Saving compacts the journal: vv_journal_mark_saving() queues a “saving”
 * marker when the snapshot for the save is taken, and vv_journal_saved()
 * rewrites the journal with a new header and only the changes made after
 * that marker. If the program dies between the rename of the project and
 * the compaction, recovery finds the marker whose time matches the project
 * and replays only what follows it.
 *
 * A torn last line (the process died while writing it, or the disk filled
 * up) fails its checksum and is ignored, with everything after it.
 *
 * A new journal that takes the place of an older one (after a recovery) is
 * written as “NAME.new” first; only once its header and snapshot are on
 * disk is it renamed over NAME (and an older journal of another name
 * deleted): killed at any moment, the recovered changes are in one of them.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-journal.h"
#include "vv-project.h"
#include "vv-project-private.h"
#include "vv-segment.h"
#include "vv-utils.h"

#define JOURNAL_VERSION 1
#define DEFAULT_IDLE_DELAY 1000

G_DEFINE_QUARK (vv-journal-error-quark, vv_journal_error)

typedef enum
{
  COMMAND_WRITE,
  COMMAND_SYNC,
  COMMAND_COMPACT,
  COMMAND_QUIT,
} CommandKind;

typedef struct
{
  CommandKind kind;
  guint64     counter;
  char       *json;         /* COMPACT: the new header */
  GPtrArray  *records;      /* WRITE: the records, written with one write(2) */
  VvProjectSnapshot *snapshot; /* WRITE: the whole document, turned into a last record by the worker */
  char      **targets;      /* COMPACT: where to write the journal, in order of preference */
  guint64     upto;         /* COMPACT: drop changes up to this counter */
  gboolean    remove;       /* QUIT: delete the file */
} Command;

struct _VvJournal
{
  GObject      parent_instance;

  VvDocument  *document;
  gulong       changed_handler;
  guint        idle_delay;
  GHashTable  *pending;     /* VvSegment* (ref) → gint64 time of the last target change */
  guint        timeout_id;
  GHashTable  *pending_comments;  /* VvSegment* (ref) set, written when idle */
  guint        comments_idle_id;
  GPtrArray   *batch;       /* JSON records not yet handed to the writer */
  guint        batch_idle_id;
  GHashTable  *known;       /* id → VvSegment* (ref): to tell a split from a merge */
  guint64      counter;     /* commands queued (main thread) */
  char        *saving_changed;
  guint64      saving_mark;
  GMainContext *context;
  gulong       block_handler;
  gulong       notify_handler;

  GThread     *thread;
  GAsyncQueue *queue;
  gboolean     closed;

  /* shared with the worker, under mutex */
  GMutex       mutex;
  GCond        cond;
  guint64      written;
  GError      *error;
  char        *path;

  /* worker only */
  int          fd;
  char        *start_tmp;   /* the file being written until its first records are durable */
  char        *replaces;    /* a journal to delete once they are */
};

G_DEFINE_FINAL_TYPE (VvJournal, vv_journal, G_TYPE_OBJECT)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* CRC-32 (IEEE), to detect a torn or damaged line */

static guint32 crc_table[256];

static gpointer
init_crc_table (gpointer data)
{
  for (guint32 i = 0; i < 256; i++)
    {
      guint32 c = i;

      for (int k = 0; k < 8; k++)
        c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      crc_table[i] = c;
    }
  return NULL;
}

static guint32
crc32_of (const char *data,
          gsize       length)
{
  static GOnce once = G_ONCE_INIT;
  guint32 c = 0xFFFFFFFFu;

  g_once (&once, init_crc_table, NULL);
  for (gsize i = 0; i < length; i++)
    c = crc_table[(c ^ (guchar)data[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

static char *
format_line (const char *json)
{
  return g_strdup_printf ("%08x %s\n", crc32_of (json, strlen (json)), json);
}

static void
command_free (Command *command)
{
  g_free (command->json);
  g_clear_pointer (&command->records, g_ptr_array_unref);
  g_clear_pointer (&command->snapshot, _vv_project_snapshot_free);
  g_strfreev (command->targets);
  g_free (command);
}

/* Locations */

/**
 * vv_journal_get_state_dir:
 *
 * Returns: (transfer full): the folder of journals that do not live next to
 *   their project ($XDG_STATE_HOME/visavis/journals)
 */
char *
vv_journal_get_state_dir (void)
{
  /* read the variable each time: tests point it at a temporary folder */
  const char *state = g_getenv ("XDG_STATE_HOME");

  if (state != NULL && g_path_is_absolute (state))
    return g_build_filename (state, "visavis", "journals", NULL);
  return g_build_filename (g_get_home_dir (), ".local", "state", "visavis", "journals", NULL);
}

static char *
journal_path_beside (const char *project_path)
{
  g_autofree char *dir = g_path_get_dirname (project_path);
  g_autofree char *base = g_path_get_basename (project_path);
  g_autofree char *name = g_strdup_printf (".%s.journal", base);

  return g_build_filename (dir, name, NULL);
}

static char *
journal_path_in_state (const char *project_path)
{
  g_autofree char *dir = vv_journal_get_state_dir ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, project_path, -1);
  g_autofree char *name = g_strdup_printf ("project-%.16s.journal", hash);

  return g_build_filename (dir, name, NULL);
}

static char **
journal_targets_for_project (GFile *project)
{
  g_autofree char *path = g_file_get_path (project);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **targets;

  if (path != NULL)
    {
      g_autofree char *beside = journal_path_beside (path);
      g_autofree char *state = journal_path_in_state (path);

      g_strv_builder_add (builder, beside);
      g_strv_builder_add (builder, state);
    }
  else
    {
      g_autofree char *uri = g_file_get_uri (project);
      g_autofree char *state = journal_path_in_state (uri);

      g_strv_builder_add (builder, state);
    }
  targets = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return targets;
}

static char *
new_unsaved_path (void)
{
  g_autofree char *dir = vv_journal_get_state_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("unsaved-%s-%d-%08x.journal", stamp, (int)getpid (),
                                           g_random_int ());

  return g_build_filename (dir, name, NULL);
}

/* TRUE when a live process holds the journal open */
static gboolean
journal_is_live (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  gboolean live = FALSE;

  if (fd < 0)
    return FALSE;
  if (flock (fd, LOCK_SH | LOCK_NB) != 0)
    live = errno == EWOULDBLOCK;
  else
    flock (fd, LOCK_UN);
  close (fd);
  return live;
}

/**
 * vv_journal_find_for_project:
 * @project: a project file
 *
 * Finds the journal of @project left by a session that did not end
 * normally (one that no running process holds).
 *
 * Returns: (transfer full) (nullable): the journal file
 */
GFile *
vv_journal_find_for_project (GFile *project)
{
  g_auto(GStrv) targets = NULL;

  g_return_val_if_fail (G_IS_FILE (project), NULL);

  targets = journal_targets_for_project (project);
  for (guint i = 0; targets[i] != NULL; i++)
    if (g_file_test (targets[i], G_FILE_TEST_IS_REGULAR) && !journal_is_live (targets[i]))
      return g_file_new_for_path (targets[i]);
  return NULL;
}

/**
 * vv_journal_list_unsaved:
 *
 * The journals of articles that were never saved, left by sessions that did
 * not end normally, newest first.
 *
 * Returns: (transfer full) (element-type GFile): the journal files
 */
GPtrArray *
vv_journal_list_unsaved (void)
{
  g_autofree char *dir_path = vv_journal_get_state_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  if (dir == NULL)
    return files;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "unsaved-") && g_str_has_suffix (name, ".journal"))
      g_ptr_array_add (names, g_strdup (name));

  /* names start with the time: newest first */
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  for (guint i = names->len; i > 0; i--)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i - 1), NULL);

      if (!journal_is_live (path))
        g_ptr_array_add (files, g_file_new_for_path (path));
    }
  return files;
}

/* Reading */

/* Splits @data into checked records; stops at the first bad line (a torn
 * write) and ignores what follows. The first record must be a header. */
static GPtrArray *
parse_journal (const char  *data,
               gsize        length,
               const char  *display_name,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  const char *p = data, *end = data + length;
  JsonObject *header;
  gint64 version;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      g_autoptr(JsonNode) node = NULL;
      char *crc_end = NULL;
      guint64 crc;
      gsize json_length;

      if (nl == NULL || nl - p < 10 || p[8] != ' ')
        break;
      crc = g_ascii_strtoull (p, &crc_end, 16);
      if (crc_end != p + 8)
        break;
      json_length = (gsize)(nl - (p + 9));
      if (crc32_of (p + 9, json_length) != (guint32)crc)
        break;
      {
        g_autofree char *json = g_strndup (p + 9, json_length);

        node = json_from_string (json, NULL);
      }
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        break;
      g_ptr_array_add (records, g_steal_pointer (&node));
      p = nl + 1;
    }

  if (records->len == 0)
    {
      g_set_error (error, VV_JOURNAL_ERROR, VV_JOURNAL_ERROR_INVALID,
                   _("“%s” is not a Vis-à-vis journal"), display_name);
      return NULL;
    }

  header = json_node_get_object (g_ptr_array_index (records, 0));
  if (g_strcmp0 (json_object_get_string_member_with_default (header, "journal", ""), "visavis") != 0)
    {
      g_set_error (error, VV_JOURNAL_ERROR, VV_JOURNAL_ERROR_INVALID,
                   _("“%s” is not a Vis-à-vis journal"), display_name);
      return NULL;
    }
  version = json_object_get_int_member_with_default (header, "version", 0);
  if (version > JOURNAL_VERSION)
    {
      g_set_error (error, VV_JOURNAL_ERROR, VV_JOURNAL_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Vis-à-vis"), display_name);
      return NULL;
    }

  return g_steal_pointer (&records);
}

static const char *
record_op (JsonNode *node)
{
  return json_object_get_string_member_with_default (json_node_get_object (node), "op", "");
}

static GPtrArray *
load_journal (GFile   *file,
              GError **error)
{
  g_autofree char *display_name = vv_file_get_display_name (file);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot read the journal “%s”: %s"), display_name, local_error->message);
      return NULL;
    }
  return parse_journal (data, length, display_name, error);
}

void
vv_journal_info_free (VvJournalInfo *info)
{
  if (info == NULL)
    return;
  g_clear_object (&info->file);
  g_clear_object (&info->project);
  g_free (info->title);
  g_clear_pointer (&info->modified, g_date_time_unref);
  g_free (info);
}

/**
 * vv_journal_read_info:
 * @journal_file: a journal
 * @error: return location for an error
 *
 * Reads what a recovery offer shows, without applying anything.
 *
 * Returns: (transfer full) (nullable): the description
 */
VvJournalInfo *
vv_journal_read_info (GFile   *journal_file,
                      GError **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GFileInfo) file_info = NULL;
  VvJournalInfo *info;
  JsonObject *header;
  const char *uri;

  g_return_val_if_fail (G_IS_FILE (journal_file), NULL);

  records = load_journal (journal_file, error);
  if (records == NULL)
    return NULL;

  info = g_new0 (VvJournalInfo, 1);
  info->file = g_object_ref (journal_file);
  header = json_node_get_object (g_ptr_array_index (records, 0));
  uri = json_object_get_string_member_with_default (header, "project", NULL);
  if (uri != NULL)
    info->project = g_file_new_for_uri (uri);
  info->title = g_strdup (json_object_get_string_member_with_default (header, "title", NULL));
  for (guint i = 1; i < records->len; i++)
    {
      const char *op = record_op (g_ptr_array_index (records, i));

      if (g_strcmp0 (op, "snapshot") != 0 && g_strcmp0 (op, "saving") != 0)
        info->n_changes++;
    }
  file_info = g_file_query_info (journal_file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                                 NULL, NULL);
  if (file_info != NULL)
    info->modified = g_file_info_get_modification_date_time (file_info);
  return info;
}

/* Replay */

static VvComment *
comment_from_object (JsonObject *object)
{
  g_autoptr(GDateTime) time = vv_date_time_parse_iso8601 (
    json_object_get_string_member_with_default (object, "time", NULL));

  return vv_comment_new (json_object_get_string_member_with_default (object, "author", NULL),
                         time,
                         json_object_get_string_member_with_default (object, "text", ""),
                         json_object_get_boolean_member_with_default (object, "resolved", FALSE));
}

static gboolean
replay_record (VvDocument *document,
               JsonObject *record)
{
  const char *op = json_object_get_string_member_with_default (record, "op", "");
  gint64 id = json_object_get_int_member_with_default (record, "id", 0);
  VvSegment *segment;

  if (g_strcmp0 (op, "meta") == 0)
    {
      static const char * const names[] = { "title", "source-uri", "source-language", "target-language" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          JsonNode *node = json_object_get_member (record, names[i]);

          if (node == NULL)
            continue;
          if (JSON_NODE_HOLDS_NULL (node))
            g_object_set (document, names[i], NULL, NULL);
          else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_object_set (document, names[i], json_node_get_string (node), NULL);
          else
            return FALSE;
        }
      return TRUE;
    }

  if (g_strcmp0 (op, "block") == 0)
    {
      gint64 index = json_object_get_int_member_with_default (record, "index", -1);
      VvBlock *block = NULL;

      /* the block of its first segment (ids survive splits and merges),
       * else by position */
      if (id > 0 && id <= G_MAXUINT && (segment = vv_document_lookup_segment (document, (guint)id)) != NULL)
        block = vv_segment_get_block (segment);
      else if (index >= 0 && index < vv_document_get_n_blocks (document))
        block = vv_document_get_block (document, (guint)index);
      if (block == NULL)
        return FALSE;
      vv_block_set_included (block, json_object_get_boolean_member_with_default (record, "included", FALSE));
      return TRUE;
    }

  if (id <= 0 || id > G_MAXUINT)
    return FALSE;
  segment = vv_document_lookup_segment (document, (guint)id);
  if (segment == NULL)
    return FALSE;

  if (g_strcmp0 (op, "seg") == 0)
    {
      VvSegmentState state;
      VvSegmentFlags flags = VV_SEGMENT_FLAGS_NONE;
      JsonArray *array = NULL;

      if (!vv_segment_state_from_string (json_object_get_string_member_with_default (record, "state", ""),
                                         &state))
        return FALSE;
      if (json_object_has_member (record, "flags") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (record, "flags")))
        array = json_object_get_array_member (record, "flags");
      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          const char *flag = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;

          if (g_strcmp0 (flag, "locked") == 0)
            flags |= VV_SEGMENT_FLAGS_LOCKED;
          else if (g_strcmp0 (flag, "do-not-translate") == 0)
            flags |= VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE;
        }
      vv_segment_set_target (segment, json_object_get_string_member_with_default (record, "target", NULL));
      vv_segment_set_state (segment, state);
      vv_segment_set_origin (segment, json_object_get_string_member_with_default (record, "origin", NULL));
      vv_segment_set_flags (segment, flags);
      return TRUE;
    }

  if (g_strcmp0 (op, "comments") == 0)
    {
      JsonArray *array;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (record, "comments")))
        return FALSE;
      array = json_object_get_array_member (record, "comments");
      n = vv_segment_get_n_comments (segment);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return FALSE;
          if (i < n)
            vv_segment_set_comment_resolved (segment, i,
              json_object_get_boolean_member_with_default (json_node_get_object (node), "resolved", FALSE));
          else
            vv_segment_add_comment (segment, comment_from_object (json_node_get_object (node)));
        }
      return TRUE;
    }

  if (g_strcmp0 (op, "history") == 0)
    {
      gint64 index = json_object_get_int_member_with_default (record, "index", -1);
      JsonNode *node = json_object_get_member (record, "entry");
      JsonObject *entry;
      g_autoptr(GDateTime) time = NULL;
      VvSegmentState state;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || index < 0)
        return FALSE;
      if ((guint64)index < vv_segment_get_n_history (segment))
        return TRUE;  /* already there */
      if ((guint64)index > vv_segment_get_n_history (segment))
        return FALSE;
      entry = json_node_get_object (node);
      if (!vv_segment_state_from_string (json_object_get_string_member_with_default (entry, "state", ""),
                                         &state))
        return FALSE;
      time = vv_date_time_parse_iso8601 (json_object_get_string_member_with_default (entry, "time", NULL));
      vv_segment_add_history (segment,
        vv_history_entry_new (time,
                              json_object_get_string_member_with_default (entry, "author", NULL),
                              state,
                              json_object_get_string_member_with_default (entry, "target", NULL),
                              json_object_get_string_member_with_default (entry, "origin", NULL)));
      return TRUE;
    }

  if (g_strcmp0 (op, "suggestions") == 0)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (record, "list")))
        return FALSE;
      array = json_object_get_array_member (record, "list");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *item;
          const char *provider, *text;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return FALSE;
          item = json_node_get_object (node);
          provider = json_object_get_string_member_with_default (item, "provider", NULL);
          text = json_object_get_string_member_with_default (item, "text", NULL);
          if (provider == NULL || text == NULL)
            return FALSE;
          vv_segment_set_suggestion (segment, provider, text);
        }
      return TRUE;
    }

  if (g_strcmp0 (op, "split") == 0)
    {
      const char *source = vv_segment_get_source (segment);
      const char *head = json_object_get_string_member_with_default (record, "head", NULL);
      const char *tail = json_object_get_string_member_with_default (record, "tail", NULL);
      gint64 new_id = json_object_get_int_member_with_default (record, "new", 0);
      gsize offset;

      if (head == NULL || tail == NULL || new_id <= 0 || new_id > G_MAXUINT ||
          !g_str_has_prefix (source, head) || !g_str_has_suffix (source, tail) ||
          strlen (source) < strlen (head) + strlen (tail))
        return FALSE;
      offset = strlen (source) - strlen (tail);
      if (vv_document_split_segment (document, segment, offset, -1, (guint)new_id, NULL) == NULL)
        return FALSE;
      return g_strcmp0 (vv_segment_get_source (segment), head) == 0;
    }

  if (g_strcmp0 (op, "merge") == 0)
    {
      VvBlock *block = vv_segment_get_block (segment);
      gint64 removed = json_object_get_int_member_with_default (record, "removed", 0);
      guint index;

      for (index = 0; index < vv_block_get_n_segments (block); index++)
        if (vv_block_get_segment (block, index) == segment)
          break;
      if (index + 1 >= vv_block_get_n_segments (block) ||
          vv_segment_get_id (vv_block_get_segment (block, index + 1)) != (guint64)removed)
        return FALSE;
      return vv_document_merge_segment (document, segment, NULL);
    }

  return FALSE;
}

/**
 * vv_journal_recover:
 * @journal_file: a journal left by a session that did not end normally
 * @project: (out) (optional) (transfer full) (nullable): the project file the
 *   document belongs to, or %NULL for an article that was never saved
 * @n_applied: (out) (optional): how many changes were applied
 * @error: return location for an error
 *
 * Rebuilds the document as it was when the journal was last written: the
 * project file (or the snapshot in the journal) plus every recorded change.
 * The result is marked as having unsaved changes. Nothing is written.
 *
 * Returns: (transfer full) (nullable): the recovered document
 */
VvDocument *
vv_journal_recover (GFile   *journal_file,
                    GFile  **project,
                    guint   *n_applied,
                    GError **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autofree char *display_name = NULL;
  JsonObject *header;
  const char *uri;
  guint start = 1, applied = 0;

  g_return_val_if_fail (G_IS_FILE (journal_file), NULL);

  records = load_journal (journal_file, error);
  if (records == NULL)
    return NULL;

  display_name = vv_file_get_display_name (journal_file);
  header = json_node_get_object (g_ptr_array_index (records, 0));
  uri = json_object_get_string_member_with_default (header, "project", NULL);
  if (uri != NULL)
    project_file = g_file_new_for_uri (uri);

  if (records->len > 1 && g_strcmp0 (record_op (g_ptr_array_index (records, 1)), "snapshot") == 0)
    {
      JsonObject *snapshot = json_node_get_object (g_ptr_array_index (records, 1));
      const char *data = json_object_get_string_member_with_default (snapshot, "data", NULL);

      if (data == NULL)
        {
          g_set_error (error, VV_JOURNAL_ERROR, VV_JOURNAL_ERROR_INVALID,
                       _("“%s” is damaged: its copy of the document is missing"), display_name);
          return NULL;
        }
      document = vv_project_from_data (data, strlen (data), display_name, error);
      if (document == NULL)
        return NULL;
      start = 2;
    }
  else
    {
      const char *base = json_object_get_string_member_with_default (header, "base-changed", NULL);
      g_autofree char *changed = NULL;

      if (project_file == NULL)
        {
          g_set_error (error, VV_JOURNAL_ERROR, VV_JOURNAL_ERROR_INVALID,
                       _("“%s” is damaged: it names no project"), display_name);
          return NULL;
        }
      /* only a regular file: a damaged journal must not make us read
       * /dev/zero or a FIFO forever */
      if (g_file_query_file_type (project_file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
        {
          g_autofree char *project_name = vv_file_get_display_name (project_file);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The unsaved changes to “%s” cannot be recovered: the project file is missing"),
                       project_name);
          return NULL;
        }
      document = vv_project_load (project_file, NULL, error);
      if (document == NULL)
        return NULL;

      changed = vv_date_time_format_iso8601 (vv_document_get_changed (document));
      if (g_strcmp0 (changed, base) != 0)
        {
          /* Saved after the journal began, and the program stopped before
           * the journal was compacted: replay what followed that save */
          gboolean found = FALSE;

          for (guint i = records->len; i > 1; i--)
            {
              JsonObject *record = json_node_get_object (g_ptr_array_index (records, i - 1));

              if (g_strcmp0 (json_object_get_string_member_with_default (record, "op", ""), "saving") == 0 &&
                  g_strcmp0 (json_object_get_string_member_with_default (record, "changed", ""), changed) == 0)
                {
                  start = i;
                  found = TRUE;
                  break;
                }
            }
          if (!found)
            {
              g_autofree char *project_name = vv_file_get_display_name (project_file);

              g_set_error (error, VV_JOURNAL_ERROR, VV_JOURNAL_ERROR_BASE_CHANGED,
                           _("The unsaved changes to “%s” cannot be recovered: the file was changed "
                             "by another program since they were made"), project_name);
              return NULL;
            }
        }
    }

  vv_document_begin_batch (document);
  for (guint i = start; i < records->len; i++)
    {
      JsonObject *record = json_node_get_object (g_ptr_array_index (records, i));
      const char *op = json_object_get_string_member_with_default (record, "op", "");

      if (g_strcmp0 (op, "saving") == 0 || g_strcmp0 (op, "snapshot") == 0)
        continue;
      if (replay_record (document, record))
        applied++;
      else
        g_debug ("%s: record %u (%s) does not apply", display_name, i, op);
    }
  vv_document_end_batch (document);
  vv_document_set_dirty (document, TRUE);

  if (project != NULL)
    *project = g_steal_pointer (&project_file);
  if (n_applied != NULL)
    *n_applied = applied;
  return g_steal_pointer (&document);
}

/**
 * vv_journal_discard:
 * @journal_file: a journal
 * @error: return location for an error
 *
 * Deletes a journal whose changes the user chose not to recover.
 *
 * Returns: %TRUE on success
 */
gboolean
vv_journal_discard (GFile   *journal_file,
                    GError **error)
{
  g_return_val_if_fail (G_IS_FILE (journal_file), FALSE);
  return g_file_delete (journal_file, NULL, error);
}

/* The worker */

typedef struct
{
  VvJournal *journal;
  GError    *error;
} FailedData;

static gboolean
emit_failed_cb (gpointer user_data)
{
  FailedData *data = user_data;

  g_signal_emit (data->journal, signals[FAILED], 0, data->error);
  g_object_unref (data->journal);
  g_error_free (data->error);
  g_free (data);
  return G_SOURCE_REMOVE;
}

static void
worker_fail (VvJournal  *self,
             int         saved_errno,
             const char *path)
{
  g_autofree char *display_name = g_filename_display_name (path);
  FailedData *data;
  GError *error;

  if (saved_errno == ENOSPC || saved_errno == EFBIG)
    error = g_error_new (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                         _("Cannot record changes in “%s”: the disk is full. Save the project to keep your work"),
                         display_name);
  else
    error = g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                         _("Cannot record changes in “%s”: %s. Save the project to keep your work"),
                         display_name, g_strerror (saved_errno));

  g_mutex_lock (&self->mutex);
  if (self->error == NULL)
    {
      self->error = g_error_copy (error);
      data = g_new0 (FailedData, 1);
      data->journal = g_object_ref (self);
      data->error = error;
      g_main_context_invoke (self->context, emit_failed_cb, data);
    }
  else
    g_error_free (error);
  g_mutex_unlock (&self->mutex);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= (gsize)n;
    }
  return TRUE;
}

static int
open_locked (const char *path,
             int         flags)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  g_mkdir_with_parents (dir, 0700);
  fd = open (path, flags | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("journal %s is locked by another process", path);
  return fd;
}

/* Rewrites the journal at the first target that works: the new header,
 * then the changes made after @upto. */
static void
worker_compact (VvJournal *self,
                Command   *command)
{
  g_autofree char *old_path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *header_line = format_line (command->json);
  const char *p, *end;
  gsize length = 0;

  g_mutex_lock (&self->mutex);
  old_path = g_strdup (self->path);
  g_mutex_unlock (&self->mutex);

  g_string_append (out, header_line);
  if (g_file_get_contents (old_path, &data, &length, NULL))
    {
      for (p = data, end = data + length; p < end; )
        {
          const char *nl = memchr (p, '\n', end - p);
          g_autofree char *json = NULL;
          g_autoptr(JsonNode) node = NULL;

          if (nl == NULL || nl - p < 10)
            break;
          json = g_strndup (p + 9, nl - (p + 9));
          if (crc32_of (json, strlen (json)) != (guint32)g_ascii_strtoull (p, NULL, 16))
            break;
          node = json_from_string (json, NULL);
          if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
              json_object_get_int_member_with_default (json_node_get_object (node), "seq", 0) > (gint64)command->upto)
            g_string_append_len (out, p, nl + 1 - p);
          p = nl + 1;
        }
    }

  for (guint i = 0; command->targets[i] != NULL; i++)
    {
      const char *target = command->targets[i];
      g_autofree char *tmp = g_strconcat (target, ".tmp", NULL);
      int fd = open_locked (tmp, O_CREAT | O_TRUNC);

      if (fd < 0)
        continue;
      if (!write_all (fd, out->str, out->len) || fdatasync (fd) != 0 || g_rename (tmp, target) != 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (tmp);
          if (command->targets[i + 1] == NULL)
            worker_fail (self, saved_errno, target);
          continue;
        }

      if (g_strcmp0 (old_path, target) != 0)
        g_unlink (old_path);
      if (self->fd >= 0)
        close (self->fd);
      /* the renamed file keeps the lock taken on tmp: same open file */
      self->fd = fd;
      if (lseek (self->fd, 0, SEEK_END) < 0)
        g_debug ("journal %s: cannot seek", target);
      g_mutex_lock (&self->mutex);
      g_free (self->path);
      self->path = g_strdup (target);
      g_mutex_unlock (&self->mutex);
      return;
    }
}

/* The first records of a new journal are written: make them durable and
 * only then put the file in place of the journal it replaces */
static void
worker_finish_start (VvJournal *self)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  struct stat old, now;
  int dir_fd;

  g_mutex_lock (&self->mutex);
  path = g_strdup (self->path);
  g_mutex_unlock (&self->mutex);

  if (fdatasync (self->fd) != 0 || (self->start_tmp != NULL && g_rename (self->start_tmp, path) != 0))
    {
      int saved_errno = errno;

      if (self->start_tmp != NULL)
        g_unlink (self->start_tmp);
      close (self->fd);
      self->fd = -1;
      worker_fail (self, saved_errno, path);
    }
  else
    {
      dir = g_path_get_dirname (path);
      dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (dir_fd >= 0)
        {
          (void)fsync (dir_fd);
          close (dir_fd);
        }
      /* the recovered journal, unless it is this file by another name */
      if (self->replaces != NULL &&
          !(g_stat (self->replaces, &old) == 0 && g_stat (path, &now) == 0 &&
            old.st_dev == now.st_dev && old.st_ino == now.st_ino))
        g_unlink (self->replaces);
    }
  g_clear_pointer (&self->start_tmp, g_free);
  g_clear_pointer (&self->replaces, g_free);
}

static void add_member_string (JsonBuilder *builder,
                               const char  *name,
                               const char  *value);

/* {"op": "snapshot", "data": PROJECT}: built in the worker, from a copy of
 * the model the main thread took cheaply (the texts are shared) */
static char *
snapshot_record (const VvProjectSnapshot *snapshot)
{
  g_autoptr(JsonNode) project = _vv_project_snapshot_to_node (snapshot);
  g_autofree char *data = _vv_project_node_to_data (project, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_member_string (builder, "op", "snapshot");
  add_member_string (builder, "data", data);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gpointer
worker_thread (gpointer user_data)
{
  VvJournal *self = user_data;
  gboolean quit = FALSE;

  while (!quit)
    {
      Command *command = g_async_queue_pop (self->queue);
      guint64 counter = command->counter;

      switch (command->kind)
        {
        case COMMAND_WRITE:
          if (command->snapshot != NULL)
            g_ptr_array_add (command->records, snapshot_record (command->snapshot));
          if (self->fd >= 0)
            {
              g_autoptr(GString) lines = g_string_new (NULL);

              for (guint i = 0; i < command->records->len; i++)
                {
                  const char *json = g_ptr_array_index (command->records, i);

                  g_string_append_printf (lines, "%08x %s\n", crc32_of (json, strlen (json)), json);
                }
              if (!write_all (self->fd, lines->str, lines->len))
                {
                  g_autofree char *path = NULL;
                  int saved_errno = errno;

                  g_mutex_lock (&self->mutex);
                  path = g_strdup (self->path);
                  g_mutex_unlock (&self->mutex);
                  if (self->start_tmp != NULL || self->replaces != NULL)
                    {
                      /* the journal it was to replace stays */
                      g_unlink (self->start_tmp != NULL ? self->start_tmp : path);
                      g_clear_pointer (&self->start_tmp, g_free);
                      g_clear_pointer (&self->replaces, g_free);
                      close (self->fd);
                      self->fd = -1;
                    }
                  worker_fail (self, saved_errno, path);
                }
              else if (self->start_tmp != NULL || self->replaces != NULL)
                worker_finish_start (self);
            }
          break;

        case COMMAND_COMPACT:
          worker_compact (self, command);
          break;

        case COMMAND_QUIT:
          quit = TRUE;
          if (self->fd >= 0)
            {
              if (command->remove)
                {
                  g_mutex_lock (&self->mutex);
                  g_unlink (self->path);
                  g_mutex_unlock (&self->mutex);
                }
              else
                (void)fdatasync (self->fd);
              close (self->fd);
              self->fd = -1;
            }
          break;

        case COMMAND_SYNC:
        default:
          break;
        }
      command_free (command);

      /* Queue drained: make what was written durable, then tell waiters */
      if (g_async_queue_length (self->queue) <= 0 || quit)
        {
          if (self->fd >= 0)
            (void)fdatasync (self->fd);
          g_mutex_lock (&self->mutex);
          self->written = counter;
          g_cond_broadcast (&self->cond);
          g_mutex_unlock (&self->mutex);
        }
    }

  return NULL;
}

/* The main-thread side */

/* Records made during one turn of the main loop (the records of one user
 * action: a merge and the segment it leaves, a confirmation and its history
 * entry) go to the writer together, as one write(2): a killed process
 * leaves all of them or none. */
static void
push_batch (VvJournal *self)
{
  Command *command;

  g_clear_handle_id (&self->batch_idle_id, g_source_remove);
  if (self->batch->len == 0)
    return;

  command = g_new0 (Command, 1);
  command->kind = COMMAND_WRITE;
  command->counter = self->counter;
  command->records = g_steal_pointer (&self->batch);
  self->batch = g_ptr_array_new_with_free_func (g_free);
  g_async_queue_push (self->queue, command);
}

static gboolean
batch_idle_cb (gpointer user_data)
{
  VvJournal *self = user_data;

  self->batch_idle_id = 0;
  push_batch (self);
  return G_SOURCE_REMOVE;
}

static guint64
enqueue (VvJournal   *self,
         CommandKind  kind,
         char        *json)
{
  Command *command;

  if (kind == COMMAND_WRITE)
    {
      g_ptr_array_add (self->batch, json);
      if (self->batch_idle_id == 0)
        self->batch_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, batch_idle_cb, self, NULL);
      return ++self->counter;
    }

  push_batch (self);
  command = g_new0 (Command, 1);
  command->kind = kind;
  command->counter = ++self->counter;
  command->json = json;
  /* the worker may free the command as soon as it is pushed */
  g_async_queue_push (self->queue, command);
  return self->counter;
}

static char *
node_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static JsonBuilder *
begin_record (VvJournal  *self,
              const char *op,
              VvSegment  *segment)
{
  JsonBuilder *builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, (gint64)self->counter + 1);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, op);
  if (segment != NULL)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, vv_segment_get_id (segment));
    }
  return builder;
}

static void
end_record (VvJournal   *self,
            JsonBuilder *builder)
{
  json_builder_end_object (builder);
  enqueue (self, COMMAND_WRITE, node_to_string (builder));
  g_object_unref (builder);
}

static void
add_member_string (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_member_time (JsonBuilder *builder,
                 const char  *name,
                 GDateTime   *time)
{
  g_autofree char *text = vv_date_time_format_iso8601 (time);

  add_member_string (builder, name, text);
}

static void
write_segment (VvJournal *self,
               VvSegment *segment)
{
  JsonBuilder *builder = begin_record (self, "seg", segment);
  VvSegmentFlags flags = vv_segment_get_flags (segment);

  g_hash_table_remove (self->pending, segment);

  add_member_string (builder, "target", vv_segment_get_target (segment));
  add_member_string (builder, "state", vv_segment_state_to_string (vv_segment_get_state (segment)));
  add_member_string (builder, "origin", vv_segment_get_origin (segment));
  if (flags != VV_SEGMENT_FLAGS_NONE)
    {
      json_builder_set_member_name (builder, "flags");
      json_builder_begin_array (builder);
      if (flags & VV_SEGMENT_FLAGS_LOCKED)
        json_builder_add_string_value (builder, "locked");
      if (flags & VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE)
        json_builder_add_string_value (builder, "do-not-translate");
      json_builder_end_array (builder);
    }
  end_record (self, builder);
}

static void
write_comments (VvJournal *self,
                VvSegment *segment)
{
  JsonBuilder *builder = begin_record (self, "comments", segment);

  json_builder_set_member_name (builder, "comments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < vv_segment_get_n_comments (segment); i++)
    {
      const VvComment *c = vv_segment_get_comment (segment, i);

      json_builder_begin_object (builder);
      add_member_string (builder, "author", c->author);
      add_member_time (builder, "time", c->time);
      add_member_string (builder, "text", c->text);
      json_builder_set_member_name (builder, "resolved");
      json_builder_add_boolean_value (builder, c->resolved);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  end_record (self, builder);
}

static void
write_history (VvJournal *self,
               VvSegment *segment)
{
  guint n = vv_segment_get_n_history (segment);
  const VvHistoryEntry *h;
  JsonBuilder *builder;

  if (n == 0)
    return;
  h = vv_segment_get_history (segment, n - 1);
  builder = begin_record (self, "history", segment);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, n - 1);
  json_builder_set_member_name (builder, "entry");
  json_builder_begin_object (builder);
  add_member_time (builder, "time", h->time);
  add_member_string (builder, "author", h->author);
  add_member_string (builder, "state", vv_segment_state_to_string (h->state));
  add_member_string (builder, "target", h->target);
  add_member_string (builder, "origin", h->origin);
  json_builder_end_object (builder);
  end_record (self, builder);
}

static void
write_suggestions (VvJournal *self,
                   VvSegment *segment)
{
  JsonBuilder *builder = begin_record (self, "suggestions", segment);

  json_builder_set_member_name (builder, "list");
  json_builder_begin_array (builder);
  for (guint i = 0; i < vv_segment_get_n_suggestions (segment); i++)
    {
      const VvSuggestion *s = vv_segment_get_suggestion (segment, i);

      json_builder_begin_object (builder);
      add_member_string (builder, "provider", s->provider);
      add_member_string (builder, "text", s->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  end_record (self, builder);
}

/* Comments are written from an idle callback, not at once: a merge copies
 * the next segment's comments one by one before it reports the merge, and
 * those copies must not be recorded as comments of their own. */
static void
write_pending_comments (VvJournal *self)
{
  GHashTableIter iter;
  gpointer key;

  g_clear_handle_id (&self->comments_idle_id, g_source_remove);
  g_hash_table_iter_init (&iter, self->pending_comments);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (vv_segment_get_block (key) != NULL)
        write_comments (self, key);
      g_hash_table_iter_remove (&iter);
    }
}

static gboolean
comments_idle_cb (gpointer user_data)
{
  VvJournal *self = user_data;

  self->comments_idle_id = 0;
  write_pending_comments (self);
  return G_SOURCE_REMOVE;
}

/**
 * vv_journal_write_pending:
 * @self: a #VvJournal
 *
 * Queues the target texts still waiting for the idle delay, as when the
 * translator moves to another segment or the window closes.
 */
void
vv_journal_write_pending (VvJournal *self)
{
  g_autoptr(GPtrArray) segments = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (VV_IS_JOURNAL (self));

  write_pending_comments (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (g_hash_table_size (self->pending) == 0)
    return;

  /* keep them alive while write_segment() removes them from the table */
  segments = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (segments, g_object_ref (key));
  for (guint i = 0; i < segments->len; i++)
    {
      VvSegment *segment = g_ptr_array_index (segments, i);

      if (vv_segment_get_block (segment) != NULL)
        write_segment (self, segment);
      else
        g_hash_table_remove (self->pending, segment);
      g_object_unref (segment);
    }
}

static void schedule_pending (VvJournal *self,
                              gint64     delay_us);

static void
pending_timeout_cb (gpointer user_data)
{
  VvJournal *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 delay = (gint64)self->idle_delay * 1000;
  gint64 next = G_MAXINT64;
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func (g_object_unref);

  self->timeout_id = 0;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 when = *(gint64 *)value;

      if (now - when >= delay)
        g_ptr_array_add (due, g_object_ref (key));
      else
        next = MIN (next, when + delay - now);
    }

  for (guint i = 0; i < due->len; i++)
    {
      VvSegment *segment = g_ptr_array_index (due, i);

      if (vv_segment_get_block (segment) != NULL)
        write_segment (self, segment);
      else
        g_hash_table_remove (self->pending, segment);
    }

  if (next != G_MAXINT64)
    schedule_pending (self, next);
}

static void
schedule_pending (VvJournal *self,
                  gint64     delay_us)
{
  if (self->timeout_id != 0)
    return;
  self->timeout_id = g_timeout_add_once ((guint)MAX (1, (delay_us + 999) / 1000), pending_timeout_cb, self);
}

static void
forget_removed (VvJournal *self,
                guint     *removed_id)
{
  GHashTableIter iter;
  gpointer key, value;

  *removed_id = 0;
  g_hash_table_iter_init (&iter, self->known);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      VvBlock *block = vv_segment_get_block (value);

      if (block == NULL || vv_block_get_document (block) != self->document)
        {
          *removed_id = GPOINTER_TO_UINT (key);
          g_hash_table_iter_remove (&iter);
        }
    }
}

static void
structure_changed (VvJournal *self,
                   VvSegment *segment)
{
  VvBlock *block = vv_segment_get_block (segment);
  VvSegment *next = NULL;
  guint removed;

  /* comments copied by a merge are in the merge; other pending changes go
   * first, so that the order of changes is kept */
  g_hash_table_remove (self->pending_comments, segment);
  vv_journal_write_pending (self);

  for (guint i = 0; block != NULL && i + 1 < vv_block_get_n_segments (block); i++)
    if (vv_block_get_segment (block, i) == segment)
      {
        next = vv_block_get_segment (block, i + 1);
        break;
      }

  forget_removed (self, &removed);
  if (removed != 0)
    {
      JsonBuilder *builder = begin_record (self, "merge", segment);

      json_builder_set_member_name (builder, "removed");
      json_builder_add_int_value (builder, removed);
      end_record (self, builder);
      write_segment (self, segment);
      write_comments (self, segment);
    }
  else if (next != NULL &&
           !g_hash_table_contains (self->known, GUINT_TO_POINTER (vv_segment_get_id (next))))
    {
      JsonBuilder *builder = begin_record (self, "split", segment);

      json_builder_set_member_name (builder, "new");
      json_builder_add_int_value (builder, vv_segment_get_id (next));
      add_member_string (builder, "head", vv_segment_get_source (segment));
      add_member_string (builder, "tail", vv_segment_get_source (next));
      end_record (self, builder);
      g_hash_table_insert (self->known, GUINT_TO_POINTER (vv_segment_get_id (next)), g_object_ref (next));
      write_segment (self, segment);
      write_segment (self, next);
    }
  else
    g_debug ("journal: source of segment %u changed by an unknown operation", vv_segment_get_id (segment));
}

static void
on_document_segment_changed_cb (VvDocument *document,
                                VvSegment  *segment,
                                guint       change,
                                VvJournal  *self)
{
  if (self->closed)
    return;

  if (change & VV_SEGMENT_CHANGE_SOURCE)
    {
      structure_changed (self, segment);
      return;
    }

  if (change & (VV_SEGMENT_CHANGE_STATE | VV_SEGMENT_CHANGE_FLAGS))
    write_segment (self, segment);
  else if (change & (VV_SEGMENT_CHANGE_TARGET | VV_SEGMENT_CHANGE_ORIGIN))
    {
      gint64 *when = g_new (gint64, 1);

      *when = g_get_monotonic_time ();
      if (self->idle_delay == 0)
        {
          g_free (when);
          write_segment (self, segment);
        }
      else
        {
          g_hash_table_replace (self->pending, g_object_ref (segment), when);
          schedule_pending (self, (gint64)self->idle_delay * 1000);
        }
    }

  if (change & VV_SEGMENT_CHANGE_COMMENTS)
    {
      g_hash_table_add (self->pending_comments, g_object_ref (segment));
      if (self->comments_idle_id == 0)
        self->comments_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, comments_idle_cb, self, NULL);
    }
  if (change & VV_SEGMENT_CHANGE_HISTORY)
    write_history (self, segment);
  if (change & VV_SEGMENT_CHANGE_SUGGESTIONS)
    write_suggestions (self, segment);
}

static void
on_block_changed_cb (VvDocument *document,
                     VvBlock    *block,
                     VvJournal  *self)
{
  JsonBuilder *builder;
  guint index;

  if (self->closed)
    return;
  for (index = 0; index < vv_document_get_n_blocks (document); index++)
    if (vv_document_get_block (document, index) == block)
      break;
  if (index == vv_document_get_n_blocks (document))
    return;

  builder = begin_record (self, "block",
                          vv_block_get_n_segments (block) > 0 ? vv_block_get_segment (block, 0) : NULL);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, index);
  json_builder_set_member_name (builder, "included");
  json_builder_add_boolean_value (builder, vv_block_get_included (block));
  end_record (self, builder);
}

static void
on_document_notify_cb (VvDocument *document,
                       GParamSpec *pspec,
                       VvJournal  *self)
{
  static const char * const names[] = { "title", "source-uri", "source-language", "target-language", NULL };
  JsonBuilder *builder;

  if (self->closed || !g_strv_contains (names, pspec->name))
    return;

  builder = begin_record (self, "meta", NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (document, names[i], &value, NULL);
      json_builder_set_member_name (builder, names[i]);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  end_record (self, builder);
}

static char *
build_header (VvJournal  *self,
              GFile      *project,
              const char *base_changed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_member_string (builder, "journal", "visavis");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, JOURNAL_VERSION);
  if (project != NULL)
    {
      g_autofree char *uri = g_file_get_uri (project);

      add_member_string (builder, "project", uri);
    }
  add_member_string (builder, "base-changed", base_changed);
  add_member_string (builder, "title", vv_document_get_title (self->document));
  json_builder_end_object (builder);
  return node_to_string (builder);
}

static void
vv_journal_dispose (GObject *object)
{
  VvJournal *self = VV_JOURNAL (object);

  if (!self->closed)
    vv_journal_close (self, FALSE);

  G_OBJECT_CLASS (vv_journal_parent_class)->dispose (object);
}

static void
vv_journal_finalize (GObject *object)
{
  VvJournal *self = VV_JOURNAL (object);

  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->pending_comments, g_hash_table_unref);
  g_clear_pointer (&self->batch, g_ptr_array_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_error (&self->error);
  g_free (self->path);
  g_free (self->start_tmp);
  g_free (self->replaces);
  g_free (self->saving_changed);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (vv_journal_parent_class)->finalize (object);
}

static void
vv_journal_class_init (VvJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vv_journal_dispose;
  object_class->finalize = vv_journal_finalize;

  /**
   * VvJournal::failed:
   * @self: the journal
   * @error: what went wrong
   *
   * Emitted on the main context, once, when the journal cannot be written
   * (disk full, folder removed…). Changes are no longer recorded: the user
   * should save.
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
vv_journal_init (VvJournal *self)
{
  self->idle_delay = DEFAULT_IDLE_DELAY;
  self->pending = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->pending_comments = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->batch = g_ptr_array_new_with_free_func (g_free);
  self->known = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->queue = g_async_queue_new_full ((GDestroyNotify)command_free);
  self->fd = -1;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
}

/**
 * vv_journal_new:
 * @document: the open document
 * @project: (nullable): its project file, %NULL for an article never saved
 * @snapshot: whether to record the whole document first: %TRUE when
 *   @document does not match @project (a recovered document); forced when
 *   @project is %NULL
 * @error: return location for an error
 *
 * Starts a journal for @document, replacing any previous journal of the same
 * project (recover or discard that one first), and records every change of
 * @document from now on. The previous journal stays as it was until the
 * new one's first records are on disk.
 *
 * Returns: (transfer full) (nullable): the journal
 */
VvJournal *
vv_journal_new (VvDocument  *document,
                GFile       *project,
                gboolean     snapshot,
                GError     **error)
{
  return vv_journal_new_replacing (document, project, snapshot, NULL, error);
}

/**
 * vv_journal_new_replacing:
 * @document: the open document
 * @project: (nullable): its project file, %NULL for an article never saved
 * @snapshot: as for vv_journal_new()
 * @replaces: (nullable): the journal @document was recovered from, deleted
 *   once the new journal's first records (with the snapshot) are on disk
 * @error: return location for an error
 *
 * Like vv_journal_new(), after a recovery: there is no moment at which
 * neither journal holds the recovered changes.
 *
 * Returns: (transfer full) (nullable): the journal
 */
VvJournal *
vv_journal_new_replacing (VvDocument  *document,
                          GFile       *project,
                          gboolean     snapshot,
                          GFile       *replaces,
                          GError     **error)
{
  g_autoptr(VvJournal) self = NULL;
  g_auto(GStrv) targets = NULL;
  g_autofree char *base = NULL;
  int saved_errno = 0;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (project == NULL || G_IS_FILE (project), NULL);

  self = g_object_new (VV_TYPE_JOURNAL, NULL);
  self->document = g_object_ref (document);
  self->context = g_main_context_ref_thread_default ();

  if (project == NULL)
    {
      snapshot = TRUE;
      targets = g_new0 (char *, 2);
      targets[0] = new_unsaved_path ();
    }
  else
    targets = journal_targets_for_project (project);

  /* over an older journal: written as NAME.new, renamed over NAME by the
   * worker once durable */
  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_autofree char *tmp = NULL;

      if (g_file_test (targets[i], G_FILE_TEST_IS_REGULAR))
        tmp = g_strconcat (targets[i], ".new", NULL);
      else if (g_file_test (targets[i], G_FILE_TEST_EXISTS))
        {
          /* a folder or something else has the name */
          saved_errno = g_file_test (targets[i], G_FILE_TEST_IS_DIR) ? EISDIR : EEXIST;
          continue;
        }
      self->fd = open_locked (tmp != NULL ? tmp : targets[i], O_CREAT | O_TRUNC);
      if (self->fd >= 0)
        {
          self->path = g_strdup (targets[i]);
          self->start_tmp = g_steal_pointer (&tmp);
          break;
        }
      saved_errno = errno;
    }
  if (self->fd < 0)
    {
      g_autofree char *display_name = g_filename_display_name (targets[0]);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the journal “%s”: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }

  if (replaces != NULL)
    self->replaces = g_file_get_path (replaces);

  if (!snapshot)
    base = vv_date_time_format_iso8601 (vv_document_get_changed (document));
  enqueue (self, COMMAND_WRITE, build_header (self, project, base));

  if (snapshot)
    {
      /* The main thread only copies the model (a few ms for 20,000
       * segments); the worker builds the JSON, ~100 ms for 1 MB, and
       * writes it with the header in one write(2), as before. */
      Command *command = g_new0 (Command, 1);

      g_clear_handle_id (&self->batch_idle_id, g_source_remove);
      command->kind = COMMAND_WRITE;
      command->counter = ++self->counter;
      command->records = g_steal_pointer (&self->batch);
      command->snapshot = _vv_project_snapshot_new (document);
      self->batch = g_ptr_array_new_with_free_func (g_free);
      g_async_queue_push (self->queue, command);
    }

  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);

      g_hash_table_insert (self->known, GUINT_TO_POINTER (vv_segment_get_id (segment)),
                           g_object_ref (segment));
    }

  self->changed_handler = g_signal_connect (document, "segment-changed",
                                            G_CALLBACK (on_document_segment_changed_cb), self);
  self->block_handler = g_signal_connect (document, "block-changed",
                                          G_CALLBACK (on_block_changed_cb), self);
  self->notify_handler = g_signal_connect (document, "notify",
                                           G_CALLBACK (on_document_notify_cb), self);
  push_batch (self);
  self->thread = g_thread_new ("vv-journal", worker_thread, self);

  return g_steal_pointer (&self);
}

GFile *
vv_journal_get_file (VvJournal *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (VV_IS_JOURNAL (self), NULL);

  g_mutex_lock (&self->mutex);
  path = g_strdup (self->path);
  g_mutex_unlock (&self->mutex);
  return g_file_new_for_path (path);
}

VvDocument *
vv_journal_get_document (VvJournal *self)
{
  g_return_val_if_fail (VV_IS_JOURNAL (self), NULL);
  return self->document;
}

guint
vv_journal_get_idle_delay (VvJournal *self)
{
  g_return_val_if_fail (VV_IS_JOURNAL (self), 0);
  return self->idle_delay;
}

/**
 * vv_journal_set_idle_delay:
 * @self: a #VvJournal
 * @msec: how long a target must stay unchanged before it is recorded; 0
 *   records every change at once
 */
void
vv_journal_set_idle_delay (VvJournal *self,
                           guint      msec)
{
  g_return_if_fail (VV_IS_JOURNAL (self));
  self->idle_delay = msec;
}

/**
 * vv_journal_get_n_queued:
 * @self: a #VvJournal
 *
 * Returns: the number of lines handed to the writer so far
 */
guint64
vv_journal_get_n_queued (VvJournal *self)
{
  g_return_val_if_fail (VV_IS_JOURNAL (self), 0);
  return self->counter;
}

/**
 * vv_journal_get_n_written:
 * @self: a #VvJournal
 *
 * Returns: the number of lines written and synced so far; when it reaches
 *   vv_journal_get_n_queued(), every recorded change survives a crash
 */
guint64
vv_journal_get_n_written (VvJournal *self)
{
  guint64 written;

  g_return_val_if_fail (VV_IS_JOURNAL (self), 0);

  g_mutex_lock (&self->mutex);
  written = self->written;
  g_mutex_unlock (&self->mutex);
  return written;
}

/**
 * vv_journal_get_n_pending:
 * @self: a #VvJournal
 *
 * Returns: the number of changes not yet handed to the writer: targets
 *   waiting for the idle delay, comments waiting for the next idle
 */
guint
vv_journal_get_n_pending (VvJournal *self)
{
  g_return_val_if_fail (VV_IS_JOURNAL (self), 0);
  return g_hash_table_size (self->pending) + g_hash_table_size (self->pending_comments) + self->batch->len;
}

/**
 * vv_journal_flush:
 * @self: a #VvJournal
 * @error: return location for an error
 *
 * Records pending text and waits until everything is on disk. Blocks: for
 * tests and for quitting, not for the main loop while editing.
 *
 * Returns: %FALSE if the journal could not be written
 */
gboolean
vv_journal_flush (VvJournal  *self,
                  GError    **error)
{
  guint64 target;
  gboolean ok;

  g_return_val_if_fail (VV_IS_JOURNAL (self), FALSE);

  if (self->closed)
    return TRUE;

  vv_journal_write_pending (self);
  target = enqueue (self, COMMAND_SYNC, NULL);

  g_mutex_lock (&self->mutex);
  while (self->written < target && self->error == NULL)
    g_cond_wait (&self->cond, &self->mutex);
  ok = self->error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (self->error));
  g_mutex_unlock (&self->mutex);
  return ok;
}

/**
 * vv_journal_mark_saving:
 * @self: a #VvJournal
 *
 * Call right after vv_project_save_async() took its snapshot: records that
 * every change so far is in the file being written.
 *
 * Returns: the mark to give to vv_journal_saved() once the save succeeded
 */
guint64
vv_journal_mark_saving (VvJournal *self)
{
  JsonBuilder *builder;

  g_return_val_if_fail (VV_IS_JOURNAL (self), 0);

  /* pending text is in the snapshot: it needs no record of its own */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_hash_table_remove_all (self->pending);
  g_clear_handle_id (&self->comments_idle_id, g_source_remove);
  g_hash_table_remove_all (self->pending_comments);

  g_free (self->saving_changed);
  self->saving_changed = vv_date_time_format_iso8601 (vv_document_get_changed (self->document));
  builder = begin_record (self, "saving", NULL);
  add_member_string (builder, "changed", self->saving_changed);
  end_record (self, builder);
  self->saving_mark = self->counter;
  return self->counter;
}

/**
 * vv_journal_saved:
 * @self: a #VvJournal
 * @project: the file the document was saved to
 * @mark: what vv_journal_mark_saving() returned for this save
 *
 * Compacts the journal after a successful save: it then applies to
 * @project and keeps only the changes made since the snapshot. After a
 * first save or a Save As, the journal moves next to @project.
 */
void
vv_journal_saved (VvJournal *self,
                  GFile     *project,
                  guint64    mark)
{
  Command *command;

  g_return_if_fail (VV_IS_JOURNAL (self));
  g_return_if_fail (G_IS_FILE (project));

  if (self->closed || mark != self->saving_mark)
    return;

  push_batch (self);
  command = g_new0 (Command, 1);
  command->kind = COMMAND_COMPACT;
  command->counter = ++self->counter;
  command->json = build_header (self, project, self->saving_changed);
  command->targets = journal_targets_for_project (project);
  command->upto = mark;
  g_async_queue_push (self->queue, command);
}

/**
 * vv_journal_close:
 * @self: a #VvJournal
 * @remove: delete the journal (the document was saved, or its changes
 *   discarded on purpose)
 *
 * Stops recording: pending text is written, the writer finishes and the
 * journal is kept (for recovery) or removed.
 */
void
vv_journal_close (VvJournal *self,
                  gboolean   remove)
{
  Command *command;

  g_return_if_fail (VV_IS_JOURNAL (self));

  if (self->closed)
    return;

  if (!remove)
    vv_journal_write_pending (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_hash_table_remove_all (self->pending);
  g_clear_handle_id (&self->comments_idle_id, g_source_remove);
  g_hash_table_remove_all (self->pending_comments);
  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_signal_handler (&self->block_handler, self->document);
  g_clear_signal_handler (&self->notify_handler, self->document);
  self->closed = TRUE;

  push_batch (self);
  command = g_new0 (Command, 1);
  command->kind = COMMAND_QUIT;
  command->counter = ++self->counter;
  command->remove = remove;
  if (self->thread != NULL)
    {
      g_async_queue_push (self->queue, command);
      g_thread_join (self->thread);
      self->thread = NULL;
    }
  else
    command_free (command);

  g_clear_object (&self->document);
}
