"""gui reaches the project file only through ``Project`` (import-linter can't see attribute access)."""

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "gui"


def test_gui_never_touches_the_project_store():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "store":
                found.append(f"{path.relative_to(GUI.parent)}:{node.lineno}")
    assert not found, "gui reads project.store directly (add a Project method instead): " + ", ".join(found)
