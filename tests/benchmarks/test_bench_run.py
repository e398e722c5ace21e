"""A tiny run of the whole benchmark, so it cannot rot (the real one is ``make bench``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.report import Row, write_markdown
from tests.conftest import REAL_STORIES

REPO = Path(__file__).resolve().parents[2]
EXPECTED_KEYS = {
    "n", "machine", "corpus", "import", "analysis", "memory", "reanalysis", "reopen",
    "window", "launch", "gui_block", "gui_block_spacy", "export", "notes", "rows",
}


@pytest.mark.slow
def test_tiny_benchmark_measures_everything_and_prints_one_json_line(tmp_path):
    out = tmp_path / "benchmarks.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--n", "20", "--processes", "1", "--gui-n", "6",
         "--html-share", "0.5", "--real-copies", "1", "--real-limit", "6", "--json-only", "--out", str(out)],
        capture_output=True, text=True, cwd=REPO, timeout=900,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    summary = json.loads(lines[0])
    assert EXPECTED_KEYS <= summary.keys()
    assert summary["notes"] == {}, summary["notes"]  # every measurement ran
    assert summary["corpus"]["articles"] == 20
    assert summary["import"]["txt"]["files"] + summary["import"].get("html", {}).get("files", 0) == 20
    analysis = summary["analysis"]
    assert analysis["words_per_s"] > 0 and analysis["baseline_words_per_s"] > 0 and analysis["ratio"] > 0
    assert analysis["ner_alone"]["words_per_s"] > 0 and analysis["ner_alone"]["components"] == ["ner"]
    if REAL_STORIES.exists():  # real news beside the same two baselines
        real = summary["real_text"]
        assert real["articles"] == 6 and real["ratio_full"] > 0 and real["ratio_ner"] > 0
    assert summary["memory"]["peak_rss_mb"] > 0
    assert summary["reanalysis"]["analysed"] == 0
    assert summary["reopen"]["articles"] == summary["window"]["rows_shown"] > 0
    launched = list(summary["launch"].values())
    assert len(launched) == 2 and all(run["first_paint_s"] > 0 and run["rows_shown"] > 0 for run in launched)
    assert launched[0]["first_paint_s"] <= launched[0]["data_shown_s"]
    assert summary["gui_block"]["ticks"] > 0 and summary["gui_block_spacy"]["ticks"] > 0
    assert summary["export"]["seconds"] > 0 and summary["export"]["baseline_seconds"] > 0
    assert "<!-- results n=20 -->" in out.read_text(encoding="utf-8")


def test_results_block_is_replaced_and_the_rest_kept(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nFindings written by hand.\n", encoding="utf-8")
    summary = {"n": 5, "corpus": {"words": 10, "events": 1, "formats": {"txt": 5}}, "machine": {
        "cores": 2, "cpu": "x", "ram_gb": 1, "os": "y", "python": "3", "spacy": "3.8", "model": "m",
        "pandas": "p", "openpyxl": "o", "pyside6": "q"}}
    write_markdown(doc, [Row("speed", 1.0, "s")], summary)
    write_markdown(doc, [Row("speed", 2.0, "s")], summary)
    text = doc.read_text(encoding="utf-8")
    assert "Findings written by hand." in text
    assert text.count("<!-- results n=5 -->") == 1
    assert "| speed | 2.00 s |" in text and "| speed | 1.00 s |" not in text
