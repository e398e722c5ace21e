"""User settings: typed, versioned, stored as JSON in the user data folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from core.text.names import DEFAULT_TYPES
from core.nlp.pipeline import DEFAULT_MODEL
from core.paths import user_data_dir

SETTINGS_VERSION = 1
MAX_RECENT = 10


@dataclass
class Settings:
    model: str = DEFAULT_MODEL
    entity_types: list[str] = field(default_factory=lambda: list(DEFAULT_TYPES))
    recent_projects: list[str] = field(default_factory=list)
    last_project: str = ""
    version: int = SETTINGS_VERSION

    @staticmethod
    def path() -> Path:
        return user_data_dir() / "settings.json"

    @classmethod
    def load(cls) -> "Settings":
        """Saved settings; defaults for anything missing, unknown or unreadable."""
        try:
            raw = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known and k != "version"} if isinstance(raw, dict) else {}
        try:
            return cls(**values)
        except TypeError:
            return cls()

    def save(self) -> None:
        path = self.path()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        tmp.replace(path)

    def add_recent(self, project: str | Path) -> None:
        project = str(Path(project).resolve())
        self.recent_projects = [project] + [p for p in self.recent_projects if p != project][: MAX_RECENT - 1]
        self.last_project = project
