#!/usr/bin/env python3
# make-office-fixtures.py: writes the small .docx and .odt files that
# tests/test-import-office.c reads, good and bad ones.
# SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run from this folder: python3 make-office-fixtures.py
# The output is deterministic (fixed timestamps), so re-running it leaves
# git clean unless this script changed. The text is invented.

import struct
import zipfile

DATE = (2026, 1, 1, 0, 0, 0)


def write_zip(name, entries, stored_first=None):
    with zipfile.ZipFile(name, "w") as z:
        for entry, data in entries:
            info = zipfile.ZipInfo(entry, DATE)
            info.compress_type = zipfile.ZIP_STORED if entry == stored_first else zipfile.ZIP_DEFLATED
            z.writestr(info, data)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

DOCX_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Intertitre"><w:name w:val="Intertitre maison"/><w:basedOn w:val="Titre2"/></w:style>
<w:style w:type="paragraph" w:styleId="Citation"><w:name w:val="Quote"/></w:style>
<w:style w:type="paragraph" w:styleId="Lgende"><w:name w:val="caption"/></w:style>
<w:style w:type="paragraph" w:styleId="Paragraphedeliste"><w:name w:val="List Paragraph"/></w:style>
</w:styles>"""


def p(text, style=None, extra=""):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}{extra}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def cell(*paragraphs):
    return "<w:tc>" + "".join(paragraphs) + "</w:tc>"


DOCX_BODY = "".join([
    p("Le marché couvert de Sainte-Aude rouvre ses portes", "Titre"),
    p("Par Jeanne Martin"),
    # A paragraph in several runs, with a tracked deletion, an insertion,
    # a field code, hidden text and a footnote reference
    '<w:p><w:r><w:t xml:space="preserve">Après deux ans de </w:t></w:r>'
    '<w:del w:id="1" w:author="A"><w:r><w:delText>longs </w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">lourds </w:t></w:r></w:ins>'
    '<w:r><w:t>travaux, la halle</w:t></w:r><w:r><w:tab/><w:t>a rouvert samedi.</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> Les</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>TEXTE MASQUÉ</w:t></w:r>'
    '<w:r><w:t xml:space="preserve"> commerçants sont soulagés.</w:t></w:r>'
    '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
    p("Une halle rénovée", "Titre1"),
    p("La charpente d'origine a été conservée.", "Normal"),
    p("Les étals", "Intertitre"),
    '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Horaires d\'été</w:t></w:r></w:p>',
    p("« Nous revenons chez nous », dit une maraîchère.", "Citation"),
    p("fromagers ;", "Paragraphedeliste"),
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>'
    '<w:r><w:t>bouchers ;</w:t></w:r></w:p>',
    # A table with a nested table in its last cell
    "<w:tbl><w:tr>" + cell(p("Jour")) + cell(p("Ouverture")) + "</w:tr>"
    "<w:tr>" + cell(p("Samedi")) + cell(
        p("7 h"),
        "<w:tbl><w:tr>" + cell(p("Été")) + cell(p("6 h 30")) + "</w:tr></w:tbl>") + "</w:tr></w:tbl>",
    # A text box, written twice (mc:Choice and mc:Fallback) as Word does
    '<w:p><w:r><w:t xml:space="preserve">Le maire était présent.</w:t></w:r>'
    f'<w:r><mc:AlternateContent {MC}><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
    + p("La halle en 1904.", "Lgende") +
    '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>'
    + p("La halle en 1904.", "Lgende") +
    "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
    '<w:sdt><w:sdtContent>' + p("Un contrôle de contenu garde son texte.") + "</w:sdtContent></w:sdt>",
    p("Partager sur Facebook"),
    p("   "),
    "<w:sectPr/>",
])

DOCX_DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{DOCX_BODY}</w:body></w:document>"""

