#!/usr/bin/env python3
"""Builds Corpus/petitions-2019.xlsx and .docx from Corpus/petitions-2019.csv.

Like real office files, a few cells/paragraphs are typed in the legacy .VnTime
font: their text is stored as the Windows-1252 look-alikes of TCVN3 bytes, and
the font name tells KienNghi how to read them. The TCVN3 table comes from
shared/reference/tcvn3.tsv.

Usage: python3 scripts/make-sample-corpus.py [REFERENCE_DIR]
"""
import csv, pathlib, sys, zipfile
from xml.sax.saxutils import escape

root = pathlib.Path(__file__).resolve().parent.parent
ref = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root.parent / "shared/reference")
rows = list(csv.reader(open(root / "Corpus/petitions-2019.csv", encoding="utf-8")))
header, body = rows[0], rows[1:]
LEGACY_ROWS = {3, 12, 26}  # these petitions were typed in .VnTime

def tcvn3_lookalike(text):
    table = {}
    for line in (ref / "tcvn3.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("bytes_hex"):
            continue
        cells = line.split("\t")
        if cells[4] == "VN3":
            table.setdefault(cells[1], bytes.fromhex(cells[0]))
    raw = b"".join(table.get(ch) or ch.encode("ascii") for ch in text.lower())
    return raw.decode("cp1252", errors="replace")

def col(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name

def xlsx(path):
    strings, index = [], {}
    def sid(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate([header] + body):
        sheet.append(f'<row r="{r + 1}">')
        for c, value in enumerate(row):
            style = 0
            if r > 0 and c == 2 and int(row[0]) in LEGACY_ROWS:
                value, style = tcvn3_lookalike(value), 1
            if c == 0 and r > 0:
                sheet.append(f'<c r="{col(c)}{r + 1}"><v>{value}</v></c>')
            else:
                sheet.append(f'<c r="{col(c)}{r + 1}" t="s" s="{style}"><v>{sid(value)}</v></c>')
        sheet.append("</row>")
    sheet.append("</sheetData></worksheet>")
    shared = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">']
    shared += [f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings] + ["</sst>"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Kiến nghị" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><sz val="12"/><name val=".VnTime"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>')
        z.writestr("xl/sharedStrings.xml", "".join(shared))
        z.writestr("xl/worksheets/sheet1.xml", "".join(sheet))

def docx(path):
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paras = [f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>TỔNG HỢP KIẾN NGHỊ CỦA CÔNG NHÂN LAO ĐỘNG NĂM 2019</w:t></w:r></w:p>']
    for row in body:
        number, sender, text = int(row[0]), row[1], row[2]
        if number in LEGACY_ROWS:
            run = f'<w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t xml:space="preserve">{escape(tcvn3_lookalike(text))}</w:t></w:r>'
        else:
            run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        paras.append(f'<w:p><w:r><w:t xml:space="preserve">{number}. {escape(sender)}: </w:t></w:r>{run}</w:p>')
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(paras)}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)

xlsx(root / "Corpus/petitions-2019.xlsx")
docx(root / "Corpus/petitions-2019.docx")
print("wrote Corpus/petitions-2019.xlsx and .docx")
