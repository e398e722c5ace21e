"""``newsprism`` as launched: a project file opens it, other files are imported into the open project.

The tests drive ``launch`` (everything ``main`` does before the event loop);
running ``QApplication.exec`` inside pytest stops later thread-pool work from
starting in the same process.
"""

from __future__ import annotations

from gui.app import launch


def test_a_project_file_on_the_command_line_is_opened(qtbot, seeds_file):
    window = launch([str(seeds_file)])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view_data is not None, timeout=60_000)
    assert window.isVisible()
    assert window.project.path == seeds_file and window.article_model.rowCount() == 2
    window.close()


def test_files_on_the_command_line_are_imported_into_the_sample_project(qtbot, tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text("Summit in Geneva\nThe envoy Maria Lopez met officials in Geneva on Monday.\n")
    window = launch([str(extra)])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 3, timeout=120_000)
    assert window.project.path.name == "Sample.newsprism"
    window.close()

