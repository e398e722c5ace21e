"""The main window: docks for the corpus, the texts and the chart; drop files anywhere."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMainWindow, QToolBar, QWidget

from core.paths import PROJECT_SUFFIX, resources_dir, user_data_dir
from core.settings import Settings
from gui.actions import attach_delete_to_article_table, build_actions, connect_commands
from gui.colors import qcolours
from gui.dialogs import name_dialogs
from gui.dialogs.about_dialog import show_about
from gui.dock_layout import arrange_docks, fill_docks, fit_to_screen, hide_stale_tab_bars
from gui.file_commands import importable
from gui.theme import apply_appearance
from gui.views.scope_bar import ScopeBar
from gui.views.task_status_widget import TaskStatusWidget

if TYPE_CHECKING:  # the window's shell paints before pandas, pyqtgraph and core's analysis are imported
    from core.jobs import ImportOutcome
    from core.project import Project
    from gui.edit_commands import EditCommands
    from gui.file_commands import FileCommands
    from gui.find_commands import FindCommands
    from core.view_state.view_data import ViewData

LAYOUT_VERSION = 2  # 2: the Concordance and Story comparison docks
#: The article table's title column stretches to fill the width.
TITLE_COLUMN = 1


def window_settings() -> QSettings:
    """Layout and view options, kept next to the user's settings (``NEWSPRISM_HOME``)."""
    return QSettings(str(user_data_dir() / "window.ini"), QSettings.Format.IniFormat)



#: The docks (key -> title), in the order of the View menu.
DOCKS = {
    "articles": "Articles", "stories": "Stories", "chart": "Entities by outlet", "timeline": "Timeline",
    "side_by_side": "Side by side", "entities": "Entities", "quotes": "Quotes and sources",
    "terms": "Distinctive language", "import_report": "Import report", "comparison": "Story comparison",
    "concordance": "Concordance",
}


