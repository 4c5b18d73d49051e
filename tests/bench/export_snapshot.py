"""Proof that a change to the exports changes nothing a reader sees: every document of a set of cases, written
with one version of the code, compared with the same documents written with another.

    # with the old code (a checkout of main, say /tmp/main), then with the new:
    PYTHONPATH=/tmp/main .venv/bin/python tests/bench/export_snapshot.py write build/docs-old
    .venv/bin/python tests/bench/export_snapshot.py write build/docs-new
    .venv/bin/python tests/bench/export_snapshot.py compare build/docs-old build/docs-new

The cases: the large generated case, every sample, the booklet case (a story with drawings and the Three
Houses) and a sample whose names and agreements carry Arabic, Hebrew, emoji and symbols (the shaped paths);
in Dutch and English; every format of ``export.render_bytes`` plus the reflecting team's record and the
training role cards (they share the renderers).

What "the same" means: Markdown, JSON and CSV byte for byte; a Word document part by part (every XML part
and picture equal, ``docProps/core.xml`` apart from its dates); a PDF page by page as pixels
(``pdftoppm -r 60 -png``: the same number of pages, every page's pixels equal) and the same text per page
(``pdftotext -layout``), which catches a moved line break the low resolution might blur. The PDFs are written
with reportlab's ``invariant`` setting (no date, a fixed document id), so that the count of PDFs equal byte for
byte is shown too. ``write`` runs with ``PYTHONHASHSEED=0``: main's score tables order two people of the same
name as a set happens to hold them, which differs from one process to the next.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # after PYTHONPATH: the code under test may be another checkout

SHAPED_NAME = "Monique 👵🏽 El Amrani (فاطمة) — שרה ✔ 👨‍👩‍👧"


def cases() -> dict[str, object]:
    from facilitation import samples
    from facilitation.domain import ops
    from tests.unit.booklet_case import booklet_case

    out: dict[str, object] = {"large": samples.large_case()}
    for name in samples.sample_names():
        out[name] = samples.load_sample(name)
    out["booklet"] = booklet_case()
    shaped = samples.load_sample("lina-en-noah")
    shaped = shaped.apply(ops.update(shaped, "person", "p-monique", name=SHAPED_NAME))
    for a in list(shaped.agreements.values())[:2]:
        shaped = shaped.apply(ops.update(shaped, "agreement", a.id, what=a.what + " 🏠 (سلام) ✔"))
    out["shaped"] = shaped
    return out


def role_cards(lang: str) -> bytes:
    from facilitation.domain.model import RoleCard
    from facilitation.export import role_cards as cards

    given = [
        RoleCard(
            id="c1", role="Mama", knows="Ze weet van de ruzies.\nZe is bang.", thinks="Ik wil mijn kinderen terug 🙏"
        ),
        RoleCard(id="c2", role="Oma (فاطمة)", knows="Alles.", thinks="Ik help graag, elke woensdag."),
    ]
    return cards.render(given, lang, "Familie Peeters", "pdf")


def write(folder: Path) -> int:
    from reportlab import rl_config

    from facilitation import export
    from facilitation.export import reflecting_record

    rl_config.invariant = 1
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, case in cases().items():
        for lang in ("nl", "en"):
            for fmt in export.FORMATS:
                for suffix, data in export.render_bytes(case, fmt, lang).items():  # type: ignore[arg-type]
                    (folder / f"{name}.{lang}.{fmt}{suffix}").write_bytes(data)
                    n += 1
            if name in ("large", "shaped"):
                for fmt in reflecting_record.FORMATS:
                    _, data = reflecting_record.render(case, None, fmt, lang)  # type: ignore[arg-type]
                    (folder / f"{name}.{lang}.record.{fmt}").write_bytes(data)
                    n += 1
    for lang in ("nl", "en"):
        (folder / f"cards.{lang}.pdf").write_bytes(role_cards(lang))
        n += 1
    print(f"{n} documents in {folder}")
    return 0


_DATES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def _docx_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = _DATES.sub(b"", parts["docProps/core.xml"])
    return parts


def _pages(pdf: Path, tmp: Path) -> list[bytes]:
    from PIL import Image

    out = tmp / pdf.stem
    out.mkdir()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / "p")], check=True)
    return [Image.open(p).convert("RGB").tobytes() for p in sorted(out.glob("p*.png"), key=_page_number)]


def _page_number(p: Path) -> int:
    return int(p.stem.rsplit("-", 1)[-1])


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True).stdout.decode()


def _differs(a: Path, b: Path, tmp: Path) -> str:
    """'' when the two documents read the same, else what differs."""
    if a.suffix == ".docx":
        pa, pb = _docx_parts(a.read_bytes()), _docx_parts(b.read_bytes())
        if pa.keys() != pb.keys():
            return f"parts {sorted(pa.keys() ^ pb.keys())}"
        bad = [n for n in pa if pa[n] != pb[n]]
        return f"parts differ: {bad}" if bad else ""
    if a.suffix == ".pdf":
        (tmp / "a").mkdir(exist_ok=True)
        (tmp / "b").mkdir(exist_ok=True)
        ra, rb = _pages(a, tmp / "a"), _pages(b, tmp / "b")
        if len(ra) != len(rb):
            return f"{len(ra)} pages, now {len(rb)}"
        bad = [i + 1 for i, (x, y) in enumerate(zip(ra, rb, strict=True)) if x != y]
        if bad:
            return f"pixels differ on pages {bad}"
        return "text differs" if _text(a) != _text(b) else ""
    return "" if a.read_bytes() == b.read_bytes() else "bytes differ"


def compare(old: Path, new: Path) -> int:
    names = sorted(p.name for p in old.iterdir())
    missing = sorted({p.name for p in new.iterdir()} ^ set(names))
    failures = [f"{n}: only in one folder" for n in missing]
    pdf_pages = same_bytes = 0
    with tempfile.TemporaryDirectory() as d:
        for n in names:
            if n in missing:
                continue
            tmp = Path(d) / n
            tmp.mkdir()
            why = _differs(old / n, new / n, tmp)
            if why:
                failures.append(f"{n}: {why}")
            if n.endswith(".pdf"):
                pdf_pages += len(list((tmp / "a").rglob("*.png")))
                same_bytes += (old / n).read_bytes() == (new / n).read_bytes()
    for f in failures:
        print("DIFFERS", f)
    pdfs = sum(n.endswith(".pdf") for n in names)
    print(f"{len(names)} documents compared ({pdf_pages} PDF pages as pixels): {len(failures)} differ")
    print(f"{same_bytes} of {pdfs} PDFs equal byte for byte")
    return 1 if failures else 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("write").add_argument("folder", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = ap.parse_args()
    if args.cmd == "write":
        if os.environ.get("PYTHONHASHSEED") != "0":  # the same order of sets in both versions (see above)
            env = dict(os.environ, PYTHONHASHSEED="0")
            return subprocess.run([sys.executable, *sys.argv], env=env, check=False).returncode
        return write(args.folder)
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
