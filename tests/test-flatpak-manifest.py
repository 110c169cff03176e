#!/usr/bin/env python3
# Checks flatpak/io.github.visavis.Visavis.json (meson test --suite validate):
# valid JSON, required keys, sandbox permissions limited to what the app
# needs, the project itself built from the source tree, and every
# dependency('…') of the meson.build files either provided by the GNOME
# runtime or built as a module.  If flatpak-builder is installed, also runs
# `flatpak-builder --show-manifest`, which exits 0 even on unknown keys but
# prints warnings on stderr, so any stderr output is a failure.
# Prints TAP.
import json
import os
import re
import shutil
import subprocess
import sys

APP_ID = 'io.github.visavis.Visavis'

# pkg-config names the org.gnome.Platform 47 runtime provides (GNOME runtime
# on top of the freedesktop SDK 24.08).
RUNTIME_PROVIDED = {
    'glib-2.0', 'gio-2.0', 'gio-unix-2.0', 'gobject-2.0', 'gmodule-2.0',
    'gthread-2.0', 'json-glib-1.0', 'libsoup-3.0', 'libxml-2.0', 'gtk4',
    'libadwaita-1', 'libsecret-1', 'enchant-2', 'gtksourceview-5',
    'libarchive', 'icu-uc', 'icu-i18n', 'icu-io', 'sqlite3', 'zlib',
    'libcurl', 'pango', 'cairo', 'gdk-pixbuf-2.0', 'harfbuzz', 'fontconfig',
    'libpcre2-8', 'threads', 'uuid', 'libzstd', 'liblzma',
}

# pkg-config names provided by each module of the manifest.
MODULE_PROVIDES = {
    'cmark': {'libcmark', 'cmark'},
    'libgsf': {'libgsf-1'},
    'visavis': set(),
}

ALLOWED_FINISH_ARGS = {
    '--share=network', '--share=ipc', '--socket=fallback-x11',
    '--socket=wayland', '--device=dri', '--talk-name=org.freedesktop.secrets',
}

results = []


def check(ok, name, diag=None):
    results.append((ok, name, diag))


def main():
    srcroot = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    srcroot = os.path.abspath(srcroot)
    path = os.path.join(srcroot, 'flatpak', APP_ID + '.json')

    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
        check(True, 'manifest is valid JSON')
    except (OSError, ValueError) as e:
        check(False, 'manifest is valid JSON', f'{path}: {e}')
        return

    for key, want in (('id', APP_ID), ('runtime', 'org.gnome.Platform'),
                      ('sdk', 'org.gnome.Sdk'), ('command', 'visavis')):
        got = manifest.get(key)
        check(got == want, f'"{key}" is {want}', f'got {got!r}')
    check(isinstance(manifest.get('runtime-version'), str),
          '"runtime-version" is a string', repr(manifest.get('runtime-version')))

    finish = manifest.get('finish-args', [])
    extra = [a for a in finish if a not in ALLOWED_FINISH_ARGS]
    check(not extra, 'finish-args limited to the needed permissions',
          f'unexpected: {extra}')

    modules = manifest.get('modules', [])
    names = [m.get('name') for m in modules if isinstance(m, dict)]
    check(len(names) == len(modules) and all(names), 'every module has a name')
    for m in modules:
        if not isinstance(m, dict):
            continue
        srcs = m.get('sources', [])
        check(bool(srcs) and all('type' in s for s in srcs),
              f'module {m.get("name")} has typed sources')
        for s in srcs:
            if s.get('type') == 'archive':
                check('sha256' in s or 'sha512' in s,
                      f'archive {s.get("url")} has a checksum')
            if s.get('type') == 'git':
                check('tag' in s or 'commit' in s or 'branch' in s,
                      f'git source {s.get("url")} is pinned')

    last = modules[-1] if modules else {}
    check(last.get('name') == 'visavis' and last.get('buildsystem') == 'meson'
          and {'type': 'dir', 'path': '..'} in last.get('sources', []),
          'last module builds the project from the source tree with meson')

    # dependency('…') calls of all meson.build files
    deps = set()
    for dirpath, dirnames, filenames in os.walk(srcroot):
        dirnames[:] = [d for d in dirnames
                       if not d.startswith(('.', 'build', 'subprojects'))]
        if 'meson.build' in filenames:
            with open(os.path.join(dirpath, 'meson.build'), encoding='utf-8') as f:
                text = f.read()
            text = re.sub(r'#.*', '', text)
            deps.update(re.findall(r"(?<![_\w])dependency\(\s*'([^']+)'", text))
    check(bool(deps), 'found dependency() calls in meson.build files')
    provided = set(RUNTIME_PROVIDED)
    for n in names:
        provided |= MODULE_PROVIDES.get(n, set())
    missing = sorted(deps - provided)
    check(not missing, 'every meson dependency is in the runtime or a module',
          'not provided: ' + ', '.join(missing) +
          ' (add a module to the manifest, or the name to RUNTIME_PROVIDED'
          ' in tests/test-flatpak-manifest.py if the runtime has it)')

    fb = shutil.which('flatpak-builder')
    if fb is None:
        results.append((None, 'flatpak-builder --show-manifest',
                        'flatpak-builder not installed'))
    else:
        p = subprocess.run([fb, '--show-manifest', path], capture_output=True,
                           text=True, cwd=os.path.dirname(path))
        check(p.returncode == 0 and p.stderr.strip() == '',
              'flatpak-builder --show-manifest prints no warning',
              f'exit {p.returncode}: {p.stderr.strip()}')


main()
print(f'1..{len(results)}')
failed = 0
for i, (ok, name, diag) in enumerate(results, 1):
    if ok is None:
        print(f'ok {i} {name} # SKIP {diag}')
        continue
    print(f'{"ok" if ok else "not ok"} {i} {name}')
    if not ok:
        failed += 1
        if diag:
            for line in str(diag).splitlines():
                print(f'# {line}')
sys.exit(1 if failed else 0)
