"""The window's menus, actions and keyboard shortcuts, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.theme import APPEARANCES

if TYPE_CHECKING:
    from gui.edit_commands import EditCommands
    from gui.file_commands import FileCommands
    from gui.find_commands import FindCommands
    from gui.main_window import MainWindow
    from gui.views.article_panel import ArticlePanel


@dataclass
class Actions:
    new: QAction
    open: QAction
    save_as: QAction
    import_files: QAction
    import_folder: QAction
    export_xlsx: QAction
    export_selected: QAction
    export_csv: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    paste: QAction
    delete_articles: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    reset_layout: QAction
    about: QAction
    recent_menu: QMenu
    appearance: dict[str, QAction]


def _action(window: MainWindow, text: str, slot=None, shortcut=None, tip: str = "") -> QAction:
    """An action; without ``slot`` it is disabled until :func:`connect_commands` gives it its command."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if slot is None:
        action.setEnabled(False)
    else:
        action.triggered.connect(lambda *_: slot())
    return action


def attach_delete_to_article_table(article_panel: ArticlePanel, delete: QAction) -> None:
    """The Delete key deletes articles only where they are selected (the article table has the focus);
    the action is also in the table's right-click menu, and enabled while articles are selected."""
    table = article_panel.table
    delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    table.addAction(delete)
    article_panel.row_actions.append(delete)

    def update(*_) -> None:  # the table's own signals: the window's reloads block the panel's
        delete.setEnabled(table.selectionModel().hasSelection())

    for signal in (table.selectionModel().selectionChanged, table.model().modelReset, table.model().layoutChanged):
        signal.connect(update)
    update()


def build_actions(window: MainWindow) -> Actions:
    """Create the actions and the menu bar for the window's shell.

    The window's own actions (Quit, Undo, Reset Layout, About, Appearance)
    work at once; the file, edit and find commands are connected, and
    enabled, once the views exist (:func:`connect_commands`).
    """
    keys = QKeySequence.StandardKey
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence(keys.Undo))
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    # Ctrl+Y and Ctrl+Shift+Z everywhere, each once (twice in one action, a key is ambiguous and does nothing)
    redo_keys = [QKeySequence(keys.Redo), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    redo.setShortcuts(list({key.toString(): key for key in redo_keys}.values()))
    actions = Actions(
        new=_action(window, "&New Project", None, keys.New, "Start an empty project"),
        open=_action(window, "&Open Project…", None, keys.Open, "Open a .newsprism project"),
        save_as=_action(window, "Save Project &As…", None, keys.SaveAs, "Save a copy and work on it"),
        import_files=_action(window, "&Import Files…", None, "Ctrl+I",
                             "Add articles from files (you can also drop files on the window)"),
        import_folder=_action(window, "Import &Folder…", None, "Ctrl+Shift+I",
                              "Add every article in a folder and its subfolders"),
        export_xlsx=_action(window, "&Export to Excel…", None, "Ctrl+E",
                            "Save articles, entity mentions and the outlet comparison as a workbook"),
        export_selected=_action(window, "Export &Selected Articles to Excel…", None, "Ctrl+Shift+E",
                                "A workbook of the articles selected in the table"),
        export_csv=_action(window, "Export to &CSV…", None, None,
                           "One UTF-8 CSV file per table, for R, Python or a database"),
        quit=_action(window, "&Quit", window.close, keys.Quit),
        undo=undo,
        redo=redo,
        paste=_action(window, "&Paste Articles", None, keys.Paste,
                      "Import the copied text, links (fetched) or files"),
        delete_articles=_action(window, "&Delete Articles", None, keys.Delete,
                                "Remove the selected articles from the project (Ctrl+Z brings them back)"),
        find=_action(window, "&Find in Texts…", None, keys.Find,
                     "Find a word or phrase in all articles: every use is listed in the Concordance"),
        find_next=_action(window, "Find &Next", None, "F3", "Go to the next hit in its article"),
        find_previous=_action(window, "Find Pre&vious", None, "Shift+F3",
                              "Go to the previous hit in its article"),
        reset_layout=_action(window, "&Reset Layout", window.reset_layout, None, "Put every panel back in its place"),
        about=_action(window, "&About Newsprism", window.show_about),
        recent_menu=QMenu("Open &Recent", window),
        appearance={},
    )

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for item in (actions.new, actions.open, actions.recent_menu, None, actions.save_as, None,
                 actions.import_files, actions.import_folder, None, actions.export_xlsx, actions.export_selected,
                 actions.export_csv, None, actions.quit):
        if item is None:
            file_menu.addSeparator()
        elif isinstance(item, QMenu):
            file_menu.addMenu(item)
        else:
            file_menu.addAction(item)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addAction(actions.paste)
    edit_menu.addAction(actions.delete_articles)
    edit_menu.addActions([actions.find, actions.find_next, actions.find_previous])
    view_menu = bar.addMenu("&View")
    for dock in window.docks.values():
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    view_menu.addAction(actions.reset_layout)
    appearance_menu = view_menu.addMenu("&Appearance")
    group = QActionGroup(window)
    for key, name in APPEARANCES.items():
        action = appearance_menu.addAction(name)
        action.setCheckable(True)
        action.setActionGroup(group)
        action.triggered.connect(lambda _=False, k=key: window.set_appearance(k))
        actions.appearance[key] = action
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(actions.about)
    return actions


def connect_commands(actions: Actions, files: FileCommands, edits: EditCommands, finder: FindCommands) -> None:
    """Give the menus' file, edit and find actions their commands, and enable them."""
    for action, slot in (
        (actions.new, files.new_project), (actions.open, files.ask_open_project), (actions.save_as, files.ask_save_as),
        (actions.import_files, files.ask_import_files), (actions.import_folder, files.ask_import_folder),
        (actions.export_xlsx, files.ask_export_xlsx), (actions.export_selected, lambda: files.ask_export_xlsx(True)),
        (actions.export_csv, files.ask_export_csv), (actions.paste, files.paste),
        (actions.delete_articles, edits.delete_selected_articles), (actions.find, finder.focus_find),
        (actions.find_next, finder.find_next), (actions.find_previous, finder.find_previous),
    ):
        action.triggered.connect(lambda *_, command=slot: command())
        action.setEnabled(True)
    actions.recent_menu.aboutToShow.connect(lambda: files.fill_recent_menu(actions.recent_menu))
