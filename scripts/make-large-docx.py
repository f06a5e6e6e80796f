#!/usr/bin/env python3
"""Writes a large synthetic petition document (.docx) for memory checks:
a heading, then one numbered petition per paragraph, every tenth with a
continuation paragraph.

Usage: python3 scripts/make-large-docx.py PARAGRAPHS OUT.docx
"""
import random, sys, zipfile
from xml.sax.saxutils import escape

count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(11)
asks = ["trả lương đúng hạn", "tăng phụ cấp ca đêm", "sửa nhà vệ sinh", "cấp đủ bảo hộ lao động",
        "bố trí xe đưa đón", "cải thiện bữa ăn ca", "đóng bảo hiểm xã hội đầy đủ", "lắp thêm quạt thông gió"]

def para(text, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'.encode()

with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as doc:
        doc.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
        doc.write(para("DANH SÁCH KIẾN NGHỊ", "Heading1"))
        for n in range(count):
            doc.write(para(f"{n + 1}. Công nhân đề nghị công ty {rng.choice(asks)} (ý kiến {rng.randrange(10**6)})"))
            if n % 10 == 0:
                doc.write(para("Ý kiến này được nhiều tổ cùng nêu."))
        doc.write(b"</w:body></w:document>")
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
print(f"wrote {out}: {count} petitions")
