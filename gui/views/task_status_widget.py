"""The status bar's progress: message, bar and Cancel for whichever task runs."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from gui.workers import TaskRunner

_STEPS = 1000


class TaskStatusWidget(QWidget):
    """Shows the most recently started task of the runners it watches."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.message = QLabel()
        self.message.setMinimumWidth(260)
        self.bar = QProgressBar()
        self.bar.setRange(0, _STEPS)
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop this task; everything finished so far is kept (Esc)")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.message, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self._runners: list[TaskRunner] = []
        self._active: TaskRunner | None = None
        self.setVisible(False)

    def watch(self, runner: TaskRunner, *, cancellable: bool = True) -> None:
        self._runners.append(runner)
        runner.setProperty("cancellable", cancellable)
        runner.started.connect(lambda title, r=runner: self._on_started(r, title))
        runner.progressChanged.connect(lambda f, m, r=runner: self._on_progress(r, f, m))
        runner.cancelRequested.connect(lambda r=runner: self._on_cancel_requested(r))
        runner.finished.connect(lambda r=runner: self._on_finished(r))

    def active_runner(self) -> TaskRunner | None:
        return self._active

    def cancel(self) -> None:
        if self._active is not None:
            self._active.cancel()

    def _on_started(self, runner: TaskRunner, title: str) -> None:
        self._active = runner
        self.message.setText(title)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(bool(runner.property("cancellable")))
        self.cancel_button.setVisible(bool(runner.property("cancellable")))
        self.setVisible(True)

    def _on_progress(self, runner: TaskRunner, fraction: float, message: str) -> None:
        if runner is self._active:
            self.bar.setValue(round(fraction * _STEPS))
            if message:
                self.message.setText(message)

    def _on_cancel_requested(self, runner: TaskRunner) -> None:
        if runner is self._active:
            self.message.setText("Cancelling…")
            self.cancel_button.setEnabled(False)

    def _on_finished(self, runner: TaskRunner) -> None:
        if runner is not self._active:
            return
        running = [r for r in self._runners if r.is_running()]
        if running:
            self._active = running[-1]
            self._on_started(self._active, self._active.title())
        else:
            self._active = None
            self.setVisible(False)
