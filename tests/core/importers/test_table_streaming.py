"""Big CSV and JSON Lines tables: imported a chunk at a time, in bounded memory, with progress and Cancel.

The suite imports 15,000 rows; ``benchmarks/reliability.py`` (``make bench-reliability``)
imports a million rows and prints the time, rate and peak memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from benchmarks.hostile_inputs import rows as _rows
from benchmarks.hostile_inputs import write_csv, write_jsonl
from core.importers import tables
from core.importers.table_stream import CHUNK_ROWS
from core.ingest.importing import import_paths
from core.model.import_result import Status
from core.tasks import Cancelled, TaskState
from tests.conftest import REPO

_MEASURED_IMPORT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from core.project import Project
    from core.tasks import TaskState

    def peak_kb():
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0])

    table, warm, project = map(Path, sys.argv[1:4])
    with Project(project) as opened:
        opened.import_paths([warm])  # every module loaded, every cache warm
        Path("/proc/self/clear_refs").write_text("5")  # the peak starts again from here
        start = peak_kb()
        fractions = []
        [result] = opened.import_paths([table], state=TaskState(lambda f, m: fractions.append(f)))
        growth = peak_kb() - start
        print(json.dumps({"status": result.status, "articles": len(result.article_ids), "growth_mb": growth / 1024,
                          "fractions": fractions, "stored": opened.store.article_count()}))
""")


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux's /proc to measure peak memory")
@pytest.mark.parametrize("write", [write_csv, write_jsonl])
def test_a_big_table_is_imported_in_bounded_memory_with_progress_within_the_file(tmp_path, write):
    n = 15_000
    table = write(tmp_path / f"export{'.csv' if write is write_csv else '.jsonl'}", n)
    warm = write(tmp_path / f"warm{table.suffix}", 50, seed=2)
    child = subprocess.run([sys.executable, "-c", _MEASURED_IMPORT, str(table), str(warm), str(tmp_path / "p.newsprism")],
                           capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                           timeout=600)
    assert child.returncode == 0, child.stderr
    measured = json.loads(child.stdout.splitlines()[-1])
    assert (measured["status"], measured["articles"]) == ("imported", n)
    assert measured["stored"] == n + 50
    inside = [f for f in measured["fractions"] if 0 < f < 1]
    assert len(inside) >= n // CHUNK_ROWS - 1 and inside == sorted(inside)  # the bar moves within the one file
    # Read whole, 20,000 such rows took 270 MB more (a million: over 10 GB); a chunk at a time, under 40 MB.
    assert measured["growth_mb"] < 100, measured["growth_mb"]


def test_cancel_in_the_middle_of_a_table_keeps_the_chunks_stored(tmp_path, store):
    table = write_csv(tmp_path / "export.csv", 5 * CHUNK_ROWS)
    reports = []

    def cancel_after_two_chunks(fraction, message):
        reports.append(message)
        if len(reports) == 3:  # the first report is the file's start, then one per chunk
            state.cancel()

    state = TaskState(cancel_after_two_chunks)
    with pytest.raises(Cancelled):
        import_paths(store, [table], state=state)
    assert store.article_count() == 2 * CHUNK_ROWS


def test_a_row_that_cannot_be_an_article_is_skipped_and_a_damaged_line_stops_the_file_keeping_what_was_read(
        tmp_path, store, monkeypatch):
    from core.model import article

    monkeypatch.setattr(article, "MAX_TEXT_CHARS", 1_000)
    path = tmp_path / "export.jsonl"
    rows = [json.dumps(r) for r in _rows(CHUNK_ROWS + 10)]
    rows[5] = json.dumps({"title": "Too long", "text": "word " * 400})
    rows[CHUNK_ROWS + 4] = '{"title": "broken", "text": '
    path.write_text("\n".join(rows) + "\n")
    [result] = import_paths(store, [path])
    assert result.status is Status.IMPORTED
    assert store.article_count() == CHUNK_ROWS - 1
    assert "1 row skipped (row 6: the text is too long for one article" in result.message
    assert f"line {CHUNK_ROWS + 5} is not valid JSON" in result.message


def test_a_json_document_over_its_limit_is_refused_up_front_with_advice(tmp_path, store, monkeypatch):
    monkeypatch.setattr(tables, "MAX_JSON_BYTES", 10_000)
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"articles": list(_rows(200))}))
    [result] = import_paths(store, [path])
    assert result.status is Status.FAILED
    assert "JSON Lines (.jsonl) or CSV" in result.message and store.article_count() == 0


def test_unrecognised_columns_of_a_streamed_table_can_be_mapped(tmp_path, store):
    from core.ingest.table_import import import_table
    from core.jobs import unmapped_tables

    path = tmp_path / "export.csv"
    path.write_text("Überschrift,Inhalt\n" + "".join(f"Titel {i},Der Rat stimmte am Tag {i} zu.\n" for i in range(3 * CHUNK_ROWS)))
    [result] = import_paths(store, [path])
    assert result.status is Status.FAILED and store.article_count() == 0
    assert unmapped_tables([result]) == [(str(path), ["Überschrift", "Inhalt"])]
    mapped = import_table(store, path, {"title": "Überschrift", "text": "Inhalt"})
    assert mapped.status is Status.IMPORTED and store.article_count() == 3 * CHUNK_ROWS


def test_a_workbook_over_its_limit_is_refused_up_front_with_advice(tmp_path, store, monkeypatch):
    import pandas as pd

    monkeypatch.setattr(tables, "MAX_WORKBOOK_BYTES", 20_000)  # 16 MB for real: about 40,000 short rows, 0.6 GB
    path = tmp_path / "export.xlsx"
    pd.DataFrame(list(_rows(300))).to_excel(path, index=False)
    [result] = import_paths(store, [path])
    assert result.status is Status.FAILED
    assert "save a bigger one as CSV" in result.message and store.article_count() == 0
