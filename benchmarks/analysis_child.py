"""One analysis measurement in a fresh process (so its memory is its own).

    python -m benchmarks.analysis_child spacy PROJECT --n-process 2 [--limit 300]
    python -m benchmarks.analysis_child spacy-ner PROJECT --n-process 2 [--limit 300]
    python -m benchmarks.analysis_child newsprism PROJECT [--n-process 2]

``spacy`` runs bare ``nlp.pipe`` over the analysed texts of the project's
articles with plain ``spacy.load`` of the same model and components
(Newsprism's own components, such as its line-break marker, count as
Newsprism's work); ``spacy-ner`` the same with the entity recogniser alone
(what any analysis must run over every word);
``newsprism`` runs ``Project.analyse`` on the project. Loading the model is
timed apart and left out of both. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import inspect

from benchmarks.measure import PeakMemory, Stopwatch, emit


def _pipeline(model: str):
    from core.nlp.pipeline import load_pipeline

    with Stopwatch() as load:
        nlp = load_pipeline(model)
    return nlp, load.seconds


#: The baseline "NER alone": the ner component has its own tok2vec, so nothing else is needed for entities.
NER_ONLY_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


def _bare_pipeline(model: str, ner_only: bool = False):
    """Plain ``spacy.load`` with the model components Newsprism keeps (none of its own), or NER alone."""
    import spacy

    from core.nlp.pipeline import load_pipeline

    excluded = NER_ONLY_EXCLUDE if ner_only else inspect.signature(load_pipeline).parameters["exclude"].default
    with Stopwatch() as load:
        nlp = spacy.load(model, exclude=list(excluded))
    return nlp, load.seconds


def bare_spacy(project_path: str, n_process: int, limit: int | None, batch_size: int, ner_only: bool = False) -> dict:
    from core.store.store import ProjectStore
    from core.model.article import count_words
    from core.nlp.pipeline import DEFAULT_MODEL

    store = ProjectStore(project_path, create=False)
    texts = [a.analysed_text for a in store.articles()]
    if limit and limit < len(texts):  # an even sample: import order groups outlets (and lengths)
        texts = [texts[i * len(texts) // limit] for i in range(limit)]
    store.close()
    words = sum(count_words(t) for t in texts)
    nlp, load_s = _bare_pipeline(DEFAULT_MODEL, ner_only)
    with PeakMemory() as peak, Stopwatch() as run:
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            pass
    return {
        "mode": "spacy-ner" if ner_only else "spacy", "articles": len(texts), "words": words, "seconds": run.seconds, "load_s": load_s,
        "n_process": n_process, "batch_size": batch_size, "peak_rss_mb": peak.mb, "memory_method": peak.method,
        "components": list(nlp.pipe_names),
    }


def analyse_supports_processes() -> bool:
    from core.project import Project

    return "processes" in inspect.signature(Project.analyse).parameters


def newsprism(project_path: str, n_process: int) -> dict:
    from core.model.article import count_words
    from core.project import Project

    project = Project(project_path, create=False)
    words = sum(count_words(a.analysed_text) for a in project.articles())
    nlp, load_s = _pipeline(project.model)
    kwargs = {"processes": n_process} if analyse_supports_processes() else {}
    with PeakMemory() as peak, Stopwatch() as run:
        report = project.analyse(**kwargs)
    project.close()
    return {
        "mode": "newsprism", "articles": report.analysed, "up_to_date": report.up_to_date, "words": words,
        "seconds": run.seconds, "load_s": load_s, "n_process": n_process if kwargs else 1,
        "peak_rss_mb": peak.mb, "memory_method": peak.method, "components": list(nlp.pipe_names),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.analysis_child")
    parser.add_argument("mode", choices=("spacy", "spacy-ner", "newsprism"))
    parser.add_argument("project")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=None, help="default: Newsprism's own batch size")
    args = parser.parse_args(argv)
    if args.batch_size is None:
        from core.analysis.analyse import PIPE_BATCH

        args.batch_size = PIPE_BATCH
    if args.mode in ("spacy", "spacy-ner"):
        emit(bare_spacy(args.project, args.n_process, args.limit, args.batch_size, args.mode == "spacy-ner"))
    else:
        emit(newsprism(args.project, args.n_process))


if __name__ == "__main__":
    main()
