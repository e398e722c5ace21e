"""The benchmark's rows: printed as a table, written as Markdown, summed up as JSON."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path


@dataclass
class Row:
    measure: str
    value: float | None  # None: not measured (see note)
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    ratio: float | None = None  # Newsprism's speed over the baseline's (higher is better)
    target: str = ""
    note: str = ""

    def cells(self) -> list[str]:
        value = "—" if self.value is None else f"{_num(self.value)} {self.unit}".strip()
        base = "" if self.baseline is None else f"{_num(self.baseline)} {self.unit} ({self.baseline_name})"
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}"
        return [self.measure, value, base, ratio, self.target, self.note]


HEADER = ["measure", "Newsprism", "baseline", "ratio", "target", "note"]


def _num(x: float) -> str:
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def speed_ratio(ours_seconds: float | None, base_seconds: float | None) -> float | None:
    """Baseline time over ours: 1.0 is as fast as the baseline."""
    if not ours_seconds or not base_seconds:
        return None
    return base_seconds / ours_seconds


def table(rows: list[Row]) -> str:
    cells = [HEADER] + [r.cells() for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADER))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown(rows: list[Row], summary: dict) -> str:
    m = summary["machine"]
    lines = [
        f"Run on {date.today().isoformat()}: N = {summary['n']:,} articles "
        f"({summary['corpus']['words']:,} words, {summary['corpus']['events']} events, formats {summary['corpus']['formats']}).",
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, {m['os']}; Python {m['python']}, "
        f"spaCy {m['spacy']}, {m['model']}, pandas {m['pandas']}, openpyxl {m['openpyxl']}, PySide6 {m['pyside6']}; "
        f"load average at the end {m.get('load_avg_1_5_15')} (other work on the machine slows every figure).",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
    ]
    lines += ["| " + " | ".join(c.replace("|", "/") for c in r.cells()) + " |" for r in rows]
    return "\n".join(lines)


def write_markdown(path: Path, rows: list[Row], summary: dict) -> None:
    """Replace this N's results block in ``path`` (or append one); the rest is left alone."""
    n = summary["n"]
    start, end = f"<!-- results n={n} -->", f"<!-- /results n={n} -->"
    block = f"{start}\n{markdown(rows, summary)}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + f"\n\n## Results at N = {n:,}\n\n{block}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def rows_json(rows: list[Row]) -> list[dict]:
    return [asdict(r) for r in rows]
