"""Distinctive terms of real analysed coverage: as written, never the outlet's own name, weak ones marked."""

from __future__ import annotations

import json

from core.analysis.keyness import WEAK_FREQ, WEAK_LOG_RATIO, WEAK_P
from core.cli import main
from core.text.find import find_in_articles


def test_each_term_reads_as_its_outlet_wrote_it(seeds_project):
    table = seeds_project.distinctive_terms(scope="project")
    shown = {(r.outlet, r.lemma): r.term for r in table.itertuples()}
    assert shown[("Yahoo News", "weapon")] == "weapons" and shown[("Yahoo News", "arm")] == "arms"
    assert shown[("Newsweek", "provide")] == "provided"
    by_outlet = {}
    for article in seeds_project.articles():
        by_outlet.setdefault(article.outlet, []).append(article)
    for row in table[table["kind"] != "entity"].itertuples():  # every word as shown is in the outlet's texts
        assert find_in_articles(by_outlet[row.outlet], row.term, whole_words=True), (row.outlet, row.term)
    entities = table[table["kind"] == "entity"]
    assert (entities["term"] == entities["lemma"]).all()


def test_an_outlet_never_has_its_own_name_among_its_distinctive_terms(seeds_project):
    newsweek = next(a.id for a in seeds_project.articles() if a.outlet == "Newsweek")
    stored = seeds_project.store.frame("terms", [newsweek])
    assert ((stored["term"] == "Newsweek") & (stored["kind"] == "entity")).any()  # it does name itself
    table = seeds_project.distinctive_terms(scope="project", min_freq=1)
    assert not ((table["outlet"] == "Newsweek") & (table["term"] == "Newsweek")).any()
    assert len(table[table["outlet"] == "Newsweek"]) > 20


def test_weak_results_are_marked_by_the_stated_rules(seeds_project):
    table = seeds_project.distinctive_terms(scope="project", min_freq=1)
    rule = (table["freq"] < WEAK_FREQ) | (table["p_value"] >= WEAK_P) | (table["log_ratio"] < WEAK_LOG_RATIO)
    assert (table["weak"] == rule).all() and table["weak"].all()  # two articles: nothing is firm evidence
    assert (table.loc[table["weak"], "weak_because"] != "").all()
    ukraine = table[(table["outlet"] == "Newsweek") & (table["term"] == "Ukraine")].iloc[0]
    assert ukraine["freq"] >= WEAK_FREQ and ukraine["weak_because"].startswith("p = ")


def test_summary_and_compare_give_the_words_as_written_and_their_weakness(seeds_project, capsys):
    path = str(seeds_project.path)
    assert main(["summary", "--project", path, "--json"]) == 0
    terms = json.loads(capsys.readouterr().out)["outlets"]["Yahoo News"]["distinctive_terms"]
    weapons = next(t for t in terms if t["lemma"] == "weapon")
    assert weapons["term"] == "weapons" and weapons["weak"] is True and weapons["weak_because"]
    assert main(["summary", "--project", path]) == 0
    out = capsys.readouterr().out
    assert "own words: -  (weak: " in out and "weapons" in out and " weapon," not in out
    assert main(["compare", "--project", path]) == 0
    assert "own words:  -  (weak: Wagner, arms" in capsys.readouterr().out


def test_a_project_analysed_before_the_forms_were_kept_is_analysed_again_once(seeds_project):
    import sqlite3

    from core.project import Project

    path = seeds_project.path
    seeds_project.close()
    db = sqlite3.connect(path)  # as the previous version left it: no forms, analyses of extraction 2
    db.executescript("ALTER TABLE terms DROP COLUMN surface; PRAGMA user_version = 4;"
                     "UPDATE analyses SET model = replace(model, '#3', '#2');")
    db.close()
    with Project(path, create=False) as old:
        assert old.store.frame("terms")["surface"].isna().all()
        assert list(old.distinctive_terms(scope="project")["term"]) == list(
            old.distinctive_terms(scope="project")["lemma"])  # shown as counted until analysed again
        assert old.analyse().analysed == 2
        assert old.store.frame("terms")["surface"].notna().any()
        assert "weapons" in set(old.distinctive_terms(scope="project")["term"])
        assert old.analyse().analysed == 0
