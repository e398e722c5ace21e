"""A read-only project in the window: everything shows, every edit says why it cannot be made."""

from __future__ import annotations

import stat

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def read_only_file(seeds_file):
    seeds_file.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield seeds_file
    seeds_file.chmod(0o644)


def _error_boxes(window) -> list[QMessageBox]:
    return [w for w in window.findChildren(QMessageBox) if w.objectName() == "errorDialog"]


def test_a_read_only_project_shows_everything_and_each_edit_says_why_not(window, read_only_file, qtbot):
    before = read_only_file.read_bytes()
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        assert window.open_project(read_only_file)
    assert "(read-only)" in window.windowTitle()
    assert window.article_model.rowCount() == 2
    assert len(window.chart_panel.chart.bars) == 2

    window.edits.rename_story(1, "Old name", "New name")
    [box] = _error_boxes(window)
    assert "read-only" in box.text()
    assert window.undo_stack.count() == 0
    box.close()
    article_id = window.project.articles()[0].id
    window._edit_article(article_id, "title", "Edited title")
    assert "read-only" in _error_boxes(window)[-1].text()
    assert window.project.article(article_id).title != "Edited title"
    assert read_only_file.read_bytes() == before
