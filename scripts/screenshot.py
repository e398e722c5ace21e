"""Screenshots of the real window on the sample project, for the README and docs/.

Run under a virtual screen:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot.py

At 200 % scaling (``QT_SCALE_FACTOR``; a screen twice as large, so the
window has the logical 1280 x 800 of a laptop), only the window, on the
sample and on a story of seven outlets:

    xvfb-run -a -s "-screen 0 2560x1600x24" .venv/bin/python scripts/screenshot.py --scale 2

It uses a temporary user folder (the sample project is built fresh and your
own settings are untouched), waits for the analysis, then saves the whole
window and each view to ``docs/screenshots/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def wait_until(app, condition, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.02)


def settle(app, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", default="1600x1000", help="the window's size (at --scale, the whole screen)")
    parser.add_argument("--scale", type=float, default=1.0, help="Qt's scale factor (2: 200 %%); only the window")
    args = parser.parse_args()
    os.environ["NEWSPRISM_HOME"] = tempfile.mkdtemp(prefix="newsprism-shots-")
    if args.scale != 1:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    args.out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in args.size.split("x"))

    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from core.settings import Settings
    from gui.main_window import MainWindow
    from gui.theme import apply_appearance

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    pg.setConfigOptions(antialias=True)
    window = MainWindow(Settings())
    if args.scale != 1:  # the whole screen, as a maximised window on a laptop
        width, height = window.screen().availableGeometry().width(), window.screen().availableGeometry().height()
    window.resize(width, height)
    window.show()
    window.start_up()
    wait_until(app, lambda: window.view_data is not None and not window.view_data.entities.empty
               and not window.controller.work.is_running())
    wait_until(app, lambda: len(window.side_by_side.shown_ids()) == 2)  # a first start compares at once
    window.select_entity("Kim Jong Un")
    settle(app, 1.0)

    def save(widget, name: str) -> None:
        path = args.out / name
        widget.grab().save(str(path))
        print(path)

    if args.scale != 1:
        return shoot_scaled(app, window, save, f"{width}x{height}-{round(args.scale * 100)}pct")
    save(window, "main-window.png")
    save(window.docks["side_by_side"], "side-by-side.png")
    save(window.docks["chart"], "entity-chart.png")
    save(window.docks["articles"], "articles.png")
    save(window.docks["entities"], "entities.png")

    window.chart_state.metric = "per_1000_words"
    settle(app)
    save(window.docks["chart"], "entity-chart-per-1000-words.png")
    window.chart_state.metric = "mentions"

    for key, name in (("stories", "stories.png"), ("quotes", "quotes.png"), ("terms", "distinctive-language.png")):
        window.docks[key].raise_()
        settle(app)
        save(window.docks[key], name)

    wire = window.view_data.quotes
    if not wire.empty:  # a quote clicked: shaded in its article
        window.docks["quotes"].raise_()
        window.quotes_panel.table.selectRow(0)
        settle(app, 0.6)
        save(window.docks["side_by_side"], "side-by-side-quote.png")

    window.finder.focus_find()  # the concordance: every use of a name with its context, one hit opened in its text
    window.find_box.setText("Kim Jong Un")
    window.find_box.returnPressed.emit()
    wait_until(app, lambda: window.concordance.hit_count() > 0)
    for _ in range(3):
        window.finder.find_next()
    settle(app, 0.8)
    save(window.docks["concordance"], "concordance.png")
    save(window, "concordance-window.png")
    window.find_box.clear()
    wait_until(app, lambda: window.concordance.hit_count() == 0)
    window.docks["entities"].raise_()

    model = window.article_model
    for row, day in enumerate(("2023-09-05", "2024-06-19")):
        model.setData(model.index(row, 2), day)
    wait_until(app, lambda: not window.controller.data.is_running())
    window.select_entity("Kim Jong Un")
    window.docks["timeline"].raise_()
    settle(app, 0.8)
    save(window.docks["timeline"], "timeline.png")
    window.entity_panel.select_entities(["Russia", "Kim Jong Un", "Vladimir Putin"])  # several: compared there
    settle(app, 0.8)
    save(window.docks["timeline"], "timeline-several-entities.png")
    window.entity_panel.select_entities([])
    window.undo_stack.undo()
    window.undo_stack.undo()
    window.docks["chart"].raise_()
    wait_until(app, lambda: not window.controller.data.is_running())

    bad = Path(tempfile.mkdtemp(prefix="newsprism-bad-"))
    (bad / "empty.txt").write_bytes(b"")
    (bad / "scan.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "notes.docx").write_bytes(b"not really a Word file")
    window.import_paths([bad, REPO / "seeds" / sorted(os.listdir(REPO / "seeds"))[0]])
    wait_until(app, lambda: window.import_report.results and not window.controller.work.is_running())
    settle(app, 0.5)
    save(window.docks["import_report"], "import-report.png")

    table = bad / "articles-export.csv"  # columns Newsprism does not recognise: the mapping dialog
    table.write_text("Kopf,Inhalt,Zeitung,Tag\nRates rise,The central bank raised rates.,Daily Ledger,2024-05-07\n",
                     encoding="utf-8")
    window.import_paths([table])
    from gui.dialogs.column_mapping_dialog import ColumnMappingDialog

    wait_until(app, lambda: window.findChild(ColumnMappingDialog) is not None)
    dialog = window.findChild(ColumnMappingDialog)
    for field, column in (("title", "Kopf"), ("text", "Inhalt"), ("outlet", "Zeitung")):
        dialog.choose(field, column)
    settle(app, 0.5)
    save(dialog, "column-mapping.png")
    dialog.reject()

    window.docks["entities"].raise_()
    window.docks["articles"].raise_()
    window.statusBar().clearMessage()
    apply_appearance("dark")
    settle(app, 1.0)
    save(window, "main-window-dark.png")
    apply_appearance("system")
    shoot_seven_outlets(app, window, save)
    window.close()
    return 0


def open_seven_outlets(app, window) -> None:
    """A new project of the seven-outlet test corpus (tests/data/seven_outlets), imported and shown."""
    corpus = REPO / "tests" / "data" / "seven_outlets"
    window.files.new_project()
    window.import_paths(sorted(p for p in corpus.iterdir() if p.is_dir()))
    wait_until(app, lambda: window.view_data is not None and len(window.view_data.outlets) == 7
               and not window.view_data.entities.empty and not window.controller.work.is_running()
               and not window.controller.data.is_running())


def shoot_seven_outlets(app, window, save) -> None:
    """A new project of seven outlets (tests/data/seven_outlets): the chart as a heatmap, and the timeline."""
    open_seven_outlets(app, window)
    window.select_entity("Jonas Weller")
    window.docks["chart"].raise_()
    settle(app, 1.0)
    save(window.docks["chart"], "entity-chart-seven-outlets.png")
    window.docks["timeline"].raise_()
    settle(app, 0.8)
    save(window.docks["timeline"], "timeline-seven-outlets.png")
    shoot_story_scope(app, window, save)


def shoot_story_scope(app, window, save) -> None:
    """The story most outlets covered, chosen in Stories: every view scoped, and the story comparison page;
    then the window on a 1280 x 800 screen."""
    stories = window.view_data.stories.sort_values(["articles", "id"], ascending=[False, True])
    story = int(stories["id"].iloc[0])
    window.docks["stories"].raise_()
    window.story_panel.select_stories([story])
    wait_until(app, lambda: window.comparison_panel.story_id == story and window.comparison_panel.table.rowCount())
    window.show_comparison()
    window.docks["chart"].raise_()
    settle(app, 1.0)
    save(window.docks["comparison"], "story-comparison.png")
    save(window, "story-scope-window.png")
    window.resize(1280, 800)
    settle(app, 1.0)
    save(window, "main-window-1280x800.png")


def shoot_scaled(app, window, save, suffix: str) -> int:
    """The window at a scale factor: on the sample, then on the story most of seven outlets covered."""
    save(window, f"main-window-{suffix}.png")
    size = window.size()
    open_seven_outlets(app, window)
    stories = window.view_data.stories.sort_values(["articles", "id"], ascending=[False, True])
    story = int(stories["id"].iloc[0])
    window.docks["stories"].raise_()
    window.story_panel.table.clearSelection()  # chosen anew, even if its row was selected
    wait_until(app, lambda: window.story_panel.proxy.rowCount() == len(stories))  # the views show the data
    settle(app, 1.0)
    window.story_panel.select_stories([story])
    wait_until(app, lambda: window.comparison_panel.story_id == story and window.comparison_panel.table.rowCount())
    window.show_comparison()
    window.docks["chart"].raise_()
    window.docks["entities"].raise_()
    window.resize(size)
    settle(app, 1.0)
    save(window, f"story-scope-window-{suffix}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
