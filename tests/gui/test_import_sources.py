"""Links, pasted text and unrecognised tables reach the project from the window; shared wire copy is marked."""

from __future__ import annotations

import csv
import functools
import http.server
import threading

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QApplication

from gui.dialogs.column_mapping_dialog import ColumnMappingDialog
from gui.models.article_table_model import SHARED_COPY_TIP
from tests.gui.helpers import drop_mime, row_of

PAGE = """<!doctype html><html lang="en"><head><title>Harbour strike ends after talks | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier">
<meta name="author" content="Mara Quinn">
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour strike ends after talks</h1>
<p>Dock workers in Portsmouth returned to work on Monday after a week-long strike over pay ended with an agreement
brokered by the mayor, Helen Carter, who met union leaders late on Sunday.</p>
<p>The union said the deal raised wages by six percent over two years and protected night-shift allowances,
which the port operator had proposed to cut in January.</p>
<p>Shipping companies said the backlog of containers would take at least ten days to clear, and several
supermarkets warned of gaps on their shelves until the end of the month.</p>
</article><footer>Related: <a href="/x">Ferry timetable</a></footer></body></html>"""

WIRE = ("(Reuters) - The central bank raised interest rates by half a point on Tuesday, citing persistent "
        "inflation in services and housing, officials in Frankfurt said. ") * 5


@pytest.fixture
def local_site(tmp_path):
    """A web page served on 127.0.0.1 (never the internet)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "strike.html").write_text(PAGE, encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _empty_project(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        assert window.open_project(tmp_path / "fresh.newsprism", create=True)


def test_dropping_a_browser_link_fetches_the_page_and_reports_it(window, qtbot, tmp_path, local_site):
    _empty_project(window, qtbot, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl(f"{local_site}/strike.html")])
    assert mime.hasFormat("text/uri-list")
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        assert drop_mime(window, mime)
    results = window.import_report.results
    assert [r.status.value for r in results] == ["imported"]
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 1, timeout=30_000)
    article = window.project.articles()[0]
    assert article.title == "Harbour strike ends after talks"
    assert "night-shift allowances" in article.text and "Ferry timetable" not in article.text


def test_a_dead_link_gets_a_clear_message_in_the_report(window, qtbot, tmp_path, local_site):
    _empty_project(window, qtbot, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl(f"{local_site}/missing.html")])
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        assert drop_mime(window, mime)
    failed = window.import_report.failed()
    assert len(failed) == 1 and "404" in failed[0].message
    assert window.article_model.rowCount() == 0


def test_pasting_plain_text_makes_an_article(window, qtbot, tmp_path):
    _empty_project(window, qtbot, tmp_path)
    QApplication.clipboard().setText("Floods close the valley road\nHeavy rain in Tyrol closed the B171 on Friday, "
                                     "the police in Innsbruck said.")
    window.article_panel.table.setFocus()
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        window.actions.paste.trigger()
    assert [r.status.value for r in window.import_report.results] == ["imported"]
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 1, timeout=30_000)
    assert window.article_model.index(0, 1).data() == "Floods close the valley road"


def test_dropped_plain_text_makes_an_article(window, qtbot, tmp_path):
    _empty_project(window, qtbot, tmp_path)
    mime = QMimeData()
    mime.setText("Library reopens\nThe city library in Ghent reopened on Monday after repairs.")
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        assert drop_mime(window, mime)
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 1, timeout=30_000)


def _unmapped_table(tmp_path):
    path = tmp_path / "wire.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        rows = csv.writer(f)
        rows.writerow(["Kopf", "Inhalt", "Zeitung", "Tag"])
        rows.writerow(["Bank raises rates", WIRE, "Daily Ledger", "2024-05-07"])
        rows.writerow(["Central bank lifts rates again", WIRE, "Morning Post", "2024-05-07"])
    return path


def test_a_table_with_unknown_columns_is_mapped_in_a_dialog_and_shared_copy_marked(window, qtbot, tmp_path):
    _empty_project(window, qtbot, tmp_path)
    table = _unmapped_table(tmp_path)
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        window.import_paths([table])
    assert len(window.import_report.failed()) == 1
    dialog = window.findChild(ColumnMappingDialog)
    assert dialog is not None and dialog.isVisible()
    combo = dialog.combos["text"]
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Kopf", "Inhalt", "Zeitung", "Tag"]
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()  # neither text nor title chosen yet
    for field, column in (("title", "Kopf"), ("text", "Inhalt"), ("outlet", "Zeitung"), ("date", "Tag")):
        dialog.choose(field, column)
    assert dialog.mapping() == {"title": "Kopf", "text": "Inhalt", "outlet": "Zeitung", "date": "Tag"}
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        dialog.accept()
    assert [r.status.value for r in window.import_report.results] == ["imported"]
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=30_000)
    assert {a.outlet for a in window.project.articles()} == {"Daily Ledger", "Morning Post"}
    assert {a.date for a in window.project.articles()} == {"2024-05-07"}

    proxy = window.article_panel.proxy
    title = proxy.index(row_of(proxy, 0, "Daily Ledger"), 1)
    assert SHARED_COPY_TIP.format("Morning Post") in title.data(Qt.ItemDataRole.ToolTipRole)
    assert title.data(Qt.ItemDataRole.DecorationRole) is not None


def test_cancelling_the_mapping_imports_nothing(window, qtbot, tmp_path):
    _empty_project(window, qtbot, tmp_path)
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        window.import_paths([_unmapped_table(tmp_path)])
    dialog = window.findChild(ColumnMappingDialog)
    dialog.reject()
    assert not window.controller.work.is_running()
    assert window.project.articles() == []


def test_a_project_not_yet_analysed_loads_without_problems(window, qtbot, tmp_path):
    """``Project.stories`` is an empty table before analysis: no 'incomplete views' message."""
    _empty_project(window, qtbot, tmp_path)
    assert window.view_data.problems == []
    assert window.story_panel.model.rowCount() == 0
