"""The File menu's commands, and what drops and pastes carry (files, links, text)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QStatusBar, QWidget

from core.importers import supported_extensions
from core.paths import PROJECT_SUFFIX as SUFFIX
from core.settings import Settings

if TYPE_CHECKING:
    from core.project import Project
    from gui.project_controller import ProjectController
    from gui.views.article_panel import ArticlePanel


def local_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files and folders a drag carries."""
    return mime_paths(event.mimeData())


def mime_paths(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def mime_links(mime: QMimeData) -> list[str]:
    """Web links a drop or paste carries (``text/uri-list`` from a browser)."""
    if not mime.hasUrls():
        return []
    return [url.toString() for url in mime.urls() if url.scheme() in ("http", "https")]


def importable(mime: QMimeData) -> bool:
    """Whether a drop or paste holds files, links or text to import."""
    return bool(mime_paths(mime) or mime_links(mime) or (mime.hasText() and mime.text().strip()))


class FileCommands:
    """New, Open, Open Recent, Save As, Import, Export and Paste: what the File and Edit menus ask for.

    Owned by the main window, which hands it what it works with: ``parent``
    for dialogs, the project's controller, the settings (recent projects),
    the article table (export the selection), the status bar, and the
    window's own ways to open a project and to import paths.
    """

    def __init__(self, parent: QWidget, controller: ProjectController, settings: Settings, article_panel: ArticlePanel,
                 status_bar: QStatusBar, open_project: Callable[[str | Path], bool],
                 import_paths: Callable[[list[str | Path]], None]):
        self.parent = parent
        self.controller = controller
        self.settings = settings
        self.article_panel = article_panel
        self.status_bar = status_bar
        self.open_project = open_project
        self.import_paths = import_paths

    @property
    def project(self) -> Project | None:
        return self.controller.project

    def new_project(self) -> None:
        self.controller.new()

    def ask_open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Open project", str(self._folder()),
                                              f"Newsprism projects (*{SUFFIX})")
        if path:
            self.open_project(path)

    def ask_save_as(self) -> None:
        if self.project is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.parent, "Save project as",
                                              str(self._folder() / self.project.path.name),
                                              f"Newsprism projects (*{SUFFIX})")
        if path:
            self.save_as(path if path.endswith(SUFFIX) else path + SUFFIX)

    def save_as(self, path: str | Path) -> None:
        # imported here: the project and the error dialog import pandas, and the window's shell imports this module
        from core.project import ProjectError
        from gui.dialogs.error_dialog import show_exception

        try:
            self.controller.save_as(path)
        except (OSError, ProjectError) as exc:
            show_exception(self.parent, "Cannot save the project", exc, "saving the project")

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        recent = [p for p in self.settings.recent_projects if Path(p).exists()]
        for path in recent:
            menu.addAction(Path(path).name, lambda p=path: self.open_project(p)).setToolTip(path)
        if not recent:
            menu.addAction("No recent projects").setEnabled(False)

    def ask_import_files(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in supported_extensions())
        paths, _ = QFileDialog.getOpenFileNames(self.parent, "Import articles", str(Path.home()),
                                                f"Articles ({patterns});;All files (*)")
        if paths:
            self.import_paths(paths)

    def ask_import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self.parent, "Import a folder of articles", str(Path.home()))
        if path:
            self.import_paths([path])

    def ask_export_xlsx(self, selected_only: bool = False) -> None:
        if self.project is None:
            return
        ids = self.article_panel.selected_ids() if selected_only else None
        if selected_only and not ids:
            self.status_bar.showMessage("Select the articles to export in the article table first.", 8000)
            return
        name = f"{self.project.path.stem}{' (selection)' if selected_only else ''}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self.parent, "Export to Excel", str(self._folder() / name),
                                              "Excel workbook (*.xlsx)")
        if path:
            self.controller.export_xlsx(path if path.lower().endswith(".xlsx") else path + ".xlsx", ids)

    def ask_export_csv(self) -> None:
        if self.project is None:
            return
        folder = QFileDialog.getExistingDirectory(self.parent, "Export CSV files into a folder", str(self._folder()))
        if folder:
            self.controller.export_csv(folder)

    def import_mime(self, mime: QMimeData) -> bool:
        """Import what a drop or paste carries: files, else links (fetched), else text; True if any."""
        paths, links = mime_paths(mime), mime_links(mime)
        if paths:
            self.import_paths(paths)
        elif links:
            self.controller.import_urls(links)
        elif mime.hasText() and mime.text().strip():
            self.controller.import_pasted(mime.text())
        else:
            return False
        return True

    def paste(self) -> None:
        """Edit > Paste: links, text or copied files from the clipboard become articles."""
        if not self.import_mime(QApplication.clipboard().mimeData()):
            self.status_bar.showMessage("The clipboard holds no text, link or file to import.", 8000)

    def ask_column_mapping(self, path: str, columns: list[str]):
        """A table's columns were not recognised: ask which holds what, then import it (non-blocking)."""
        from gui.dialogs.column_mapping_dialog import ColumnMappingDialog

        dialog = ColumnMappingDialog(path, columns, self.parent)
        dialog.accepted.connect(lambda: self.controller.import_mapped_table(path, dialog.mapping()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _folder(self) -> Path:
        return self.project.path.parent if self.project is not None else Path.home()
