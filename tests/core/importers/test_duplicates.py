"""Repeats are reported, not doubled; near-duplicates are kept as linked versions; shared wire copy is kept per outlet and flagged."""

from __future__ import annotations

from tests.core.importers.importer_makers import PARAGRAPHS, news_page

from core.store.copy_index import near_duplicate_of, shared_copy_groups, versions
from core.importers import read_file
from core.ingest.importing import import_paths
from core.store.store import ProjectStore
from core.model.article import make_article
from core.model.import_result import Status
from core.text.duplicates import compare, overlap, shingles

WIRE = PARAGRAPHS  # ten distinct paragraphs of "agency copy"


def _page(folder, name, title, paragraphs, site):
    path = folder / name
    path.write_text(news_page(title, paragraphs, site=site), encoding="utf-8")
    return path


def test_the_same_page_twice_is_a_repeat_and_a_near_identical_copy_a_linked_version(tmp_path, store, store_snapshot):
    original = _page(tmp_path, "rail.html", "Rail plan for valleys", WIRE, "The Guardian")
    # the same page saved again later: a corrected word and another outlet spelling of the same site
    edited = WIRE[:-1] + [WIRE[-1].replace("at a low rate", "at a lower rate")]
    resaved = _page(tmp_path, "rail (1).html", "Rail plan for valleys", edited, "theguardian.com")
    [first] = import_paths(store, [original])
    assert first.status is Status.IMPORTED
    before = store_snapshot(store)
    [again] = import_paths(store, [original])
    assert again.status is Status.DUPLICATE
    assert again.message == "this article is already in the project: 'Rail plan for valleys' (The Guardian, 2024-03-05)"
    assert again.repeats == (("Rail plan for valleys", first.article_ids[0]),)
    assert store_snapshot(store) == before
    [near] = import_paths(store, [resaved])
    assert near.status is Status.IMPORTED
    assert near.message == ("1 article; 1 version of an article kept and linked: 'Rail plan for valleys' repeats "
                            "'Rail plan for valleys' (The Guardian, 2024-03-05)")
    assert near.versions == ((near.article_ids[0], first.article_ids[0]),)
    assert store.article_count() == 2
    assert versions(store)[["article_id", "version_of"]].values.tolist() == [[near.article_ids[0], first.article_ids[0]]]


def test_wire_copy_in_several_outlets_is_kept_for_each_and_flagged(tmp_path, store):
    guardian = _page(tmp_path, "g.html", "Valleys to get new railway", WIRE, "The Guardian")
    bbc = _page(tmp_path, "b.html", "Rail line promised for northern valleys", WIRE[:7], "BBC News")  # trimmed copy
    times = _page(tmp_path, "t.html", "Ministers back valley trains", WIRE[2:], "The Times")
    other = _page(tmp_path, "o.html", "Harbour bridge approved", [
        "The city council voted on Tuesday to approve a new bridge across the harbour after years of debate.",
        "Supporters said the bridge would cut commuting times, while opponents warned about the cost.",
        "Construction is expected to start next spring and to take three years, the mayor said.",
    ], "BBC News")
    results = import_paths(store, [guardian, bbc, times, other])
    assert [r.status for r in results] == [Status.IMPORTED] * 4
    groups = shared_copy_groups(store)
    ids = {r.source: r.article_ids[0] for r in results}
    flagged = set(groups["article_id"])
    assert flagged == {ids[str(guardian)], ids[str(bbc)], ids[str(times)]}
    assert groups["group_id"].nunique() == 1
    assert ids[str(other)] not in flagged


def test_index_survives_reopening_and_older_projects_are_indexed(tmp_path):
    path = tmp_path / "p.newsprism"
    page = _page(tmp_path, "a.html", "Rail plan for valleys", WIRE, "Valley News")
    with_store = ProjectStore(path)
    import_paths(with_store, [page])
    with with_store.transaction() as db:  # as if made before the index existed
        db.execute("DELETE FROM copy_indexed")
        db.execute("DELETE FROM copy_bands")
    with_store.close()
    reopened = ProjectStore(path)
    copy = read_file(_page(tmp_path, "b.html", "Rail plan for valleys", WIRE[:-1] + [WIRE[-1] + " Extra."], "Valley News"))[0]
    match = near_duplicate_of(reopened, copy)
    assert match is not None and match.kind == "duplicate" and match.jaccard > 0.9
    reopened.close()


