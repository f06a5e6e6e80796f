#!/usr/bin/env python3
"""Writes the fuzz seed corpora in Benchmarks/Fuzz/corpus/<target>/ (a few small
files per target): real-looking Vietnamese in each encoding, CSV/TSV with quotes
and odd line ends, JSON Lines, XLSX and DOCX parts (and tiny real ZIP packages),
and a small lexicon folder. Deterministic; rerun after changing it.

Usage: python3 scripts/make-fuzz-seeds.py
The encoded texts come from Tests/KienNghiCoreTests/Fixtures (written by
scripts/make-encoding-fixtures.py), so no reference tables are needed here.
"""
import io, pathlib, shutil, unicodedata, zipfile

root = pathlib.Path(__file__).resolve().parent.parent
fixtures = root / "Tests/KienNghiCoreTests/Fixtures"
out = root / "Benchmarks/Fuzz/corpus"
SEP = b"\x1e"  # the fuzz targets' part separator

TEXT = "Công nhân đề nghị công ty chốt sổ bảo hiểm xã hội, trả lương đúng hạn."
TEXT2 = "Người lao động phản ánh nhà trọ thiếu nước sạch; đề nghị UBND xã hỗ trợ."

def fixture(name):
    return (fixtures / name).read_bytes()

corpora = {}

# Decoders: each encoding's fixture, a short head of it, and what detection must tell apart.
for target, name in [("tcvn3", "tcvn3.txt"), ("vni", "vni.txt"), ("viscii", "viscii.txt"),
                     ("vps", "vps.txt"), ("windows1258", "windows-1258.txt")]:
    data = fixture(name)
    corpora[target] = {"sentence.txt": data, "head.txt": data[:40], "two-lines.txt": data[:60] + b"\r\n" + data[60:120]}
corpora["utf16"] = {
    "le.txt": TEXT.encode("utf-16-le"),
    "be.txt": TEXT2.encode("utf-16-be"),
    "odd-length.txt": TEXT.encode("utf-16-le")[:-1],
    "lone-surrogate.txt": b"\x00\xd8a\x00" + "ổ".encode("utf-16-le"),
    "pair.txt": "📄 đơn".encode("utf-16-le"),
}
# Cut points of long lines: CR line ends, spaces, NFD marks, a surrogate pair (UTF-16 is cut on the same bytes).
corpora["cut"] = {
    "cr.txt": TEXT.encode().replace(b" ", b"\r", 2), "nfd.txt": fixture("nfd.txt"),
    "no-space.txt": TEXT.replace(" ", "").encode(), "pair.txt": "📄 đơn".encode("utf-16-le"),
}
corpora["detect"] = {
    "utf8.txt": fixture("utf8.txt"), "utf8-bom.txt": fixture("utf8-bom.txt"),
    "utf16le-bom.txt": fixture("utf16le-bom.txt")[:80], "nfd.txt": fixture("nfd.txt"),
    "mixed.txt": fixture("mixed.txt"), "tcvn3.txt": fixture("tcvn3.txt"), "vni.txt": fixture("vni.txt"),
    "windows-1258.txt": fixture("windows-1258.txt"), "png-header.bin": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
}

# CSV/TSV: quotes, doubled quotes, line breaks in cells, other delimiters and line ends.
corpora["csv"] = {
    "quoted.csv": f'id,text\n1,"{TEXT}"\n2,"Trích ""nguyên văn"" ở giữa"\n3,"Hai dòng\ntrong một ô"\n'.encode(),
    "semicolon.csv": f"STT;Nội dung kiến nghị;Đơn vị\n1;{TEXT};KCN Thăng Long\n2;{TEXT2};\n".encode(),
    "tab.tsv": f"id\ttext\n1\t{TEXT}\n2\t{TEXT2}\n".encode(),
    "crlf-bom.csv": b"\xef\xbb\xbf" + f"id,text\r\n1,{TEXT2}\r\n".encode(),
    "cr-only.csv": f"id,text\r1,{TEXT}\r2,{TEXT2}\r".encode(),
    "title-row.csv": f"DANH SÁCH KIẾN NGHỊ,\n,\nSTT,Nội dung\n1,{TEXT}\n".encode(),
    "malformed.csv": f'id,text\n1,"mở mà không đóng\n2,a"b\n3,"x"y\n'.encode(),
}

