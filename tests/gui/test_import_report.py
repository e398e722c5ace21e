"""The import report panel: files that failed, and articles imported that could not be analysed."""

from __future__ import annotations

from core.model.import_result import ImportResult, Status
from gui.views.import_report_panel import ImportReportPanel


def test_articles_imported_but_not_analysed_are_listed_with_their_reason(qtbot):
    panel = ImportReportPanel()
    qtbot.addWidget(panel)
    panel.show_results([ImportResult("/news/a.txt", Status.IMPORTED, "1 article", ("a1",)),
                        ImportResult("/news/book.txt", Status.IMPORTED, "1 article", ("b1",))],
                       not_analysed=[("/news/book.txt", "it is too long to analyse (6,000,000 characters)")])
    model = panel.table.model()
    assert [model.index(0, c).data() for c in range(3)] == [
        "not analysed", "book.txt", "it is too long to analyse (6,000,000 characters)"]
    assert "1 article imported but not analysed" in panel.summary.text()