class MainWindow(QMainWindow):
    """Everything the analyst sees; long work is delegated to :class:`ProjectController`.

    Built in two steps so that ``newsprism`` paints at once: the shell (menus,
    toolbar, docks saying "Loading…", the saved layout) needs only Qt;
    :meth:`build_views` then imports pandas, pyqtgraph and core's analysis
    (about 1 s), puts the views into the docks and creates the objects the
    menus and views call: ``files`` (File menu, paste), ``edits`` (entity,
    story, article and quote edits) and ``finder`` (find box, Concordance, F3).
    The window itself keeps the views in step with the project's data.
    """

    dataRefreshed = Signal()  # the views show the project's current data
    firstPainted = Signal()  # the window is on screen (once)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None, *,
                 views_later: bool = False):
        super().__init__(parent)
        self.settings = settings or Settings.load()
        self.qsettings = window_settings()
        self.setWindowTitle("Newsprism")
        icon = resources_dir() / "icons" / "newsprism.svg"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
                            | QMainWindow.DockOption.AllowNestedDocks)
        self.controller = None  # a ProjectController once the views are built
        self.files: FileCommands | None = None  # these three too
        self.edits: EditCommands | None = None
        self.finder: FindCommands | None = None
        self.file_open_handler = None  # gui.app's: files the system asks us to open (removed on close)
        self.undo_stack = QUndoStack(self)
        self.view_data: ViewData | None = None
        self.colours: dict = {}
        self._compare_on_load = True  # a project just opened shows its first two articles side by side
        self._user_sized_columns = False  # until then the article table's columns follow its content
        self._fitting_columns = False
        self._selection_to_restore: list[str] | None = None  # kept while reloaded data is shown step by step
        self._compared: tuple | None = None  # (data, story) the comparison page was asked for
        self._report_first_paint = os.environ.get("NEWSPRISM_REPORT_FIRST_PAINT") == "1"  # start-up timing
        self._painted = False
        self.scope_bar = ScopeBar()
        self.docks = arrange_docks(self, DOCKS)
        self.actions = build_actions(self)
        self._build_toolbar()
        self.status = TaskStatusWidget()
        self.statusBar().addPermanentWidget(self.status)
        self._default_state = self.saveState(LAYOUT_VERSION)
        self._restore_layout()
        self.actions.appearance.get(str(self.qsettings.value("appearance", "system")),
                                    self.actions.appearance["system"]).setChecked(True)
        if not views_later:
            self.build_views()

    # -- construction ------------------------------------------------------------
    @property
    def views_built(self) -> bool:
        return self.controller is not None

    def build_views(self) -> None:
        """Import the heavy modules, create the views in the docks and the project's controller (once)."""
        if self.views_built:
            return
        from gui.gui_thread_gc import collect_on_gui_thread
        from core.view_state.chart_state import ChartState
        from gui.project_controller import ProjectController

        collect_on_gui_thread()  # never in a worker: see gui_thread_gc
        self.controller = ProjectController(self.settings, self)
        self.chart_state = ChartState(
            metric=str(self.qsettings.value("chart/metric", "mentions")),
            types=self.settings.entity_types,
            top_n=int(self.qsettings.value("chart/top_n", 15)),
            layout=str(self.qsettings.value("chart/layout", "auto")),
        )
        self._build_views()
        self._build_commands()
        for runner in self.controller.runners():
            self.status.watch(runner)
        self._connect()

    def _build_views(self) -> None:
        from gui.models.article_table_model import ArticleTableModel
        from gui.plots.timeline_chart import TimelineChart
        from gui.story_scope import StoryScope
        from gui.views.article_panel import ArticlePanel
        from gui.views.concordance_panel import ConcordancePanel
        from gui.views.entity_chart_panel import EntityChartPanel
        from gui.views.entity_list_panel import EntityListPanel
        from gui.views.import_report_panel import ImportReportPanel
        from gui.views.quotes_panel import QuotesPanel
        from gui.views.side_by_side_view import SideBySideView
        from gui.views.story_comparison_panel import StoryComparisonPanel
        from gui.views.story_panel import StoryPanel
        from gui.views.terms_panel import TermsPanel

        self.article_model = ArticleTableModel(self)
        self.article_model.editor = self._edit_article
        self.article_panel = ArticlePanel(self.article_model)
        self.side_by_side = SideBySideView()
        self.side_by_side.set_selected_entity(self.chart_state.selected_entity)
        self.chart_panel = EntityChartPanel(self.chart_state)
        self.entity_panel = EntityListPanel()
        self.story_panel = StoryPanel()
        self.quotes_panel = QuotesPanel()
        self.terms_panel = TermsPanel()
        self.timeline = TimelineChart()
        self.import_report = ImportReportPanel()
        self.comparison_panel = StoryComparisonPanel()
        self.scope = StoryScope(self)
        self.concordance = ConcordancePanel()
        fill_docks(self.docks, {
            "articles": self.article_panel, "stories": self.story_panel, "chart": self.chart_panel,
            "timeline": self.timeline, "side_by_side": self.side_by_side, "entities": self.entity_panel,
            "quotes": self.quotes_panel, "terms": self.terms_panel, "import_report": self.import_report,
            "comparison": self.comparison_panel, "concordance": self.concordance,
        })

    def _build_commands(self) -> None:
        from gui.edit_commands import EditCommands
        from gui.file_commands import FileCommands
        from gui.find_commands import FindCommands

        status = self.statusBar()
        self.files = FileCommands(self, self.controller, self.settings, self.article_panel, status, self.open_project,
                                  self.import_paths)
        self.edits = EditCommands(self, self.controller, self.undo_stack, self.article_panel, self.quotes_panel,
                                  status)
        self.finder = FindCommands(self.controller, self.find_box, self.concordance, self.docks["concordance"],
                                   self.article_panel, self.side_by_side, status, self.show_quote)
        connect_commands(self.actions, self.files, self.edits, self.finder)
        attach_delete_to_article_table(self.article_panel, self.actions.delete_articles)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Main")
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        for action in (self.actions.import_files, self.actions.export_xlsx):
            bar.addAction(action)
        bar.addSeparator()
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText("Find in texts (Ctrl+F)")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.setMaximumWidth(320)  # what typing in it does: gui.find_commands, once the views exist
        bar.addWidget(self.find_box)
        self.addToolBar(bar)
        self.addToolBarBreak()
        scope = QToolBar("Scope")
        scope.setObjectName("scopeToolBar")
        scope.setMovable(False)
        scope.addWidget(self.scope_bar)
        self.addToolBar(scope)

    def _connect(self) -> None:
        self.article_panel.table.horizontalHeader().sectionResized.connect(self._on_article_column_resized)
        c = self.controller
        c.projectChanged.connect(self._on_project_changed)
        c.dataLoaded.connect(self._on_data)
        c.importFinished.connect(self._on_imported)
        c.importCancelled.connect(lambda: self.statusBar().showMessage(
            "Import cancelled: the articles imported so far are kept.", 8000))
        c.exportFinished.connect(lambda path: self.statusBar().showMessage(f"Exported to {path}", 8000))
        c.passagesCompared.connect(self._on_passages)
        c.termsLoaded.connect(self.terms_panel.set_frame)
        c.quotesLoaded.connect(self.scope.set_quotes)
        c.failed.connect(self._on_failed)
        self.article_panel.selectionChanged.connect(self._show_articles)
        self.article_model.editRejected.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.chart_panel.entityClicked.connect(self.select_entity)
        self.side_by_side.entityActivated.connect(self.select_entity)
        self.entity_panel.entitySelected.connect(self.select_entity)
        self.entity_panel.selectionChanged.connect(self._on_entities_selected)
        edits = self.edits
        self.entity_panel.mergeRequested.connect(edits.ask_merge_entities)
        self.entity_panel.renameRequested.connect(
            lambda name: name_dialogs.ask_rename(self, name, lambda new: edits.rename_entity(name, new)))
        self.entity_panel.splitRequested.connect(edits.ask_split_entity)
        self.entity_panel.entityDropped.connect(lambda names, onto: edits.merge_entities([onto, *names], onto))
        self.story_panel.storyChosen.connect(self.show_story)
        self.article_panel.selectionChanged.connect(self.scope.follow_articles)
        self.scope.changed.connect(self._on_scope)
        self.scope_bar.wholeProjectRequested.connect(self.show_whole_project)
        self.scope_bar.compareRequested.connect(self.show_comparison)
        self.comparison_panel.exportRequested.connect(self.ask_export_comparison)
        c.storyCompared.connect(self._on_story_compared)
        self.story_panel.renameRequested.connect(lambda story_id, name: name_dialogs.ask_story_name(
            self, name, lambda new: edits.rename_story(story_id, name, new)))
        self.story_panel.mergeRequested.connect(edits.merge_stories)
        self.story_panel.moveRequested.connect(edits.move_selected_articles)
        self.story_panel.splitRequested.connect(edits.ask_split_story)
        self.story_panel.tightnessChosen.connect(self.controller.regroup_stories)
        c.storiesRegrouped.connect(lambda n: self.statusBar().showMessage(
            f"Regrouped: {n} stor{'y' if n == 1 else 'ies'}. Your moves, merges and splits are kept.", 8000))
        self.quotes_panel.quoteChosen.connect(self.show_quote)
        self.quotes_panel.speakerCorrectionRequested.connect(edits.ask_correct_speaker)
        self.terms_panel.termChosen.connect(self.finder.find_in_texts)
        self.chart_state.watch(self._on_chart_state)

    # -- projects ------------------------------------------------------------------
    def start_up(self, project: str | None = None, files: list[str] | None = None) -> None:
        """What ``newsprism [PROJECT | FILE...]`` opens: that project, else the last one, else the sample."""
        last = self.settings.last_project
        opened = False
        if project:
            opened = self.open_project(project)
        elif last and Path(last).exists():
            opened = self.open_project(last, quiet=True)
        if not opened:
            self.controller.open_sample()
        if files:
            self.import_paths(files)

    def open_project(self, path: str | Path, *, create: bool = False, quiet: bool = False) -> bool:
        from core.project import ProjectError
        from gui.dialogs.error_dialog import show_exception

        try:
            self.controller.open(path, create=create)
        except ProjectError as exc:
            if not quiet:
                show_exception(self, "Cannot open the project", exc, "opening the project")
            return False
        return True

    def import_paths(self, paths: list[str | Path]) -> None:
        """Import files and folders; a dropped project file is opened instead."""
        projects = [p for p in paths if str(p).endswith(PROJECT_SUFFIX)]
        if projects:
            self.open_project(projects[0])
        rest = [p for p in paths if not str(p).endswith(PROJECT_SUFFIX)]
        if rest:
            self.controller.import_paths(rest)

    @property
    def project(self) -> Project | None:
        return self.controller.project if self.controller is not None else None

    # -- views -----------------------------------------------------------------------
    def select_entity(self, entity: str | None) -> None:
        """Follow an entity: mark it in the chart and in the texts, opening texts that name it."""
        from core.analysis.entity_articles import (
            articles_naming,
            one_article_per_outlet,
        )
        from gui.views.side_by_side_view import MAX_COLUMNS

        self.chart_state.selected_entity = entity
        if not entity or self.view_data is None:
            return
        shown = set(self.side_by_side.shown_ids())
        counts = self.scope.tables.counts if self.scope.tables is not None else self.view_data.counts
        naming = articles_naming(counts.of_entities([entity]), entity)
        if not shown & set(naming["article_id"]):
            self.article_panel.select_ids(one_article_per_outlet(naming, MAX_COLUMNS))

    def show_story(self, story_id: int) -> None:
        """A story's articles side by side, and every view scoped to it."""
        if self.view_data is not None and not self.view_data.story_of.empty:
            story_of = self.view_data.story_of
            self.scope.set_story(story_id)
            self.article_panel.select_ids(list(story_of[story_of == story_id].index))

    def show_whole_project(self) -> None:
        """Every view back to the whole project."""
        self.story_panel.table.clearSelection()
        self.scope.set_story(None)

    def show_comparison(self) -> None:
        self.docks["comparison"].show()
        self.docks["comparison"].raise_()

    def ask_export_comparison(self, story_id: int) -> None:
        target, _ = QFileDialog.getSaveFileName(self, "Export the story comparison", "story-comparison.xlsx",
                                                "Excel workbook (*.xlsx);;CSV table (*.csv)")
        if target:
            self.controller.export_story_comparison(story_id, target)

    def _on_scope(self, tables) -> None:
        """Draw every view from the scope's tables (a story, or the whole project)."""
        data = self.view_data
        if data is None:
            return
        self.scope_bar.set_scope(tables.label, tables.story_id is not None)
        story = tables.label if tables.story_id is not None else ""  # chart titles and exports name the story
        self.chart_panel.set_scope(story)
        self.timeline.set_scope(story)
        self.chart_panel.set_data(tables.entities, tables.outlets, self.colours)
        self.entity_panel.set_entities(tables.entity_rows)
        self.quotes_panel.set_data(tables.quotes, tables.sources)
        self._draw_timeline()
        if tables.story_id != self.controller.scope_story:
            self.terms_panel.clear()
            self.controller.load_terms(tables.story_id)
        compared = (id(data), tables.story_id)  # new data or another story: compare again
        if compared != self._compared:
            self._compared = compared
            if tables.story_id is None:
                self.comparison_panel.clear()
            else:
                self.comparison_panel.clear(f"Comparing the outlets of {tables.label.removeprefix('Story: ')}…")
                self.controller.compare_story(tables.story_id)

    def _on_story_compared(self, story_id: int, table) -> None:
        from core.analysis.story_comparison import COLUMNS as COMPARISON_NOTES

        if table is not None and self.scope.story_id == story_id and self.view_data is not None:
            names = self.view_data.stories.set_index("id")["name"] if not self.view_data.stories.empty else {}
            self.comparison_panel.show_comparison(story_id, str(names.get(story_id, story_id)), table,
                                                  COMPARISON_NOTES, self.colours)

    def show_quote(self, article_id: str, start: int, end: int) -> None:
        """Open the quote's article (beside those shown) and shade the quote."""
        if article_id not in self.side_by_side.shown_ids():
            self.article_panel.select_ids([article_id])
        self.side_by_side.focus_span(article_id, start, end)

    def show_about(self) -> None:
        show_about(self)

    def set_appearance(self, mode: str) -> None:
        self.qsettings.setValue("appearance", mode)
        apply_appearance(mode)

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, LAYOUT_VERSION)
        for dock in self.docks.values():
            dock.show()
        QTimer.singleShot(0, lambda: hide_stale_tab_bars(self))

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._report_first_paint:  # packaging measures the start-up time to the first painted window
            self._report_first_paint = False
            print(f"first-paint {time.time()}", file=sys.stderr, flush=True)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files is not None and importable(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if self.files is not None and importable(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.files is not None and importable(event.mimeData()):
            event.acceptProposedAction()
            self.files.import_mime(event.mimeData())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: hide_stale_tab_bars(self))

    def _on_project_changed(self, project: Project) -> None:
        self.undo_stack.clear()
        self.view_data = None
        self._compare_on_load = True
        self.setWindowTitle(f"{project.path.stem}{' (read-only)' if project.read_only else ''} — Newsprism")
        self.setWindowFilePath(str(project.path))
        self.find_box.clear()
        self._user_sized_columns = False
        self._selection_to_restore = None
        self.quotes_panel.clear()  # the new project's quotes follow its data

    def _on_data(self, data: ViewData) -> None:
        """Show newly loaded data one view at a time, the event loop running in between.

        At 10,000 articles filling every view at once froze the window for
        0.65 s; each step alone is a fraction of that.
        """
        if self._selection_to_restore is None:  # else an earlier reload was cut short: its selection stands
            self._selection_to_restore = self.article_panel.selected_ids()
        from gui.views.article_panel import FITTED_COLUMNS

        selected = self._selection_to_restore
        self.view_data = data
        self.colours = qcolours(data.colours)
        self._apply_steps(data, [
            self._fill_article_table,
            *[lambda column=column: self._fit_article_columns([column]) for column in FITTED_COLUMNS],
            self._fill_lists,
            lambda: self.scope.set_data(data),
            lambda: self._reselect(selected),
            lambda: self._data_shown(data),
        ])

    def _apply_steps(self, data: ViewData, steps: list) -> None:
        if self.view_data is not data:
            return  # newer data arrived: its own steps show it
        first, *rest = steps
        first()
        if rest:
            QTimer.singleShot(0, self, lambda: self._apply_steps(data, rest))

    def _reselect(self, selected: list[str]) -> None:
        """Keep the user's selection; a project just opened shows its first two articles side by side."""
        if selected or self.article_model.rowCount() >= 2:
            if not selected and self._compare_on_load:
                selected = self.article_panel.first_ids(2)
            self._compare_on_load = False
        with QSignalBlocker(self.article_panel):  # shown once below, with the new data, changed or not
            self.article_panel.select_ids(selected)
        self._selection_to_restore = None
        self._show_articles(self.article_panel.selected_ids())

    def _data_shown(self, data: ViewData) -> None:
        if data.problems:
            self.statusBar().showMessage("Some views are incomplete: " + "; ".join(data.problems), 15000)
        elif self.statusBar().currentMessage().startswith("Some views are incomplete"):
            self.statusBar().clearMessage()
        self.controller.after_shown(data)
        self.dataRefreshed.emit()

    def _fill_tables(self) -> None:
        self._fill_article_table()
        self._fit_article_columns()
        self._fill_lists()
        self.scope.recount()

    def _fill_article_table(self) -> None:
        data = self.view_data
        if data is None:
            return
        if set(data.types) != set(self.chart_state.types):  # the types changed since the data was loaded
            data.count(self.chart_state.types)
        self.article_model.set_records(data.article_records)

    def _fit_article_columns(self, columns=None) -> None:
        """Fit the columns to the content (stories appear after analysis) until the user sizes one."""
        from gui.views.article_panel import FITTED_COLUMNS

        if not self._user_sized_columns and self.article_model.rowCount():
            self._fitting_columns = True
            try:
                for column in FITTED_COLUMNS if columns is None else columns:
                    self.article_panel.fit_column(column)
            finally:
                self._fitting_columns = False

    def _on_article_column_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting_columns and column != TITLE_COLUMN:  # the title stretches with the window
            self._user_sized_columns = True

    def _fill_lists(self) -> None:
        """The Stories view (the scope draws the entity list, quotes and charts)."""
        data = self.view_data
        if data is None:
            return
        self.story_panel.set_frame(data.stories)
        self.story_panel.set_tightness(data.story_tightness)

    def timeline_entities(self) -> list[str]:
        """Several entities selected in the Entities view, else the followed entity."""
        chosen = self.entity_panel.selected_entities()
        if len(chosen) >= 2:
            return chosen
        return [self.chart_state.selected_entity] if self.chart_state.selected_entity else []

    def _on_entities_selected(self, names: list[str]) -> None:
        if len(names) >= 2:  # one entity is followed through select_entity
            self._draw_timeline()

    def _draw_timeline(self) -> None:
        from core.analysis.timeline import mentions_per_day

        tables = self.scope.tables
        if self.view_data is None or tables is None:
            return
        entities = self.timeline_entities()
        table = mentions_per_day(tables.entity_counts(entities), tables.articles, entities)
        self.timeline.set_data(table, self.colours, entities, tables.undated)

    def _show_articles(self, ids: list[str]) -> None:
        from gui.project_controller import shown_mentions
        from gui.views.article_html import Mention
        from gui.views.side_by_side_view import MAX_COLUMNS

        if self.project is None or self.view_data is None:
            return
        ids = ids[:MAX_COLUMNS]
        by_id = {a.id: a for a in self.project.articles(ids)}
        articles = [by_id[i] for i in ids if i in by_id]
        mentions: dict[str, list[Mention]] = {i: [] for i in ids}
        part = shown_mentions(self.project, self.view_data, ids)
        for row in part.itertuples(index=False):
            mentions[row.article_id].append(Mention(row.start, row.end, row.label, row.entity))
        self.side_by_side.show_articles(articles, mentions, self.colours)
        if len(articles) >= 2:
            self.controller.compare([a.id for a in articles])
        self.finder.mark_hits()

    def _on_passages(self, result) -> None:
        ids, sentences, alignment, status = result
        if ids == self.side_by_side.shown_ids():
            self.side_by_side.set_passages(sentences, alignment, status)

    def _on_chart_state(self, name: str, value) -> None:
        if name == "selected_entity":
            self.side_by_side.set_selected_entity(value)
            self._draw_timeline()
        elif name == "types":
            self.settings.entity_types = list(value)
            self.controller.types = tuple(value)
            self._fill_tables()
        elif name in ("metric", "top_n", "layout"):
            self.qsettings.setValue(f"chart/{name}", value)

    def _edit_article(self, article_id: str, field: str, value) -> None:
        from gui.commands import EditArticleCommand

        title = self.project.article(article_id).title
        self.edits.push_edit(EditArticleCommand(self.project, self.controller.edits, article_id, title, field, value,
                                                self._on_article_changed))

    def _on_article_changed(self, article) -> None:
        self.article_model.apply_article(article)
        self.controller.refresh()

    def _on_imported(self, outcome: ImportOutcome) -> None:
        self.import_report.show_results(outcome.results, cancelled=outcome.analysis_cancelled,
                                        not_analysed=outcome.not_analysed)
        self.docks["import_report"].show()
        self.docks["import_report"].raise_()
        new = sum(len(r.article_ids) for r in outcome.results)
        failed = len(self.import_report.failed())
        message = f"Imported {new} new article{'s' if new != 1 else ''}"
        if failed:
            message += f"; {failed} file{'s' if failed != 1 else ''} could not be imported (see the import report)"
        if outcome.not_analysed:
            message += f"; {len(outcome.not_analysed)} could not be analysed (see the import report)"
        self.statusBar().showMessage(message, 10000)
        for path, columns in outcome.unmapped:
            self.files.ask_column_mapping(path, columns)

    def _on_failed(self, doing: str, failure) -> None:
        from gui.dialogs.error_dialog import show_exception

        show_exception(self, "Newsprism", failure.exception, doing, failure.details)

    # -- layout and closing ----------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1500, 950)
        state = self.qsettings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state, LAYOUT_VERSION)
        fit_to_screen(self)

    def save_layout(self) -> None:
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        self.qsettings.setValue("window/state", self.saveState(LAYOUT_VERSION))
        self.qsettings.sync()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            QTimer.singleShot(0, self._restyle)  # once every child has its new palette
        super().changeEvent(event)

    def _restyle(self) -> None:
        self.chart_panel.chart.apply_palette()
        self.timeline.apply_palette()
        self.side_by_side.restyle()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if self.controller is not None:
            self.controller.close()
        self.settings.save()
        if self.file_open_handler is not None:  # no Python call on every event once the window is gone
            QApplication.instance().removeEventFilter(self.file_open_handler)
        super().closeEvent(event)