# Plain text: one petition per line; Unicode spaces around, CR/CRLF, blank lines, a control character.
corpora["txt"] = {
    "lines.txt": f"{TEXT}\n{TEXT2}\n".encode(),
    "spaces.txt": f"\u00a0\u3000 {TEXT}\u2009\t\r\n\n\u200b\n  {TEXT2}\u202f".encode(),
    "cr-only.txt": f"{TEXT}\r{TEXT2}\r".encode(),
    "bom-nfd.txt": b"\xef\xbb\xbf" + unicodedata.normalize("NFD", TEXT).encode() + b"\n",
    "control.txt": f"{TEXT}\x07 \x1b[31m\n{TEXT2}\x00\n".encode(),
}

# JSON Lines: valid, escaped, blank, broken.
corpora["jsonl"] = {
    "valid.jsonl": f'{{"id":"a1","text":"{TEXT}"}}\n{{"text":"{TEXT2}"}}\n'.encode(),
    "escapes.jsonl": b'{"id":1,"text":"C\\u00f4ng nh\\u00e2n \\"n\\u1ee3\\" l\\u01b0\\u01a1ng\\n\\ud83d\\udcc4"}\r\n\n',
    "broken.jsonl": b'{"id":"x","text":""}\nnot json\n{"text":null}\n{"text":["a"]}\n{"id":{"a":1},"text":"ok"}\n  \n{"text":"\\ud800"}',
    "nested.jsonl": b'{"id":"n","text":"t","extra":[[[[{"a":[1,2e308,-0.0,true,false,null]}]]]]}\n',
}

# XLSX: parts (sheet, shared strings, styles, workbook, rels) split by 0x1E, and real packages.
SHEET = ('<worksheet><sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
         f'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>{TEXT}</t></is></c></row>'
         '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="s" s="1"><v>2</v></c></row>'
         '<row r="5"><c r="C5" t="s"><v>3</v></c></row>'
         '</sheetData></worksheet>')
SHARED = ('<sst><si><t>STT</t></si><si><t>Nội dung kiến nghị</t></si>'
          '<si><t>C\u00abng nh\u00a9n \u00ae\u00aa ngh\u00dc</t></si>'
          '<si><r><rPr><rFont val=".VnTime"/></rPr><t>C\u00abng ty</t></r><r><t xml:space="preserve"> nợ lương</t></r></si></sst>')
STYLES = ('<styleSheet><fonts count="2"><font><name val="Arial"/></font><font><name val=".VnTime"/></font></fonts>'
          '<cellXfs count="2"><xf fontId="0"/><xf fontId="1"/></cellXfs></styleSheet>')
