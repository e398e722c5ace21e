"""``newsprism --self-test`` run in-process: real seeds, real model, real workbook."""

from __future__ import annotations

import pytest

from core import selftest


def _lines(capsys) -> list[str]:
    return capsys.readouterr().out.strip().splitlines()


def test_self_test_passes_on_the_seeds(nlp, capsys):
    status = selftest.main()

    lines = _lines(capsys)
    assert status == 0, "\n".join(lines)
    assert [line.split(":")[0] for line in lines[:-1]] == ["ok   files", "ok   readers", "ok   import", "ok   analyse", "ok   export"]
    assert lines[-1] == "self-test passed"
    assert "2 articles" in lines[2]
    assert ".xlsx" in lines[4]


def test_missing_seeds_fail_clearly_and_skip_what_needs_them(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(selftest, "seeds_dir", lambda: tmp_path)

    status = selftest.main()

    lines = _lines(capsys)
    assert status == 1
    assert lines[0] == f"FAIL files: no sample seeds (*.txt) in {tmp_path}"
    assert lines[2:] == ["skip import: needs 'files'", "skip analyse: needs 'import'", "skip export: needs 'analyse'", "self-test failed"]


def test_an_exception_in_a_step_becomes_a_line_not_a_traceback(monkeypatch, capsys):
    def fine(ctx):
        return "fine"

    def broken(ctx):
        raise OSError("disk full")

    monkeypatch.setattr(
        selftest, "STEPS", (("first", fine, ()), ("second", broken, ()), ("third", fine, ("second",)), ("fourth", fine, ("first",)))
    )

    status = selftest.main()

    lines = _lines(capsys)
    assert status == 1
    assert lines[0].startswith("ok   first: fine (")
    assert lines[1:] == ["FAIL second: OSError: disk full", "skip third: needs 'second'", lines[3], "self-test failed"]
    assert lines[3].startswith("ok   fourth: fine (")


def test_an_export_that_writes_nothing_fails(monkeypatch, tmp_path, capsys):
    class NoWorkbook:
        def export_xlsx(self, target):
            return target  # claims success, writes nothing

    with pytest.raises(selftest.StepFailed, match="no workbook was written"):
        selftest.export(selftest.Context(tmp_path, NoWorkbook()))
