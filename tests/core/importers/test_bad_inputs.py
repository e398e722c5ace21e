"""Bad input of every kind: a clear message per file, the rest imported, the project untouched by failures."""

from __future__ import annotations

from tests.core.importers.importer_makers import ENTITY_BOMB_DOCTYPE, PARAGRAPHS, SCRIPT_PAGE, make_zip, minimal_xlsx, news_page, zip_bomb

import core.importers as importers
from core.ingest.importing import import_paths
from core.model.import_result import Status

TEXT = "Harbour bridge approved\nThe council voted on Tuesday to approve the bridge across the harbour."


def _bad_files(folder):
    """name -> (bytes, expected message fragment) for files that must fail."""
    xlsx = minimal_xlsx([["title", "text"], ["Good", "Body"]])
    bad = {
        "empty.txt": (b"", "empty"),
        "blank.html": (b"   \n\t  ", "empty"),
        "empty.csv": (b"", "empty"),
        "binary.txt": (bytes(range(256)) * 16, "binary"),
        "binary.html": (b"\x00\x01\x02" * 1000, "binary"),
        "truncated.xlsx": (xlsx[: len(xlsx) // 2], "damaged"),
        "corrupt.xlsx": (b"PK\x03\x04" + bytes(range(256)) * 4, "damaged"),
        "entity_bomb.xlsx": (minimal_xlsx([["title", "text"], ["a", "b"]], doctype=ENTITY_BOMB_DOCTYPE, entity_in="strings"),
                             "XML entities"),
        "corrupt.json": (b'{"title": "x", "text": ', "not valid JSON"),
        "bad_utf16.txt": (b"\xff\xfe" + b"\x00\xd8" * 5, "claims to be utf-16"),
        "not_zip.zip": (b"this is text pretending to be a zip", "damaged or not a zip"),
    }
    paths = {}
    for name, (data, message) in bad.items():
        path = folder / name
        path.write_bytes(data)
        paths[path] = message
    paths[zip_bomb(folder / "bomb.zip", size=64 * 1024**2)] = "zip bomb"
    return paths


def _good_files(folder):
    files = {
        "utf8.txt": TEXT.encode("utf-8"),
        "cp1252.txt": "Café owners’ “prices” rose\nBy 20 € – said the council on Monday.".encode("cp1252"),
        "utf16_bom.txt": "Zürich Straßenbahn fährt\nDie Brücke ist wieder offen.".encode("utf-16"),
        "latin1.csv": "title,text\nÉlèves à Besançon,Les élèves ont manifesté jeudi devant le lycée.\n".encode("latin-1"),
        "shift_jis.txt": "東京都知事が新計画を発表\n東京都の知事は月曜日に新しい交通計画を発表した。".encode("shift_jis"),
        "script.html": SCRIPT_PAGE.format(marker=(folder / "SCRIPT-RAN").as_posix()).encode("utf-8"),
        "東京の記事.txt": "日本語のファイル名\n本文です。記事の内容がここにあります。".encode("utf-8"),
        "مقالة.html": news_page("Arabic file name page", PARAGRAPHS, site="Valley News").encode("utf-8"),
        "news 📰🔥.txt": "Emoji file name\nThe file name has emoji in it and the text is fine.".encode("utf-8"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


def test_each_bad_file_fails_alone_with_a_clear_message_and_changes_nothing(tmp_path, store, store_snapshot):
    good_dir, bad_dir = tmp_path / "good", tmp_path / "bad"
    good_dir.mkdir()
    bad_dir.mkdir()
    good = _good_files(good_dir)
    results = import_paths(store, good)
    assert [r.status for r in results] == [Status.IMPORTED] * len(good), [r.message for r in results]
    assert not (good_dir / "SCRIPT-RAN").exists()
    before = store_snapshot(store)
    for path, message in _bad_files(bad_dir).items():
        [result] = import_paths(store, [path])
        assert result.status is Status.FAILED, path.name
        assert message.casefold() in result.message.casefold(), (path.name, result.message)
        assert result.source == str(path)
        assert store_snapshot(store) == before, f"{path.name} changed the project"


def test_a_mixed_folder_imports_the_good_and_reports_the_bad(tmp_path, store):
    folder = tmp_path / "drop"
    folder.mkdir()
    good = _good_files(folder)
    bad = _bad_files(folder)
    results = {r.source: r for r in import_paths(store, [folder])}
    assert len(results) == len(good) + len(bad)
    for path in good:
        assert results[str(path)].status is Status.IMPORTED, (path.name, results[str(path)].message)
    for path in bad:
        assert results[str(path)].status is Status.FAILED
    titles = {a.title for a in store.articles()}
    assert {"日本語のファイル名", "Arabic file name page", "Emoji file name", "東京都知事が新計画を発表"} <= titles
    assert store.article_count() == len(good)


def test_decoded_texts_are_right(tmp_path, store):
    folder = tmp_path / "enc"
    folder.mkdir()
    import_paths(store, _good_files(folder))
    texts = "\n".join(a.text for a in store.articles())
    for sample in ("Café owners’ “prices” rose", "By 20 € –", "Zürich Straßenbahn", "Élèves à Besançon", "東京都の知事"):
        assert sample in texts


def test_mixed_encoding_file_imports_or_fails_clearly(tmp_path, store):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Mixed headline\nUTF-8 part: Zürich. ".encode("utf-8") + "cp1252 part: café “quoted”.".encode("cp1252"))
    [result] = import_paths(store, [path])
    if result.status is Status.IMPORTED:
        [article] = store.articles()
        assert article.title == "Mixed headline" and "part" in article.text
    else:
        assert result.status is Status.FAILED and "encoding" in result.message


def test_files_over_the_size_limit_are_refused_unread(tmp_path, store, store_snapshot, monkeypatch):
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 10 * 1024**2)
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(11 * 1024**2)  # sparse: nothing is really written
    before = store_snapshot(store)
    [result] = import_paths(store, [path])
    assert result.status is Status.FAILED and "too large" in result.message
    assert store_snapshot(store) == before


def test_archive_with_bad_members_reports_each_member(tmp_path, store):
    path = make_zip(tmp_path / "bundle.zip", {
        "good.txt": TEXT.encode(),
        "empty.txt": b"",
        "bomb.xlsx": minimal_xlsx([["title", "text"], ["a", "b"]], doctype=ENTITY_BOMB_DOCTYPE, entity_in="sheet"),
        "日本語.txt": "別の記事\n本文があります。".encode("utf-8"),
    })
    results = import_paths(store, [path])
    by_source = {r.source: r for r in results}
    assert by_source[str(path)].status is Status.IMPORTED
    assert by_source[str(path)].message.startswith("2 articles")
    assert by_source[f"{path}/empty.txt"].status is Status.FAILED
    assert "XML entities" in by_source[f"{path}/bomb.xlsx"].message
    assert store.article_count() == 2