WORKBOOK = ('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Kiến nghị" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'

def package(entries, compress=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compress) as z:
        for name, text in entries:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = compress
            z.writestr(info, text)
    return buffer.getvalue()

xlsx_parts = [SHEET, SHARED, STYLES, WORKBOOK, RELS]
corpora["xlsx"] = {
    "parts.bin": SEP.join(p.encode() for p in xlsx_parts),
    "title-row.bin": SEP.join(p.encode() for p in [
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>DANH SÁCH KIẾN NGHỊ</t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>STT</t></is></c><c r="B3" t="inlineStr"><is><t>Nội dung</t></is></c></row>'
        f'<row r="4"><c r="A4"><v>1</v></c><c r="B4" t="inlineStr"><is><t>{TEXT2}</t></is></c></row></sheetData></worksheet>']),
    "refs.bin": SEP.join(p.encode() for p in [
        '<worksheet><sheetData><row><c r="AB7" t="s"><v>1</v></c><c t="str"><v>x</v></c><c r="B" t="n" s="7"><v>3.5</v></c></row></sheetData></worksheet>',
        SHARED]),
    # Hostile cases from issue 10, so every smoke run tries them.
    "negative-indexes.bin": SEP.join(p.encode() for p in [
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nội dung</t></is></c></row>'
        '<row r="2"><c r="A2" t="s" s="-1"><v>-1</v></c></row></sheetData></worksheet>', SHARED, STYLES]),
    "huge-ref.bin": SEP.join(p.encode() for p in [
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nội dung</t></is></c></row>'
        '<row r="2"><c r="ZZZZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>']),
    "real.xlsx": package([("[Content_Types].xml", CONTENT_TYPES), ("xl/workbook.xml", WORKBOOK),
                          ("xl/_rels/workbook.xml.rels", RELS), ("xl/styles.xml", STYLES),
                          ("xl/sharedStrings.xml", SHARED), ("xl/worksheets/sheet1.xml", SHEET)]),
}

# DOCX: word/document.xml alone, and one real package.
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCUMENT = (f'<w:document {W}><w:body>'
            '<w:p><w:r><w:t>DANH SÁCH KIẾN NGHỊ</w:t></w:r></w:p>'
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{TEXT}</w:t></w:r></w:p>'
            '<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t>C\u00abng nh\u00a9n</w:t></w:r>'
            '<w:r><w:tab/><w:t xml:space="preserve"> nợ </w:t><w:br/><w:t>lương</w:t></w:r></w:p>'
            f'<w:p><w:r><w:t>2. {TEXT2}</w:t></w:r></w:p>'
            '</w:body></w:document>')
TABLE = (f'<w:document {W}><w:body><w:tbl>'
         '<w:tr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:tc></w:tr>'
         f'<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{TEXT}</w:t></w:r></w:p></w:tc></w:tr>'
         '</w:tbl><w:p><w:r><w:t>Lộ dữ liệu: &amp;xxe; hết</w:t></w:r></w:p></w:body></w:document>')
corpora["docx"] = {
    "document.xml": DOCUMENT.encode(),
    "table.xml": TABLE.encode(),
    "real.docx": package([("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", DOCUMENT)]),
}

# Normaliser + tokenizer: composed and decomposed text, invisibles, numbers, dates, links.
corpora["analyze"] = {
    "nfc.txt": fixture("utf8.txt"),
    "nfd.txt": fixture("nfd.txt"),
    "lookalike.txt": fixture("tcvn3-lookalike.txt"),
    "tokens.txt": ("Theo CV 644/TB-UBND ngày 11/5/2019, KCN&CX; LĐ-TB&XH; liên hệ 0912 345 678, "
                   "a.b@example.vn, https://example.vn/x?y=1 — giá 1.234.567đ (≈ 5%).\r\n"
                   "Thủy/thuỷ, HOÀ, hòa, khoẻ\u200b mạnh\u00ad, BHXH, \u202etrái\u202c.").encode(),
    "decomposed-edges.txt": unicodedata.normalize("NFD", "ệ ờ Ữ").encode() + b"\xcc\x81\xcc\x80 a\xcc\x83",
}

# Lexicon files: one TSV per seed (the target parses one file from memory with
# the loader's strict decoding): the real files' headers and first rows, and broken ones.
lexicons = root / "Lexicons"
def head(relative, rows=6):
    lines = (lexicons / relative).read_text(encoding="utf-8").splitlines()
    kept, data = [], 0
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        kept.append(line)
        data += 1
        if data > rows:
            break
    return ("\n".join(kept) + "\n").encode()
first_theme = sorted(p.name for p in (lexicons / "themes").iterdir())[0]
corpora["lexicon"] = {
    "theme.tsv": head(f"themes/{first_theme}"),
    "abbreviations.tsv": head("abbreviations.tsv"),
    "agencies.tsv": head("routing/agencies.tsv"),
    "districts.tsv": head("gazetteer/districts.tsv", 3),
    "comments-crlf-bom.tsv": b"\xef\xbb\xbf# note\r\nphrase\tweight\r\n  ch\xe1\xbb\x91t s\xe1\xbb\x95 \t 3 \r\n\r\n",
    "windows-1258.tsv": b"phrase\tweight\nba\xd2o hi\xea\xd2m\t3\n",
    "utf16.tsv": "phrase\tweight\nbảo hiểm\t3\n".encode("utf-16"),
    "nul.tsv": b"phrase\tweight\nb\x00o\t3\n",
}
# Hostile rows the readers must reject one by one (control characters, duplicate keys).
corpora["csv"]["nul-in-cell.csv"] = f'id,text\n1,"{TEXT}"\n2,"n\x00l"\n3,{TEXT2}\n'.encode()
corpora["jsonl"]["duplicate-keys.jsonl"] = b'{"text":"one","text":"two"}\n{"id":1,"id":2,"text":"t"}\n{"te\\u0078t":"a","text":"b"}\n{"text":"n\\u0000l"}\n'

if out.exists():
    shutil.rmtree(out)
for target, files in sorted(corpora.items()):
    folder = out / target
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    print(f"{target}: {len(files)} files, {sum(len(d) for d in files.values())} bytes")
