"""The main window as a user drives it: drop files, read the import report, cancel, reopen."""

from __future__ import annotations

import sys
import types

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.project import Project
from tests.gui.conftest import SEEDS
from tests.gui.helpers import drop_paths


def _empty_project(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        assert window.open_project(tmp_path / "fresh.newsprism", create=True)


def test_dropping_the_seeds_folder_adds_two_articles_and_charts_two_outlets(window, qtbot, tmp_path):
    _empty_project(window, qtbot, tmp_path)
    assert window.article_model.rowCount() == 0
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        assert drop_paths(window, [SEEDS])
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2 and len(window.chart_panel.chart.bars) == 2,
                    timeout=60_000)
    chart = window.chart_panel.chart
    assert sorted(chart.legend_labels()) == ["Newsweek", "Yahoo News"]
    assert sorted(chart.bars) == ["Newsweek", "Yahoo News"]
    assert "Kim Jong Un" in chart.entities and "Vladimir Putin" in chart.entities
    assert window.import_report.summary.text().startswith("2 new articles")


def test_import_report_lists_a_failed_empty_file_with_its_reason(window, qtbot, tmp_path):
    _empty_project(window, qtbot, tmp_path)
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "story.txt").write_text("Talks in Berlin\nThe minister Anna Schmidt met officials in Berlin.\n")
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        assert drop_paths(window, [folder])
    report = window.import_report
    assert [r.source.endswith("empty.txt") for r in report.failed()] == [True]
    model = report.table.model()
    assert model.index(0, 0).data() == "failed"
    assert model.index(0, 1).data() == "empty.txt"
    assert "empty" in model.index(0, 2).data()
    assert "1 could not be imported" in report.summary.text()
    assert window.docks["import_report"].isVisible()
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 1, timeout=30_000)


def test_cancelling_a_long_import_stops_it_and_keeps_what_was_imported(window, qtbot, tmp_path):
    _empty_project(window, qtbot, tmp_path)
    folder = tmp_path / "many"
    folder.mkdir()
    total = 600
    for i in range(total):
        (folder / f"a{i:04d}.txt").write_text(
            f"Report {i}\nMinister Alice Walker met Bob Stone in Paris on day {i}. Talks in Berlin went on.\n" * 3)
    work = window.controller.work
    with qtbot.waitSignal(work.progressChanged, check_params_cb=lambda f, m: f > 0.05, timeout=60_000):
        window.import_paths([folder])
    assert window.status.isVisible() and window.status.cancel_button.isEnabled()
    with qtbot.waitSignal(work.cancelled, timeout=60_000):
        qtbot.mouseClick(window.status.cancel_button, Qt.MouseButton.LeftButton)
    project = window.project
    imported = project.store.article_count()
    analysed = len(project.store.analysis_state())
    assert imported > 0
    assert imported < total or analysed < total  # it stopped before the end
    qtbot.waitUntil(lambda: window.article_model.rowCount() == imported, timeout=30_000)
    qtbot.waitUntil(lambda: not window.status.isVisible(), timeout=30_000)
    path = project.path
    window.close()
    with Project(path, create=False) as reopened:
        assert reopened.store.article_count() == imported


def test_first_start_opens_the_sample_project_analysed_in_the_background(window, qtbot):
    window.start_up()
    qtbot.waitUntil(lambda: window.view_data is not None and not window.view_data.entities.empty, timeout=120_000)
    assert window.project.path.name == "Sample.newsprism"
    assert window.article_model.rowCount() == 2
    assert window.settings.last_project == str(window.project.path.resolve())


def test_a_damaged_project_gives_a_clear_error_and_keeps_the_open_one(open_window, qtbot, tmp_path):
    bad = tmp_path / "broken.newsprism"
    bad.write_bytes(b"this is not a database" * 100)
    before = open_window.project.path
    assert not open_window.open_project(bad)
    boxes = [w for w in open_window.findChildren(QMessageBox) if w.objectName() == "errorDialog"]
    assert boxes and "not a Newsprism project" in boxes[-1].text()
    assert boxes[-1].detailedText()  # details on demand
    assert open_window.project.path == before
    boxes[-1].close()


def test_layout_is_remembered_between_runs(qtbot, open_window):
    from core.settings import Settings
    from gui.main_window import MainWindow

    open_window.docks["chart"].hide()
    open_window.close()
    again = MainWindow(Settings())
    qtbot.addWidget(again)
    again.show()
    assert not again.docks["chart"].isVisible()
    assert again.docks["articles"].isVisible()
    again.reset_layout()
    assert again.docks["chart"].isVisible()
    again.close()


def test_self_test_runs_without_a_window(monkeypatch):
    from gui import app

    fake = types.ModuleType("core.selftest")
    fake.main = lambda: 3
    monkeypatch.setitem(sys.modules, "core.selftest", fake)
    monkeypatch.setattr("core.selftest", fake, raising=False)
    assert app.main(["--self-test"]) == 3


def test_export_to_excel_runs_in_the_background(open_window, qtbot, tmp_path):
    import openpyxl

    target = tmp_path / "out.xlsx"
    with qtbot.waitSignal(open_window.controller.exportFinished, timeout=120_000):
        open_window.controller.export_xlsx(target)
    assert "Articles" in openpyxl.load_workbook(target).sheetnames


def test_export_of_the_selected_articles_and_to_csv(open_window, qtbot, tmp_path):
    import pandas as pd

    window = open_window
    first = window.article_model.article_id(0)
    window.article_panel.select_ids([first])
    target = tmp_path / "one.xlsx"
    with qtbot.waitSignal(window.controller.exportFinished, timeout=120_000):
        window.controller.export_xlsx(target, window.article_panel.selected_ids())
    articles = pd.read_excel(target, sheet_name="Articles")
    assert len(articles) == 1 and window.project.store.article(first).title in articles.to_string()
    folder = tmp_path / "csv"
    folder.mkdir()
    with qtbot.waitSignal(window.controller.exportFinished, timeout=120_000):
        window.controller.export_csv(folder)
    assert any(p.suffix == ".csv" for p in folder.iterdir())
