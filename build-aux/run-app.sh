#!/usr/bin/env bash
# Builds Vis-à-vis in build/ and starts it on the sample article, without
# installing anything into the system (the GSettings schema is compiled into
# build/data and found through GSETTINGS_SCHEMA_DIR).
#   build-aux/run-app.sh [FILE]      # default: data/samples/sample-article.txt
# Installing the Debian packages needs root or sudo; it is skipped when all
# of them are already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then
  bash build-aux/install-deps.sh
elif command -v sudo >/dev/null 2>&1; then
  sudo bash build-aux/install-deps.sh
else
  echo "run-app: not root and no sudo: assuming the Debian packages are installed" >&2
fi

[ -f build/build.ninja ] || meson setup build
meson compile -C build

file=${1:-data/samples/sample-article.txt}
export GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec ./build/src/ui/visavis "$file"
