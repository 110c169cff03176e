#!/usr/bin/env python3
# test-po-mnemonics.py SRCROOT: in every translation, the items of each menu
# of the GtkBuilder files keep distinct mnemonics (the letter after "_"), as
# they are in English. TAP output, one test per language and menu.
#
# SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
# SPDX-License-Identifier: GPL-3.0-or-later

import ast
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET


def read_po(path):
    """msgid (or (msgctxt, msgid)) -> msgstr, for translated entries."""
    entries = {}
    fields = {}
    key = None

    def flush():
        if 'msgid' in fields and fields.get('msgstr'):
            k = fields['msgid'] if 'msgctxt' not in fields else (fields['msgctxt'], fields['msgid'])
            entries[k] = fields['msgstr']

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('#') or not line.strip():
                if line.startswith('#~'):
                    continue
                if not line.strip():
                    flush()
                    fields = {}
                continue
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[0\])?) (".*")$', line)
            if m:
                key = m.group(1).replace('[0]', '')
                fields[key] = ast.literal_eval(m.group(2))
            elif line.startswith('"') and key:
                fields[key] += ast.literal_eval(line)
    flush()
    return entries


def mnemonic(label):
    m = re.search(r'_(.)', label)
    return m.group(1).lower() if m else None


def menus(root):
    """(file, menu id, [labels]) for every <menu> and <submenu> section set."""
    for ui in sorted(glob.glob(os.path.join(root, 'ui', '*.ui'))):
        tree = ET.parse(ui)
        for menu in tree.iter():
            if menu.tag not in ('menu', 'submenu'):
                continue
            labels = []
            # items of all sections of this menu level (not of nested submenus)
            stack = list(menu)
            while stack:
                node = stack.pop(0)
                if node.tag == 'submenu':
                    continue
                if node.tag == 'item':
                    for attr in node.findall('attribute'):
                        if attr.get('name') == 'label' and attr.get('translatable') == 'yes':
                            ctxt = attr.get('context')
                            labels.append((ctxt, attr.text or ''))
                else:
                    stack.extend(list(node))
            if labels:
                yield os.path.basename(ui), menu.get('id') or '(submenu)', labels


def main():
    root = sys.argv[1]
    with open(os.path.join(root, 'po', 'LINGUAS')) as f:
        linguas = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    checks = []
    for lang in linguas:
        po = read_po(os.path.join(root, 'po', lang + '.po'))
        for ui, menu_id, labels in menus(root):
            seen = {}
            clashes = []
            for ctxt, label in labels:
                text = po.get((ctxt, label) if ctxt else label, label)
                letter = mnemonic(text)
                if letter is None:
                    continue
                if letter in seen:
                    clashes.append('"%s" and "%s" both use _%s' % (seen[letter], text, letter))
                seen[letter] = text
            checks.append(('%s %s menu %s' % (lang, ui, menu_id), clashes))
    print('1..%d' % len(checks))
    for i, (name, clashes) in enumerate(checks, 1):
        if clashes:
            print('not ok %d - %s' % (i, name))
            for c in clashes:
                print('# ' + c)
        else:
            print('ok %d - %s' % (i, name))
    return 0


if __name__ == '__main__':
    sys.exit(main())
