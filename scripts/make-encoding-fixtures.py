#!/usr/bin/env python3
"""Writes the legacy-encoding test fixtures in Tests/KienNghiCoreTests/Fixtures
from one Unicode sentence, using the reference tables (and Python's cp1258).

Usage: python3 scripts/make-encoding-fixtures.py [REFERENCE_DIR]
"""
import sys, pathlib, unicodedata

ref = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
out = pathlib.Path(__file__).resolve().parent.parent / "Tests/KienNghiCoreTests/Fixtures"
TEXT = ("Công nhân khu công nghiệp Thăng Long kiến nghị: doanh nghiệp nợ đóng bảo hiểm xã hội, "
        "người lao động chưa được chốt sổ. Đề nghị Ủy ban nhân dân quận sớm giải quyết, hỗ trợ tiền thuê nhà trọ.")

def table(name, keep=lambda r: True):
    lines = [l for l in (ref / name).read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    head = lines[0].split("\t")
    mapping = {}
    for line in lines[1:]:
        r = dict(zip(head, line.split("\t")))
        if keep(r):
            mapping.setdefault(r["unicode"], bytes(int(h, 16) for h in r["bytes_hex"].split()))
    return mapping

def encode(text, mapping):
    return b"".join(mapping.get(ch) or ch.encode("ascii") for ch in text)

def cp1258(text):
    out = b""
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        tone = [c for c in d if c in "\u0300\u0301\u0303\u0309\u0323"]
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tone))
        out += (base + "".join(tone)).encode("cp1258")
    return out

tcvn3 = table("tcvn3.tsv", keep=lambda r: r["set"] == "VN3")
lower_text = TEXT.lower()  # ABC text without an all-caps font has no toned capitals
fixtures = {
    "tcvn3.txt": encode(lower_text, tcvn3),
    "vni.txt": encode(TEXT, table("vni.tsv")),
    "viscii.txt": encode(TEXT, table("viscii.tsv")),
    "vps.txt": encode(TEXT, table("vps.tsv")),
    "windows-1258.txt": cp1258(TEXT),
    "utf8.txt": TEXT.encode("utf-8"),
    "utf8-bom.txt": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "utf16le-bom.txt": b"\xff\xfe" + TEXT.encode("utf-16-le"),
    "utf16be-bom.txt": b"\xfe\xff" + TEXT.encode("utf-16-be"),
    "nfd.txt": unicodedata.normalize("NFD", TEXT).encode("utf-8"),
    # Look-alikes: legacy bytes read as Windows-1252, stored as Unicode (Office files).
    "tcvn3-lookalike.txt": encode(lower_text, tcvn3).decode("cp1252", errors="replace").encode("utf-8"),
    "vni-lookalike.txt": encode(TEXT, table("vni.tsv")).decode("cp1252", errors="replace").encode("utf-8"),
    # UTF-8 with a TCVN3 sentence pasted in: must be refused with an offset.
    "mixed.txt": TEXT.encode("utf-8") + b" " + encode(lower_text, tcvn3),
}
out.mkdir(parents=True, exist_ok=True)
(out / "expected.txt").write_text(TEXT, encoding="utf-8")
(out / "expected-lower.txt").write_text(lower_text, encoding="utf-8")
for name, data in fixtures.items():
    (out / name).write_bytes(data)
    print(name, len(data))
