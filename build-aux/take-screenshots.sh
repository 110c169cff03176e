#!/bin/sh
# take-screenshots.sh [BUILDDIR]: screenshots for the AppStream metainfo.
#
# Runs the built app (BUILDDIR/src/ui/visavis, default build dir: build) on
# data/samples/sample-article.txt under Xvfb at 1400x900, once with the
# light and once with the dark style, and saves
# data/screenshots/visavis-light.png and visavis-dark.png with ImageMagick's
# `import -window root`.  Needs xvfb, imagemagick and x11-utils.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$srcdir/build}" && pwd)
app="$builddir/src/ui/visavis"
sample="$srcdir/data/samples/sample-article.txt"
outdir="$srcdir/data/screenshots"
width=1400
height=900

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

for style in light dark; do
  # A private keyfile GSettings backend: window as large as the screen
  # (there is no window manager to maximize it) and the colour scheme.
  conf="$tmp/config-$style"
  mkdir -p "$conf/glib-2.0/settings"
  cat > "$conf/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/visavis/Visavis]
window-width=$width
window-height=$height
window-maximized=false
color-scheme='$style'
KEYFILE
  if [ "$style" = dark ]; then scheme=prefer-dark; else scheme=prefer-light; fi

  DISPLAY=":$display" \
  GSETTINGS_BACKEND=keyfile \
  GSETTINGS_SCHEMA_DIR="$builddir/data" \
  XDG_CONFIG_HOME="$conf" \
  XDG_DATA_HOME="$tmp/data-$style" \
  XDG_CACHE_HOME="$tmp/cache-$style" \
  ADW_DEBUG_COLOR_SCHEME="$scheme" \
  GTK_A11Y=none \
  GDK_BACKEND=x11 \
  GSK_RENDERER=cairo \
  DBUS_SESSION_BUS_ADDRESS=disabled: \
  LANG=C.UTF-8 \
    "$app" "$sample" >"$tmp/app-$style.log" 2>&1 &
  app_pid=$!

  # Wait for a mapped top-level window, then let it lay out and render.
  i=0
  until xwininfo -display ":$display" -root -children 2>/dev/null | grep -Eq ' [0-9]{3,}x[0-9]{3,}\+'; do
    i=$((i + 1))
    if [ $i -gt 150 ] || ! kill -0 "$app_pid" 2>/dev/null; then
      echo "the app did not show a window ($style):" >&2
      cat "$tmp/app-$style.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  sleep 3

  out="$outdir/visavis-$style.png"
  DISPLAY=":$display" import -window root "$out"
  echo "wrote $out"
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
done
