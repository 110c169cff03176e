#!/usr/bin/env bash
# Installs the Debian 12 packages Vis-à-vis needs to build, run and test
# (listed in build-aux/debian-packages.txt). Needs root or sudo; does nothing
# when every package is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
mapfile -t PKGS < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' build-aux/debian-packages.txt | sort -u)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} Debian packages are installed"
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null; then
  SUDO=(sudo)
else
  echo "install-deps: missing packages and no root/sudo: ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
mkdir -p _build
for i in 1 2 3; do
  "${SUDO[@]}" apt-get -q update </dev/null >_build/apt.log 2>&1 && break
  sleep 10
done
if ! "${SUDO[@]}" apt-get -q install -y --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}" \
     </dev/null >>_build/apt.log 2>&1; then
  tail -n 40 _build/apt.log
  echo "install-deps: apt-get install failed" >&2
  exit 1
fi

# The French UI needs a French locale (LANGUAGE=fr with a UTF-8 locale)
if [ -f /etc/locale.gen ] && ! locale -a 2>/dev/null | grep -qi '^fr_FR.utf8$'; then
  "${SUDO[@]}" sed -i 's/^# *fr_FR.UTF-8 UTF-8/fr_FR.UTF-8 UTF-8/' /etc/locale.gen
  "${SUDO[@]}" locale-gen >/dev/null 2>&1 || true
fi
echo "install-deps: done"