DOCX_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Titre des propriétés</dc:title></cp:coreProperties>"""


def docx(name, document, styles=DOCX_STYLES, core=DOCX_CORE):
    entries = [("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", document)]
    if styles is not None:
        entries.append(("word/styles.xml", styles))
    if core is not None:
        entries.append(("docProps/core.xml", core))
    write_zip(name, entries)


OFFICE = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')

ODT_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {OFFICE}><office:styles>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>
<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Illustration" style:family="paragraph" style:parent-style-name="Caption"/>
</office:styles></office:document-styles>"""

ODT_BODY = "".join([
    '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
    "<text:p>Texte supprimé.</text:p></text:deletion></text:changed-region></text:tracked-changes>",
    '<text:p text:style-name="Title">Le marché couvert de Sainte-Aude rouvre ses portes</text:p>',
    '<text:p text:style-name="P1">Après deux ans de travaux,<text:s text:c="2"/>la halle'
    '<text:tab/>a rouvert samedi.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    "<text:note-body><text:p>Une note.</text:p></text:note-body></text:note>"
    '<office:annotation><text:p>Un commentaire.</text:p></office:annotation>'
    ' <text:span text:style-name="T1">Les commerçants</text:span> sont soulagés.</text:p>',
    '<text:h text:outline-level="1">Une halle rénovée</text:h>',
    '<text:p text:style-name="Standard">La charpente <text:a xlink:href="https://example.org" '
    'xmlns:xlink="http://www.w3.org/1999/xlink">d\'origine</text:a> a été conservée.</text:p>',
    '<text:h text:outline-level="2">Les étals</text:h>',
    '<text:p text:style-name="P2">« Nous revenons chez nous », dit une maraîchère.</text:p>',
    "<text:list><text:list-item><text:p>fromagers ;</text:p>"
    "<text:list><text:list-item><text:p>affineurs ;</text:p></text:list-item></text:list>"
    "</text:list-item><text:list-item><text:p>bouchers ;</text:p></text:list-item></text:list>",
    '<table:table table:name="Horaires"><table:table-column/>'
    "<table:table-header-rows><table:table-row><table:table-cell><text:p>Jour</text:p></table:table-cell>"
    "<table:table-cell><text:p>Ouverture</text:p></table:table-cell></table:table-row></table:table-header-rows>"
    "<table:table-row><table:table-cell><text:p>Samedi</text:p></table:table-cell>"
    "<table:table-cell><text:p>7 h</text:p><table:table><table:table-row>"
    "<table:table-cell><text:p>Été</text:p></table:table-cell>"
    "<table:table-cell><text:p>6 h 30</text:p></table:table-cell></table:table-row></table:table>"
    "</table:table-cell><table:covered-table-cell/></table:table-row></table:table>",
    '<text:p>Le maire était présent.<draw:frame draw:name="Cadre"><draw:text-box>'
    '<text:p text:style-name="Illustration">La halle en 1904.</text:p></draw:text-box></draw:frame></text:p>',
    "<text:section><text:p>Une section garde son texte.</text:p></text:section>",
    "<text:p>Partager sur Facebook</text:p>",
    "<text:p> </text:p>",
])

ODT_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {OFFICE}>
<office:automatic-styles>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Quotations"/>
</office:automatic-styles>
<office:body><office:text>{ODT_BODY}</office:text></office:body></office:document-content>"""

ODT_META = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {OFFICE}><office:meta><dc:title>Titre des propriétés</dc:title></office:meta></office:document-meta>"""

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""

ENCRYPTED_MANIFEST = MANIFEST.replace(
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
    '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
    '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
    "</manifest:encryption-data></manifest:file-entry>")


def odt(name, content, mimetype="application/vnd.oasis.opendocument.text", manifest=MANIFEST):
    write_zip(name, [("mimetype", mimetype), ("META-INF/manifest.xml", manifest),
                     ("content.xml", content), ("styles.xml", ODT_STYLES), ("meta.xml", ODT_META)],
              stored_first="mimetype")


