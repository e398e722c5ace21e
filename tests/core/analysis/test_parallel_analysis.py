"""spaCy in worker processes: the same analysis as in one process, and Cancel still stops it."""

from __future__ import annotations

import multiprocessing

import pytest

from benchmarks.corpus import write_corpus
from core.nlp.pipeline import PARALLEL_FROM, available_cores, processes_for
from core.project import Project
from core.tasks import Cancelled, TaskState

N = 12


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parallel") / "corpus"
    write_corpus(folder, n=N, seed=7)
    return folder


def _analysis(project: Project) -> tuple:
    mentions = project.mentions().sort_values(["article_id", "start"]).reset_index(drop=True)
    quotes = project.quotes().sort_values(["article_id", "start"]).reset_index(drop=True)
    return (mentions[["article_id", "start", "end", "entity", "label"]].to_dict("list"),
            quotes[["article_id", "start", "end", "speaker"]].to_dict("list"))


def _grouping(project: Project) -> tuple:
    """Stories (as sets of articles, with names) and the stored entity counts."""
    story_of = project.story_of()
    names = project.stories().set_index("id")["name"]
    stories = sorted((names[s], tuple(sorted(story_of[story_of == s].index))) for s in story_of.unique())
    counts = project.entity_counts(None).sort_values(["article_id", "entity"]).reset_index(drop=True)
    return stories, counts.to_dict("list")


def test_two_worker_processes_give_the_same_analysis_as_one(corpus, tmp_path, monkeypatch):
    from core.analysis import analyse

    monkeypatch.setattr(analyse, "PIPE_BATCH", 4)  # three batches: work for both workers
    found, workers, grouped = {}, {}, {}
    for processes in (1, 2):
        seen = []  # worker processes alive at each progress report
        state = TaskState(lambda fraction, message: seen.append(len(multiprocessing.active_children())))
        with Project(tmp_path / f"p{processes}.newsprism") as project:
            project.import_paths([corpus])
            report = project.analyse(processes=processes, state=state)
            assert report.analysed == N
            found[processes], workers[processes] = _analysis(project), max(seen)
            grouped[processes] = _grouping(project)  # with 2 processes: regrouped in a child process
    assert workers == {1: 0, 2: 2}
    assert len(grouped[1][0]) >= 2 and grouped[2] == grouped[1]
    mentions, quotes = found[1]
    assert len(mentions["entity"]) > 5 * N and len(quotes["speaker"]) > N
    assert found[2] == found[1]
    assert multiprocessing.active_children() == []


def test_cancel_stops_the_worker_processes_and_keeps_what_was_saved(corpus, tmp_path):
    state = TaskState(lambda fraction, message: fraction >= 0.25 and state.cancel())
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([corpus])
        with pytest.raises(Cancelled):
            project.analyse(processes=2, state=state)
        assert multiprocessing.active_children() == []
        saved = len(project.store.analysis_state())
        assert 0 < saved < N
        assert project.analyse(processes=1).analysed == N - saved  # the rest, nothing twice


def test_few_articles_are_parsed_in_one_process_many_on_every_core():
    assert processes_for(PARALLEL_FROM - 1) == 1
    assert processes_for(PARALLEL_FROM) == available_cores()


def test_a_worker_that_dies_fails_the_analysis_instead_of_hanging_it(corpus, tmp_path):
    import os
    import signal
    import threading
    import time
    from concurrent.futures.process import BrokenProcessPool

    def kill_a_worker():  # as a crash would, while the workers load the model
        deadline = time.monotonic() + 60
        while not multiprocessing.active_children() and time.monotonic() < deadline:
            time.sleep(0.01)
        for child in multiprocessing.active_children()[:1]:
            os.kill(child.pid, signal.SIGKILL)

    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([corpus])
        killer = threading.Thread(target=kill_a_worker)
        killer.start()
        with pytest.raises(BrokenProcessPool):
            project.analyse(processes=2)
        killer.join()
        assert multiprocessing.active_children() == []
        assert project.analyse(processes=1).analysed == N  # nothing half-saved: all of it is done again