def test_short_and_different_texts_are_not_matched():
    a = make_article("One short line.", title="A")
    b = make_article("One short line.", title="B")
    assert shingles("too few words") == frozenset()
    assert compare(a, shingles(a.text), b, shingles(b.text)) is None
    x, y = shingles(" ".join(WIRE[:5])), shingles(" ".join(WIRE[5:]))
    assert overlap(x, y) == (0.0, 0.0)


def test_repeats_and_versions_within_one_file_are_caught(tmp_path, store):
    import pandas as pd

    body = "\n".join(WIRE)
    path = tmp_path / "rows.csv"
    pd.DataFrame([
        {"title": "Rail plan", "text": body, "source": "Reuters", "date": "2024-03-05"},
        {"title": "Rail plan", "text": body, "source": "Reuters", "date": "2024-03-05"},  # exact: a repeat
        {"title": "Rail plan", "text": body.replace("low rate", "lower rate"), "source": "Reuters", "date": "2024-03-05"},  # near
        {"title": "Valley trains", "text": "\n".join(WIRE[:7]), "source": "BBC", "date": "2024-03-05"},  # shared copy
    ]).to_csv(path, index=False)
    [result] = import_paths(store, [path])
    assert result.status is Status.IMPORTED
    assert result.message == ("3 articles; 1 version of an article kept and linked: 'Rail plan' repeats 'Rail plan' "
                              "(Reuters, 2024-03-05); 1 already in the project: 'Rail plan' (Reuters, 2024-03-05)")
    assert result.read == 4 and len(result.repeats) == 1 and len(result.versions) == 1
    assert store.article_count() == 3
    assert len(shared_copy_groups(store)) == 3
    with store.transaction() as db:
        assert db.execute("SELECT COUNT(*) FROM copy_indexed").fetchone()[0] == 3


def test_the_article_table_names_the_other_outlets_of_shared_copy(tmp_path):
    from core.project import Project

    pages = [
        _page(tmp_path, "g.html", "Valleys to get new railway", WIRE, "The Guardian"),
        _page(tmp_path, "b.html", "Rail line promised for northern valleys", WIRE[:7], "BBC News"),
        _page(tmp_path, "o.html", "Harbour bridge approved", [
            "The city council voted on Tuesday to approve a new bridge across the harbour after years of debate.",
            "Construction is expected to start next spring and to take three years, the mayor said.",
        ], "The Times"),
    ]
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths(pages)
        shared = project.articles_frame().set_index("outlet")["shared_copy_with"]
    assert shared["The Guardian"] == "BBC News"
    assert shared["BBC News"] == "The Guardian"
    assert shared["The Times"] == ""


def test_a_copy_index_made_with_other_shingle_hashes_is_rebuilt_before_it_is_used(tmp_path, store):
    original = _page(tmp_path, "rail.html", "Rail plan for valleys", WIRE, "The Guardian")
    edited = WIRE[:-1] + [WIRE[-1].replace("at a low rate", "at a lower rate")]
    resaved = _page(tmp_path, "rail (1).html", "Rail plan for valleys", edited, "theguardian.com")
    [first] = import_paths(store, [original])
    assert first.status is Status.IMPORTED
    with store.transaction() as db:  # as an older Newsprism left it: other hashes, another version
        db.execute("UPDATE copy_bands SET hash = hash + 1")
        db.execute("DELETE FROM meta WHERE key = 'copy_index_version'")
    [near] = import_paths(store, [resaved])
    assert near.status is Status.IMPORTED and near.versions == ((near.article_ids[0], first.article_ids[0]),)
    assert store.article_count() == 2