def patch_zip(name, patch):
    data = bytearray(open(name, "rb").read())
    patch(data)
    open(name, "wb").write(bytes(data))


def set_encrypted_flag(data):
    """Sets 'encrypted' (bit 0 of the flags) on every entry, local and central"""
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.find(signature)
        while pos >= 0:
            flags = struct.unpack_from("<H", data, pos + offset)[0]
            struct.pack_into("<H", data, pos + offset, flags | 1)
            pos = data.find(signature, pos + 4)


def set_huge_size(data):
    """Says word/document.xml unpacks to 3.75 GB (a zip bomb's header)"""
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = data.find(signature)
        while pos >= 0:
            name_offset = pos + (30 if signature == b"PK\x03\x04" else 46)
            name_len = struct.unpack_from("<H", data, pos + (26 if signature == b"PK\x03\x04" else 28))[0]
            if data[name_offset:name_offset + name_len] == b"word/document.xml":
                struct.pack_into("<I", data, pos + offset, 0xF0000000)
            pos = data.find(signature, pos + 4)


def set_bad_dates(data):
    """Impossible dates (2026-13-31) in every entry"""
    for signature, offset in ((b"PK\x03\x04", 10), (b"PK\x01\x02", 12)):
        pos = data.find(signature)
        while pos >= 0:
            struct.pack_into("<HH", data, pos + offset, 0, (46 << 9) | (13 << 5) | 31)
            pos = data.find(signature, pos + 4)


def set_bad_local_offset(data):
    """Points word/document.xml's directory entry into the middle of nowhere"""
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<I", data, pos + 42, 7)
        pos = data.find(b"PK\x01\x02", pos + 4)


def cfb(name, payload):
    """A compound-file (OLE2) header followed by @payload: what Word writes
    for password-protected .docx files and for old .doc files"""
    header = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    open(name, "wb").write(header + payload)


docx("article.docx", DOCX_DOCUMENT)
docx("no-styles.docx",
     f'<w:document {W}><w:body>{p("Titre sans feuille de styles", "Heading1")}'
     f'{p("Un paragraphe.")}</w:body></w:document>', styles=None, core=None)
docx("empty.docx", f'<w:document {W}><w:body><w:p/>{p("  ")}<w:sectPr/></w:body></w:document>')
docx("bad-xml.docx", f'<w:document {W}><w:body><w:p><w:r><w:t>Texte</w:r></w:p></w:body></w:document>')
docx("xxe.docx",
     '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
     f'<w:document {W}><w:body>{p("Avant &secret; après.")}</w:body></w:document>')
write_zip("not-a-document.docx", [("photo.txt", "Ceci n'est pas un document Word.")])
docx("bomb.docx", DOCX_DOCUMENT)
patch_zip("bomb.docx", set_huge_size)
docx("encrypted-zip.docx", DOCX_DOCUMENT)
patch_zip("encrypted-zip.docx", set_encrypted_flag)
docx("bad-dates.docx", DOCX_DOCUMENT)
patch_zip("bad-dates.docx", set_bad_dates)
docx("bad-offset.docx", DOCX_DOCUMENT)
patch_zip("bad-offset.docx", set_bad_local_offset)
full = open("article.docx", "rb").read()
open("truncated.docx", "wb").write(full[: len(full) // 2])
cfb("password.docx", "EncryptedPackage".encode("utf-16-le") + bytes(64))
cfb("old-word.docx", "WordDocument".encode("utf-16-le") + bytes(64))

odt("article.odt", ODT_CONTENT)
odt("spreadsheet.odt", ODT_CONTENT, mimetype="application/vnd.oasis.opendocument.spreadsheet")
odt("encrypted.odt", ODT_CONTENT, manifest=ENCRYPTED_MANIFEST)
odt("empty.odt", ODT_CONTENT.replace(ODT_BODY, "<text:p/><text:p>  </text:p>"))
