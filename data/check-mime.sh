#!/bin/sh
# check-mime.sh SRCDIR: the MIME type definition is accepted by
# update-mime-database and makes GIO detect application/x-visavis both by the
# *.visavis glob and by content (the "generator" member written by
# vv_project_save).  Exit 77 (skip) without shared-mime-info or gio.
set -eu
srcdir=$1
command -v update-mime-database >/dev/null || exit 77
command -v gio >/dev/null || exit 77
[ -f /usr/share/mime/packages/freedesktop.org.xml ] || exit 77
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share/mime/packages"
cp /usr/share/mime/packages/freedesktop.org.xml "$tmp/share/mime/packages/"
cp "$srcdir/io.github.visavis.Visavis.mime.xml" "$tmp/share/mime/packages/"
XDG_DATA_DIRS="$tmp/share" XDG_DATA_HOME="$tmp/share" update-mime-database "$tmp/share/mime" 2>"$tmp/err"
if [ -s "$tmp/err" ]; then cat "$tmp/err"; exit 1; fi
printf '{\n  "format" : 1,\n  "generator" : "Vis-à-vis 0.1.0",\n  "title" : "Essai"\n}\n' > "$tmp/a.visavis"
cp "$tmp/a.visavis" "$tmp/no-extension"
printf '{ "title": "not a project" }\n' > "$tmp/other"
status=0
for f in a.visavis no-extension other; do
  type=$(XDG_DATA_DIRS="$tmp/share" XDG_DATA_HOME="$tmp/none" \
         gio info -a standard::content-type "$tmp/$f" | sed -n 's/.*content-type: //p')
  if [ "$f" = other ]; then
    [ "$type" != application/x-visavis ] && ok=1 || ok=0
  else
    [ "$type" = application/x-visavis ] && ok=1 || ok=0
  fi
  if [ $ok = 1 ]; then
    echo "ok: $f is $type"
  else
    echo "FAIL: $f detected as $type"
    status=1
  fi
done
exit $status
