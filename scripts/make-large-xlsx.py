#!/usr/bin/env python3
"""Writes a large synthetic petition workbook for memory and speed checks.

Like Excel's own files it keeps every text in the shared-string table (one
distinct petition per row) and has a title row above the header.

Usage: python3 scripts/make-large-xlsx.py ROWS OUT.xlsx
Example: python3 scripts/make-large-xlsx.py 500000 /tmp/big.xlsx
"""
import random, sys, zipfile
from xml.sax.saxutils import escape

rows, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
subjects = ["Đề nghị công ty", "Công nhân kiến nghị", "Người lao động đề nghị", "Tổ sản xuất phản ánh"]
asks = ["trả lương đúng hạn", "tăng phụ cấp ca đêm", "sửa nhà vệ sinh", "cấp đủ bảo hộ lao động",
        "bố trí xe đưa đón", "cải thiện bữa ăn ca", "đóng bảo hiểm xã hội đầy đủ", "lắp thêm quạt thông gió"]
units = ["Phân xưởng 1", "Phân xưởng 2", "Tổ may 3", "Tổ bảo vệ", "Kho vận"]

strings, index = [], {}
def sid(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]

def col(i):
    return "ABCDEFGHIJ"[i]

with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
        sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        sheet.write(f'<row r="1"><c r="A1" t="s"><v>{sid("DANH SÁCH KIẾN NGHỊ CỦA CÔNG NHÂN LAO ĐỘNG")}</v></c></row>'.encode())
        header = ["STT", "Đơn vị", "Nội dung kiến nghị", "Ngày nhận"]
        sheet.write(('<row r="3">' + "".join(f'<c r="{col(i)}3" t="s"><v>{sid(h)}</v></c>' for i, h in enumerate(header)) + "</row>").encode())
        for n in range(rows):
            r = n + 4
            text = f"{rng.choice(subjects)} {rng.choice(asks)} cho {rng.choice(units).lower()} (số {n + 1}, ý kiến {rng.randrange(10**6)})"
            cells = [f'<c r="A{r}"><v>{n + 1}</v></c>',
                     f'<c r="B{r}" t="s"><v>{sid(rng.choice(units))}</v></c>',
                     f'<c r="C{r}" t="s"><v>{sid(text)}</v></c>',
                     f'<c r="D{r}" t="s"><v>{sid("%02d/%02d/2024" % (rng.randrange(1, 29), rng.randrange(1, 13)))}</v></c>']
            sheet.write(f'<row r="{r}">{"".join(cells)}</row>'.encode())
        sheet.write(b"</sheetData></worksheet>")
    with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as sst:
        sst.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'.encode())
        for s in strings:
            sst.write(f"<si><t>{escape(s)}</t></si>".encode())
        sst.write(b"</sst>")
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Kiến nghị" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
print(f"wrote {out}: {rows} petitions, {len(strings)} shared strings")
