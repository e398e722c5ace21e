"""Archives that would cost minutes and gigabytes are refused before anything is unpacked.

The zips are written byte by byte (``benchmarks/hostile_inputs.raw_zip``): the
same compressed member repeated, or many entries pointing at one member's
bytes, as a hostile zip would be; a zip library would refuse to write the
second kind.
"""

from __future__ import annotations

import io
import random
import tempfile
import zipfile
from pathlib import Path

import pytest

from benchmarks.hostile_inputs import member_text as _member_text
from benchmarks.hostile_inputs import raw_zip
from core.importers import archive, read_file
from core.importers.archive import MembersUnreadable
from core.ingest.importing import import_paths
from core.model.import_result import Status, UnreadableFile

MIB = 1024 * 1024


def _raw_zip(names: list[str], data: bytes, *, shared: bool) -> bytes:
    """Every name holds ``data``; ``shared``: all entries point at the first one's bytes (see ``raw_zip``)."""
    with tempfile.TemporaryDirectory() as tmp:
        return raw_zip(Path(tmp) / "made.zip", names, data, shared=shared).read_bytes()


def test_many_identical_one_mib_members_are_refused_as_a_bomb(tmp_path):
    """Each member is exactly 1 MiB (which the check per member lets compress freely): the whole archive is judged."""
    path = tmp_path / "identical.zip"
    path.write_bytes(_raw_zip([f"copy{i:04d}.txt" for i in range(100)], _member_text(MIB), shared=False))
    assert path.stat().st_size < MIB // 2
    with pytest.raises(UnreadableFile, match="zip bomb") as refused:
        read_file(path)
    assert not isinstance(refused.value, MembersUnreadable)  # refused as a whole, nothing unpacked


def test_entries_that_overlap_are_refused_before_anything_is_unpacked(tmp_path):
    path = tmp_path / "overlapping.zip"
    path.write_bytes(_raw_zip([f"entry{i:04d}.txt" for i in range(1_900)], _member_text(64 * 1024), shared=True))
    with pytest.raises(UnreadableFile, match="overlap"):
        read_file(path)


def test_the_byte_budget_is_shared_with_nested_archives(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", MIB)
    rng = random.Random(7)
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as z:
        for n in range(3):
            words = ["bridge", "council", "harbour", "vote", "city", "mayor", "port", "budget"]
            text = "\n".join([f"Headline {n}", *(" ".join(rng.choice(words) for _ in range(12)) for _ in range(6_000))])
            inner = io.BytesIO()
            with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as nested:
                nested.writestr(f"story{n}.txt", text[: 400 * 1024])
            z.writestr(f"part{n}.zip", inner.getvalue())
    path = tmp_path / "nested.zip"
    path.write_bytes(outer.getvalue())
    with pytest.raises(MembersUnreadable) as partly:
        read_file(path)
    assert len(partly.value.articles) == 2
    [(member, why)] = partly.value.failures
    assert member.startswith("part2.zip") and "more than 1 MB in all" in why


def test_a_refused_archive_is_a_clear_row_in_the_import_report(tmp_path, store):
    path = tmp_path / "overlapping.zip"
    path.write_bytes(_raw_zip([f"entry{i}.txt" for i in range(50)], _member_text(4096), shared=True))
    [result] = import_paths(store, [path])
    assert result.status is Status.FAILED and "overlap" in result.message
    assert store.article_count() == 0
