"""The project file: one SQLite database per project, and the tables kept in it.

``store.ProjectStore`` reads and writes the file (every change a
transaction); the ``*_rows`` modules and the indexes beside it keep one kind
of row each (aliases, stories, counts, versions, corrections).
"""

from core.store.store import LOCK_WAIT, SCHEMA_VERSION, ProjectError, ProjectStore

__all__ = ["LOCK_WAIT", "SCHEMA_VERSION", "ProjectError", "ProjectStore"]
