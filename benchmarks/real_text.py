"""Analysis speed on real news (``../shared/dev-data/real-news-stories/articles.csv``) against bare spaCy.

The synthetic corpus is regular text; real articles have longer sentences,
more names and more quotes. The table's articles are imported ``copies``
times (each copy's headline numbered, so every copy is its own article: the
issue's 300 articles of about 195,000 words at ``copies=2``) into a project
of their own, then bare spaCy (full pipeline, and NER alone) and Newsprism's
analysis each run in a fresh process over them, as for the corpus.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.measure import run_child

REAL_CSV = Path(__file__).resolve().parents[2] / "shared" / "dev-data" / "real-news-stories" / "articles.csv"


def real_project(workdir: Path, copies: int, limit: int | None, source: Path = REAL_CSV) -> Path | None:
    """A project of the real articles (None if the table is not there)."""
    if not source.exists():
        return None
    import pandas as pd

    from core.project import Project

    table = pd.read_csv(source).drop(columns=["event"], errors="ignore")
    if limit:
        table = table.head(limit)
    table = pd.concat([table.assign(title=table["title"] + ("" if k == 0 else f" ({k + 1})")) for k in range(copies)])
    csv = workdir / "real-articles.csv"
    table.to_csv(csv, index=False)
    project_path = workdir / "real.newsprism"
    with Project(project_path) as project:
        project.import_paths([csv])
    return project_path


def measure_real(project_path: Path, n_process: int) -> dict:
    """Newsprism's analysis and the two bare spaCy baselines over the real articles, same process count."""
    k = str(n_process)
    full = run_child("benchmarks.analysis_child", "spacy", str(project_path), "--n-process", k)
    ner = run_child("benchmarks.analysis_child", "spacy-ner", str(project_path), "--n-process", k)
    ours = run_child("benchmarks.analysis_child", "newsprism", str(project_path), "--n-process", k)
    rate = lambda r: r["words"] / r["seconds"] if r["seconds"] else None  # noqa: E731
    return {"articles": ours["articles"], "words": ours["words"], "n_process": n_process,
            "words_per_s": rate(ours), "full_words_per_s": rate(full), "ner_words_per_s": rate(ner),
            "ratio_full": rate(ours) / rate(full), "ratio_ner": rate(ours) / rate(ner),
            "seconds": ours["seconds"], "full_seconds": full["seconds"], "ner_seconds": ner["seconds"]}
