#!/usr/bin/env python3
"""Writes a synthetic corpus of petition-like Vietnamese text, one petition per line.

Deterministic (fixed seed). Vocabulary: the phrases of Lexicons/themes plus
fixed sentence frames, so the text exercises the real matcher. Lines are mostly
NFC; about 8 % are NFD (as macOS and some decoders write them) and about 8 %
are typed without diacritics, as petitions often are.

Usage: python3 scripts/bench-corpus.py OUTPUT MEGABYTES
"""
import pathlib
import random
import sys
import unicodedata

root = pathlib.Path(__file__).resolve().parent.parent


def theme_phrases():
    phrases = []
    for path in sorted((root / "Lexicons/themes").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#") or line.startswith("phrase\t"):
                continue
            phrases.append(line.split("\t")[0])
    return phrases


OPENINGS = ["Công nhân", "Người lao động", "Cử tri", "Công đoàn cơ sở", "Nhiều hộ dân", "Chị em công nhân",
            "Đoàn viên công đoàn", "Tập thể người lao động"]
PLACES = ["KCN Thăng Long", "KCN Quang Minh", "khu công nghiệp Nội Bài", "quận Hoàng Mai", "huyện Đông Anh",
          "KCN Phú Nghĩa", "phường Phúc Lợi, quận Long Biên", "xã Kim Chung, huyện Đông Anh", "TP. Hà Nội"]
FRAMES = [
    "phản ánh {a} kéo dài nhiều tháng, đề nghị cơ quan chức năng kiểm tra và xử lý dứt điểm {b}",
    "đề nghị giải quyết {a}; người lao động đã nhiều lần kiến nghị về {b} nhưng chưa được trả lời",
    "kiến nghị {a} và {b} tại doanh nghiệp, ảnh hưởng đến đời sống của hơn 300 công nhân",
    "hỏi về {a}, theo Công văn số 644/TB-UBND ngày 11/5/2019 thì {b} được giải quyết thế nào",
    "phản ánh tình trạng {a}, liên hệ SĐT 0912 345 678 hoặc email congdoan@example.vn; đề nghị làm rõ {b}",
    "đề nghị các cấp quan tâm {a}, đồng thời có chính sách hỗ trợ {b} cho người lao động",
]
CLOSINGS = ["Xin trân trọng cảm ơn.", "Đề nghị các cơ quan sớm giải quyết!", "Mong thành phố quan tâm.",
            "Rất mong nhận được phản hồi sớm.", ""]


def strip_accents(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def petition(rng, phrases):
    parts = [f"{rng.choice(OPENINGS)} {rng.choice(PLACES)}"]
    for _ in range(rng.randint(1, 3)):
        parts.append(rng.choice(FRAMES).format(a=rng.choice(phrases), b=rng.choice(phrases)) + ".")
    text = " ".join(parts) + " " + rng.choice(CLOSINGS)
    roll = rng.random()
    if roll < 0.08:
        return unicodedata.normalize("NFD", text)
    if roll < 0.16:
        return strip_accents(text)
    return text


def main():
    output, megabytes = sys.argv[1], float(sys.argv[2])
    rng = random.Random(13)
    phrases = theme_phrases()
    target = int(megabytes * 1_000_000)
    written = 0
    pathlib.Path(output).parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        while written < target:
            line = petition(rng, phrases).strip() + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))


if __name__ == "__main__":
    main()
