#!/bin/sh
# check-po.sh: translation checks run by `meson test --suite validate`.
#
#   check-po.sh complete SRCROOT LANG
#       Extracts every translatable string listed in po/POTFILES.in with
#       xgettext (C keywords, plus .ui/.xml/.desktop via gettext's ITS rules),
#       merges po/LANG.po against it and fails if any message is
#       untranslated or fuzzy, printing the offending msgids.
#   check-po.sh potfiles SRCROOT
#       Fails if a source or data file with translatable strings is missing
#       from po/POTFILES.in, or if POTFILES.in lists a file that is gone, or
#       if a translatable message uses G_G*_FORMAT (xgettext truncates it).
set -eu

mode=${1:?usage: check-po.sh complete|potfiles SRCROOT [LANG]}
root=${2:?missing SRCROOT}
potfiles="$root/po/POTFILES.in"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# POTFILES.in without comments and blank lines
grep -v -e '^#' -e '^[[:space:]]*$' "$potfiles" | sort -u > "$tmp/listed"

# print_entries FILE: location, context and msgid of every entry but the header
print_entries () {
  awk '
    /^#:/ { loc = $0; next }
    /^msgctxt / { ctxt = $0; inid = 0; next }
    /^msgid / { inid = ($0 != "msgid \"\"" || loc != ""); if (inid) { if (loc != "") print loc; if (ctxt != "") print ctxt; print } ; next }
    /^msgid_plural / { if (inid) print; next }
    /^"/ { if (inid) print; next }
    /^msgstr/ { inid = 0; loc = ""; ctxt = ""; next }
    /^$/ { inid = 0; loc = ""; ctxt = "" }
  ' "$1"
}

case "$mode" in
potfiles)
  status=0
  while read -r f; do
    if [ ! -f "$root/$f" ]; then
      echo "POTFILES.in lists $f, which does not exist"
      status=1
    fi
  done < "$tmp/listed"
  cd "$root"
  {
    find src -name '*.c' -o -name '*.h' | sort | while read -r f; do
      # skip comment lines (gtk-doc comments mention N_() etc.)
      if grep -vE '^[[:space:]]*(\*|/\*|//)' "$f" |
         grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2)[[:space:]]*\(' ; then
        echo "$f"
      fi
    done
    # GtkBuilder/Blueprint files anywhere in the tree but build dirs and tests
    find . \( -path './build*' -o -path './.*' -o -path './tests' -o -path './subprojects' \) -prune \
      -o \( -name '*.ui' -o -name '*.blp' \) -print | sed 's|^\./||' | sort | while read -r f; do
      if grep -qE 'translatable|_\(' "$f"; then echo "$f"; fi
    done
    find data -maxdepth 1 -name '*.in' -o -maxdepth 1 -name '*.gschema.xml' | sort
  } | sort -u > "$tmp/needed"
  missing=$(comm -23 "$tmp/needed" "$tmp/listed")
  if [ -n "$missing" ]; then
    echo "Files with translatable strings missing from po/POTFILES.in:"
    echo "$missing" | sed 's/^/  /'
    status=1
  fi
  # xgettext cuts a message short at "%" G_GINT64_FORMAT (it only knows the
  # <inttypes.h> macros), so such a message can never be translated.
  glib_fmt=$(grep -rnE '_\("[^"]*%"[[:space:]]*G_G[A-Z0-9]*_FORMAT' src 2>/dev/null || true)
  if [ -n "$glib_fmt" ]; then
    echo "Translatable messages using G_G*_FORMAT (use PRId64/PRIu64 from <inttypes.h> or %zu):"
    echo "$glib_fmt" | sed 's/^/  /'
    status=1
  fi
  [ $status -eq 0 ] && echo "POTFILES.in lists all $(wc -l < "$tmp/needed") files with translatable strings"
  exit $status
  ;;
complete)
  lang=${3:?missing LANG}
  po="$root/po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$po does not exist"
    exit 1
  fi
  cd "$root"
  # C sources and the rest (ITS rules for .ui, .gschema.xml, .metainfo.xml,
  # .desktop) are extracted separately, then joined.
  grep -E '\.(c|h)$' "$tmp/listed" > "$tmp/c-files" || true
  grep -vE '\.(c|h)$' "$tmp/listed" > "$tmp/other-files" || true
  : > "$tmp/c.pot"; : > "$tmp/other.pot"
  if [ -s "$tmp/c-files" ]; then
    xgettext --from-code=UTF-8 --language=C --add-comments=Translators: \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=Q_:1g --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 \
      --keyword=g_dpgettext2:2c,3 \
      --files-from="$tmp/c-files" -o "$tmp/c.pot"
  fi
  if [ -s "$tmp/other-files" ]; then
    xgettext --from-code=UTF-8 --add-comments \
      --files-from="$tmp/other-files" -o "$tmp/other.pot"
  fi
  set --
  [ -s "$tmp/c.pot" ] && set -- "$@" "$tmp/c.pot"
  [ -s "$tmp/other.pot" ] && set -- "$@" "$tmp/other.pot"
  if [ $# -eq 0 ]; then
    echo "no translatable strings found"
    exit 0
  fi
  msgcat --use-first -o "$tmp/all.pot" "$@"
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$po" "$tmp/all.pot"
  stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
  echo "$lang.po against current sources: $stats"
  msgattrib --untranslated --no-obsolete "$tmp/merged.po" > "$tmp/untranslated.po"
  msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" > "$tmp/fuzzy.po"
  n_untr=$(grep -c '^msgid ' "$tmp/untranslated.po" || true)
  n_fuzzy=$(grep -c '^msgid ' "$tmp/fuzzy.po" || true)
  # each msgattrib output has a header entry (msgid "") when non-empty
  [ "$n_untr" -gt 0 ] && n_untr=$((n_untr - 1))
  [ "$n_fuzzy" -gt 0 ] && n_fuzzy=$((n_fuzzy - 1))
  if [ "$n_untr" -gt 0 ] || [ "$n_fuzzy" -gt 0 ]; then
    if [ "$n_untr" -gt 0 ]; then
      echo "$n_untr untranslated or missing message(s) in po/$lang.po:"
      print_entries "$tmp/untranslated.po"
    fi
    if [ "$n_fuzzy" -gt 0 ]; then
      echo "$n_fuzzy fuzzy message(s) in po/$lang.po:"
      print_entries "$tmp/fuzzy.po"
    fi
    exit 1
  fi
  echo "po/$lang.po is complete"
  ;;
*)
  echo "unknown mode $mode" >&2
  exit 2
  ;;
esac
