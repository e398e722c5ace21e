"""Open an exported workbook in a real spreadsheet application (LibreOffice) and print it to PDF.

    python scripts/check_workbook_libreoffice.py [WORKBOOK.xlsx] [--project P.newsprism | --corpus N]
                                                 [--out DIR] [--png]

What is checked: without a workbook, the seed articles plus four articles
whose headlines start with ``=HYPERLINK(``, ``+``, ``-`` and ``@``, exported;
``--project`` exports a project, ``--corpus N`` a project of ``N`` generated
articles (``benchmarks.corpus``, analysed with the real model). Then

1. converts the workbook to PDF with ``libreoffice --headless --convert-to pdf``
   and prints the pages per sheet and in total (each printed page carries its
   sheet's name in its header); ``--png`` also renders every page to PNG;
2. converts every sheet to CSV with LibreOffice and checks that formula-like
   text (``=HYPERLINK(...``, ``+``, ``-``, ``@``) came out literally, i.e. that
   LibreOffice did not evaluate it.

Exit status: 0 when all went well, 1 when a check failed, 0 with a "SKIP"
line when LibreOffice or poppler-utils is not installed (CI need not install
them: ``apt-get install -y --no-install-recommends libreoffice-calc poppler-utils``).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1"
FORMULA_STARTS = ("=", "+", "-", "@")
NO_HEADER = "(page without a sheet name)"


def tools_missing() -> str | None:
    """Why the check cannot run here, or ``None``."""
    if _office() is None:
        return "LibreOffice (libreoffice-calc) is not installed"
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        return "poppler-utils (pdftotext, pdftoppm) is not installed"
    return None


def _office() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def _run_office(args: list[str], home: Path) -> None:
    env = {**os.environ, "HOME": str(home)}  # LibreOffice needs a writable profile folder
    subprocess.run([_office(), "--headless", "--norestore", *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=1800)


def to_pdf(workbook: Path, out: Path, home: Path) -> Path:
    _run_office(["--convert-to", "pdf", "--outdir", str(out), str(workbook)], home)
    return out / (workbook.stem + ".pdf")


def pages_per_sheet(pdf: Path, sheets: list[str]) -> dict[str, int]:
    """Printed pages of each sheet, in workbook order, found by the sheet name in each page's header."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    counts = dict.fromkeys(sheets, 0)
    longest_first = sorted(sheets, key=len, reverse=True)
    for page in text.split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if not lines:
            continue
        name = next((s for s in longest_first if re.match(re.escape(s) + r"(\s{2,}|$)", lines[0])), NO_HEADER)
        counts[name] = counts.get(name, 0) + 1
    return counts


def render_png(pdf: Path, out: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(out / "page")], check=True)
    return sorted(out.glob("page*.png"))


def formula_texts_survive(workbook: Path, out: Path, home: Path) -> list[str]:
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
    _run_office(["--convert-to", CSV_ALL_SHEETS, "--outdir", str(csv_dir), str(workbook)], home)
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


def project_workbook(project_path: Path, folder: Path) -> Path:
    os.environ.setdefault("NEWSPRISM_HOME", str(folder / "home"))
    from core.project import Project

    with Project(project_path, create=False) as project:
        return project.export_xlsx(folder / f"{project_path.stem}.xlsx")


def corpus_workbook(n: int, folder: Path) -> Path:
    """``n`` generated articles (benchmarks.corpus) imported, analysed and exported."""
    os.environ.setdefault("NEWSPRISM_HOME", str(folder / "home"))
    from benchmarks.corpus import write_corpus
    from core.project import Project

    write_corpus(folder / "corpus", n)
    with Project(folder / f"corpus-{n}.newsprism") as project:
        project.import_paths([folder / "corpus"])
        project.analyse()
        return project.export_xlsx(folder / f"corpus-{n}.xlsx")


def print_page_counts(counts: dict[str, int]) -> None:
    width = max(len(name) for name in counts)
    for name, pages in counts.items():
        print(f"  {name:<{width}}  {pages:>4}")
    print(f"  {'Total':<{width}}  {sum(counts.values()):>4}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("workbook", nargs="?", type=Path)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--project", type=Path, help="export this .newsprism project and check its workbook")
    source.add_argument("--corpus", type=int, metavar="N", help="check the workbook of N generated articles")
    parser.add_argument("--out", type=Path, help="folder for the PDF and PNGs (default: a temporary folder)")
    parser.add_argument("--png", action="store_true", help="render every page to PNG (pdftoppm)")
    args = parser.parse_args(argv)
    missing = tools_missing()
    if missing:
        print(f"SKIP: {missing}")
        return 0
    work = Path(tempfile.mkdtemp(prefix="newsprism-lo-"))
    out = args.out or work / "render"
    out.mkdir(parents=True, exist_ok=True)
    if args.workbook:
        workbook = args.workbook
    elif args.project:
        workbook = project_workbook(args.project, work)
    elif args.corpus:
        workbook = corpus_workbook(args.corpus, work)
    else:
        workbook = sample_workbook(work)
    from openpyxl import load_workbook

    sheets = load_workbook(workbook, read_only=True).sheetnames
    pdf = to_pdf(workbook, out, work / "lo-home")
    print(f"{workbook.name} printed by LibreOffice to {pdf}; pages per sheet:")
    print_page_counts(pages_per_sheet(pdf, sheets))
    if args.png:
        pages = render_png(pdf, out)
        print(f"{len(pages)} pages rendered to {out}")
    problems = formula_texts_survive(workbook, out, work / "lo-home")
    for problem in problems:
        print(f"FAIL: {problem}")
    print("formula-like text stays text in LibreOffice" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
