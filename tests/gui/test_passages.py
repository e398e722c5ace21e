"""Shared passages side by side: tinted, and a click on one shows its counterpart in the other column.

The articles lie in folders named like outlets ("Alpha News"): that is what gives them their outlets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.gui.helpers import drop_paths

WIRE = "The foreign ministers met in Geneva on Monday to discuss the ceasefire and the exchange of prisoners."


def test_clicking_a_shared_sentence_shades_its_counterpart(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        window.open_project(tmp_path / "p.newsprism", create=True)
    folder = tmp_path / "Alpha News"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Talks in Geneva\n{WIRE}\nOfficials in Kyiv welcomed the talks on Tuesday.\n")
    other = tmp_path / "Beta Post"
    other.mkdir()
    (other / "b.txt").write_text(f"Geneva meeting\nSnow fell across the Alps overnight.\n{WIRE}\n")
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        drop_paths(window, [folder, other])
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=30_000)
    view = window.side_by_side
    window.article_panel.table.selectAll()  # the window may have compared the two already
    qtbot.waitUntil(lambda: len(view.columns) == 2 and all(c.status for c in view.columns), timeout=60_000)
    alpha, beta = sorted(view.columns, key=lambda c: c.article.outlet)
    assert alpha.article.outlet == "Alpha News" and "1 of 3 sentences shared" in alpha.header.text()

    offset = alpha.article.text.index(WIRE) + 5
    cursor = QTextCursor(alpha.browser.document())
    cursor.setPosition(alpha.position_of(offset))
    alpha.browser.ensureCursorVisible()
    point = alpha.browser.cursorRect(cursor).center()
    with qtbot.waitSignal(view.passageLinked, timeout=5_000) as linked:
        qtbot.mouseClick(alpha.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert linked.args[0] == alpha.article.id and linked.args[2] == 1
    start = beta.article.text.index(WIRE)
    assert beta.focus == (start, start + len(WIRE))
    assert beta.first_position(lambda f: "focus" in f.anchorNames()) is not None

    view.only_here.click()
    unique = alpha.article.text.index("Officials in Kyiv") + 3
    probe = QTextCursor(alpha.browser.document())
    probe.setPosition(alpha.position_of(unique))
    assert probe.charFormat().background().color().name() == "#fdeccf"


def test_scrolling_together_keeps_the_shared_passage_level(window, qtbot, tmp_path):
    """The shared paragraph is near the end of one article and near the start of the other."""
    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        window.open_project(tmp_path / "p.newsprism", create=True)
    apples = [f"Farmers in the valley picked {n} crates of apples before the frost on day {n}." for n in range(70)]
    music = [f"The orchestra rehearsed symphony number {n} in the old concert hall for {n} hours." for n in range(45)]
    for outlet, paragraphs in (("Alpha News", ["Harvest report", *apples[:34], WIRE, *apples[34:]]),
                               ("Beta Post", ["Concert season", *music[:4], WIRE, *music[4:]])):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "a.txt").write_text("\n".join(paragraphs) + "\n")
    with qtbot.waitSignal(window.controller.importFinished, timeout=120_000):
        drop_paths(window, [tmp_path / "Alpha News", tmp_path / "Beta Post"])
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=30_000)
    view = window.side_by_side
    window.article_panel.table.selectAll()
    qtbot.waitUntil(lambda: len(view.columns) == 2 and all(c.status for c in view.columns), timeout=60_000)
    alpha, beta = sorted(view.columns, key=lambda c: c.article.outlet)
    wire_y = {c: c.y_of(c.article.text.index(WIRE)) for c in (alpha, beta)}
    assert wire_y[alpha] > 3 * wire_y[beta]  # far apart: proportional scrolling would not line them up

    view.scroll_together.setChecked(True)
    alpha.browser.verticalScrollBar().setValue(round(wire_y[alpha]))  # the shared paragraph at the top
    beta_bar = beta.browser.verticalScrollBar()
    assert abs(beta_bar.value() - wire_y[beta]) <= 2
    alpha.browser.verticalScrollBar().setValue(0)
    assert beta_bar.value() == 0
