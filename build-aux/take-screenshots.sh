#!/bin/sh
# take-screenshots.sh [BUILDDIR]: screenshots for the AppStream metainfo and
# the README.
#
# Runs the built app (BUILDDIR/src/ui/visavis, default build dir: build) on
# data/samples/sample-article.visavis (the sample article, partly
# translated) under Xvfb and saves, with ImageMagick's `import -window root`:
#   data/screenshots/visavis-light.png     1400x900, light style
#   data/screenshots/visavis-dark.png      1400x900, dark style
#   data/screenshots/visavis-narrow.png     700x900, light: panes stacked
#   data/screenshots/visavis-fr.png        1400x900, light, UI in French
#                                          (LANGUAGE=fr, catalogues from BUILDDIR/po)
#   data/screenshots/visavis-hc.png        1400x900, high-contrast style
#                                          (ADW_DEBUG_HIGH_CONTRAST=1)
# Needs xvfb, imagemagick and x11-utils.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$srcdir/build}" && pwd)
app="$builddir/src/ui/visavis"
sample="$srcdir/data/samples/sample-article.visavis"
outdir="$srcdir/data/screenshots"

if [ ! -x "$app" ]; then
  echo "$app not found: build the app first (ninja -C $builddir)" >&2
  exit 1
fi
for prog in Xvfb import xwininfo; do
  command -v "$prog" >/dev/null || { echo "$prog is missing (apt-get install xvfb imagemagick x11-utils)" >&2; exit 1; }
done
mkdir -p "$outdir"

tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup () {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# Work on a copy: the app keeps a recovery journal next to the project.
cp "$sample" "$tmp/sample-article.visavis"
sample="$tmp/sample-article.visavis"

# shot NAME STYLE WIDTH HEIGHT LANGUAGE [HIGH_CONTRAST]
shot () {
  name=$1 style=$2 width=$3 height=$4 language=$5 hc=${6:-0}

  # Free display number
  display=99
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
    display=$((display + 1))
  done
  Xvfb ":$display" -screen 0 "${width}x${height}x24" -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  xvfb_pid=$!
  i=0
  until xwininfo -display ":$display" -root >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -gt 50 ] && { echo "Xvfb did not start" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }
    sleep 0.1
  done

  # A private keyfile GSettings backend: window as large as the screen
  # (there is no window manager to maximize it) and the colour scheme.
  conf="$tmp/config-$name"
  mkdir -p "$conf/glib-2.0/settings"
  cat > "$conf/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/visavis/Visavis]
window-width=$width
window-height=$height
window-maximized=false
color-scheme='$style'
KEYFILE
  if [ "$style" = dark ]; then scheme=prefer-dark; else scheme=prefer-light; fi
  if [ "$language" = C ]; then locale=C.UTF-8; else locale=fr_FR.UTF-8; fi

  DISPLAY=":$display" \
  GSETTINGS_BACKEND=keyfile \
  GSETTINGS_SCHEMA_DIR="$builddir/data" \
  XDG_CONFIG_HOME="$conf" \
  XDG_DATA_HOME="$tmp/data-$name" \
  XDG_CACHE_HOME="$tmp/cache-$name" \
  ADW_DEBUG_COLOR_SCHEME="$scheme" \
  ADW_DEBUG_HIGH_CONTRAST="$hc" \
  GTK_A11Y=none \
  GDK_BACKEND=x11 \
  GSK_RENDERER=cairo \
  DBUS_SESSION_BUS_ADDRESS=disabled: \
  VISAVIS_LOCALEDIR="$builddir/po" \
  LANG="$locale" LC_ALL="$locale" LANGUAGE="$language" \
    "$app" "$sample" >"$tmp/app-$name.log" 2>&1 &
  app_pid=$!

  # Wait for a mapped top-level window, then let it lay out and render.
  i=0
  until xwininfo -display ":$display" -root -children 2>/dev/null | grep -Eq ' [0-9]{3,}x[0-9]{3,}\+'; do
    i=$((i + 1))
    if [ $i -gt 150 ] || ! kill -0 "$app_pid" 2>/dev/null; then
      echo "the app did not show a window ($name):" >&2
      cat "$tmp/app-$name.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  sleep 3

  out="$outdir/visavis-$name.png"
  DISPLAY=":$display" import -window root "$out"
  echo "wrote $out"
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
  xvfb_pid=""
}

shot light light 1400 900 C
shot dark dark 1400 900 C
shot narrow light 700 900 C
shot fr light 1400 900 fr
shot hc light 1400 900 C 1
