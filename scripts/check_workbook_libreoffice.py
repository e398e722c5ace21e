"""Open an exported workbook in a real spreadsheet application (LibreOffice) and render it.

    python scripts/check_workbook_libreoffice.py [WORKBOOK.xlsx] [--out DIR]

Without a workbook it exports the sample project (the two seed articles,
analysed with the real model) first. It then

1. converts the workbook to PDF with ``libreoffice --headless --convert-to pdf``
   and renders every page to PNG with ``pdftoppm`` (look at the chart pages);
2. converts every sheet to CSV with LibreOffice and checks that formula-like
   text (``=HYPERLINK(...``, ``+``, ``-``, ``@``) came out literally, i.e. that
   LibreOffice did not evaluate it.

Exit status: 0 when all went well, 1 when a check failed, 0 with a "SKIP"
line when LibreOffice or pdftoppm is not installed (CI need not install
them: ``apt-get install -y --no-install-recommends libreoffice-calc poppler-utils``).
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1"
FORMULA_STARTS = ("=", "+", "-", "@")


def _office() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def _run_office(office: str, args: list[str], home: Path) -> None:
    env = {**os.environ, "HOME": str(home)}  # LibreOffice needs a writable profile folder
    subprocess.run([office, "--headless", "--norestore", *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)


def render(workbook: Path, out: Path, office: str, home: Path) -> list[Path]:
    """PDF and one PNG per page in ``out``."""
    _run_office(office, ["--convert-to", "pdf", "--outdir", str(out), str(workbook)], home)
    pdf = out / (workbook.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(out / "page")], check=True)
    return sorted(out.glob("page*.png"))


def formula_texts_survive(workbook: Path, out: Path, office: str, home: Path) -> list[str]:
    """Problems found: formula-like cells that LibreOffice evaluated or emptied."""
    from openpyxl import load_workbook

    expected: dict[str, set[str]] = {}
    book = load_workbook(workbook, read_only=True)
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                    expected.setdefault(ws.title, set()).add(value)
    book.close()
    csv_dir = out / "csv"
    csv_dir.mkdir(exist_ok=True)
    _run_office(office, ["--convert-to", CSV_ALL_SHEETS, "--outdir", str(csv_dir), str(workbook)], home)
    problems = []
    for sheet, values in expected.items():
        found = list(csv_dir.glob(f"*-{sheet}.csv"))
        if not found:
            problems.append(f"LibreOffice wrote no CSV for sheet {sheet!r}")
            continue
        with found[0].open(encoding="utf-8", newline="") as handle:
            cells = {cell for row in csv.reader(handle) for cell in row}
        problems += [f"{sheet}: {v[:60]!r} did not survive as text" for v in sorted(values) if v not in cells]
    return problems


def sample_workbook(folder: Path) -> Path:
    """The seed articles, plus one article per formula-like start, exported."""
    os.environ.setdefault("NEWSPRISM_HOME", str(folder / "home"))
    from core.project import Project

    articles = folder / "articles" / "Formula Weekly"
    articles.mkdir(parents=True)
    for i, start in enumerate(['=HYPERLINK("http://example.com","click")', "+1 Putin", "-2 Moscow", "@Kremlin"]):
        (articles / f"f{i}.txt").write_text(f"{start} headline\nVladimir Putin met officials in Moscow on Monday.\n")
    with Project(folder / "check.newsprism") as project:
        project.import_paths([REPO / "seeds", articles])
        project.analyse()
        return project.export_xlsx(folder / "check.xlsx")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("workbook", nargs="?", type=Path)
    parser.add_argument("--out", type=Path, help="folder for the PDF and PNGs (default: a temporary folder)")
    args = parser.parse_args(argv)
    office = _office()
    if office is None or shutil.which("pdftoppm") is None:
        print("SKIP: LibreOffice (libreoffice-calc) or pdftoppm (poppler-utils) is not installed")
        return 0
    work = Path(tempfile.mkdtemp(prefix="newsprism-lo-"))
    out = args.out or work / "render"
    out.mkdir(parents=True, exist_ok=True)
    workbook = args.workbook or sample_workbook(work)
    pages = render(workbook, out, office, work / "lo-home")
    print(f"{len(pages)} pages rendered to {out}:")
    for page in pages:
        print(f"  {page}")
    problems = formula_texts_survive(workbook, out, office, work / "lo-home")
    for problem in problems:
        print(f"FAIL: {problem}")
    print("formula-like text stays text in LibreOffice" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
