"""``newsprism --self-test``: prove an installed or frozen app works, without a window.

It imports the sample seeds into a temporary project, analyses them with the
real language model and exports a workbook to a temporary folder, printing
one line per step. Exit status 0 only when every step worked; a failing step
is reported with its reason and the steps that depend on it are skipped, so
the output always says what broke instead of ending in a traceback.
"""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from core.paths import app_root, resources_dir, seeds_dir

if TYPE_CHECKING:
    from core.project import Project

EXIT_OK, EXIT_FAILED = 0, 1


class StepFailed(Exception):
    """A step did not do its job; the message says what went wrong."""


@dataclass
class Context:
    """What the steps share: the temporary folder and the open project."""

    folder: Path
    project: Project | None = None

    @property
    def opened(self) -> Project:
        """The project the import step opened (the later steps need it)."""
        if self.project is None:
            raise StepFailed("no project is open")
        return self.project


def check_files(ctx: Context) -> str:
    """resources/ and seeds/ are where core.paths says (frozen apps included)."""
    seeds = sorted(seeds_dir().glob("*.txt"))
    if not resources_dir().is_dir():
        raise StepFailed(f"no resources folder at {resources_dir()}")
    if not seeds:
        raise StepFailed(f"no sample seeds (*.txt) in {seeds_dir()}")
    return f"{len(seeds)} seed files under {app_root()}"


def check_readers(ctx: Context) -> str:
    """Every file format's reader loads (a frozen app may miss a module or its data)."""
    from core.importers import supported_extensions, unavailable_readers

    broken = unavailable_readers()
    if broken:
        raise StepFailed("; ".join(f"{name}: {reason}" for name, reason in broken.items()))
    return "formats " + " ".join(supported_extensions())


def import_seeds(ctx: Context) -> str:
    from core.model.import_result import Status
    from core.project import Project

    ctx.project = Project(ctx.folder / "selftest.newsprism")
    results = ctx.project.import_paths([seeds_dir()])
    failed = [r for r in results if r.status is Status.FAILED]
    if failed:
        raise StepFailed("; ".join(f"{Path(r.source).name}: {r.message}" for r in failed))
    count = len(ctx.project.articles())
    if count == 0:
        raise StepFailed("no articles were imported")
    return f"{count} articles from {len(results)} files"


def analyse(ctx: Context) -> str:
    report = ctx.opened.analyse()
    mentions = ctx.opened.mentions()
    if report.analysed == 0 or mentions.empty:
        raise StepFailed(f"the model found no entities ({report.analysed} articles analysed)")
    return f"{report.analysed} articles, {len(mentions)} entity mentions with model {ctx.opened.model}"


def export(ctx: Context) -> str:
    target = ctx.folder / "export" / "selftest.xlsx"
    target.parent.mkdir()
    written = Path(ctx.opened.export_xlsx(target) or target)
    if not written.is_file():
        raise StepFailed(f"no workbook was written at {written}")
    with zipfile.ZipFile(written) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
    if not sheets:
        raise StepFailed(f"{written.name} holds no worksheets")
    return f"{written.name}: {len(sheets)} sheets, {written.stat().st_size:,} bytes"


#: name, step, and the steps it needs (skipped when one of them failed).
STEPS: tuple[tuple[str, Callable[[Context], str], tuple[str, ...]], ...] = (
    ("files", check_files, ()),
    ("readers", check_readers, ()),
    ("import", import_seeds, ("files",)),
    ("analyse", analyse, ("import",)),
    ("export", export, ("analyse",)),
)


def run_step(name: str, step: Callable[[Context], str], ctx: Context, out) -> bool:
    """Run one step, print its line, and say whether it worked."""
    started = time.perf_counter()
    try:
        detail = step(ctx)
    except Exception as exc:  # every failure becomes a line, never a traceback
        reason = str(exc) if isinstance(exc, StepFailed) else f"{exc.__class__.__name__}: {exc}"
        print(f"FAIL {name}: {reason}", file=out, flush=True)
        return False
    print(f"ok   {name}: {detail} ({time.perf_counter() - started:.1f} s)", file=out, flush=True)
    return True


def run(out=None) -> int:
    """All steps in order; a step whose prerequisite failed is reported as skipped."""
    out = out or sys.stdout
    not_done: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsprism-selftest-") as tmp:
        ctx = Context(Path(tmp))
        try:
            for name, step, needs in STEPS:
                missing = [n for n in needs if n in not_done]
                if missing:
                    print(f"skip {name}: needs '{missing[0]}'", file=out, flush=True)
                    not_done.append(name)
                elif not run_step(name, step, ctx, out):
                    not_done.append(name)
        finally:
            if ctx.project is not None:
                ctx.project.close()
    print("self-test failed" if not_done else "self-test passed", file=out, flush=True)
    return EXIT_FAILED if not_done else EXIT_OK


def main() -> int:
    return run()


if __name__ == "__main__":
    sys.exit(main())
