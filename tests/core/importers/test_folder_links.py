"""A folder's import stays inside the folder: links out of it are skipped and reported, never read."""

from __future__ import annotations

import os

from core.ingest.importing import import_paths
from core.model.import_result import Status

STORY = "Harbour bridge approved\nThe council voted on Tuesday to approve the bridge across the harbour."
SECRET = "PRIVATE KEY of the user\nThis must never become an article in anyone's project."


def _folder_with_links(tmp_path):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "id_rsa.txt").write_text(SECRET)
    (outside / "notes.txt").write_text(SECRET.replace("KEY", "NOTES"))
    folder = tmp_path / "drop"
    (folder / "sub").mkdir(parents=True)
    (folder / "story.txt").write_text(STORY)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "key.txt").symlink_to(outside / "id_rsa.txt")
    (folder / "sub" / "up.txt").symlink_to(os.path.join("..", "..", "private", "notes.txt"))  # relative, still out
    (folder / "private_dir").symlink_to(outside, target_is_directory=True)
    (folder / "story_link.txt").symlink_to(folder / "story.txt")  # a link within the folder is followed
    return folder


def test_links_out_of_a_folder_are_skipped_and_reported_and_nothing_behind_them_is_read(tmp_path, store):
    folder = _folder_with_links(tmp_path)
    results = {os.path.relpath(r.source, folder): r for r in import_paths(store, [folder])}

    assert results["story.txt"].status is Status.IMPORTED
    assert results["story_link.txt"].status is Status.DUPLICATE
    for name in ("passwd.txt", "key.txt", os.path.join("sub", "up.txt"), "private_dir"):
        assert results[name].status is Status.FAILED, name
        assert "link to outside the folder" in results[name].message, results[name].message
    assert len(results) == 6
    texts = " ".join(a.text for a in store.articles())
    assert "PRIVATE" not in texts and "root:" not in texts


def test_a_link_named_on_its_own_is_read_like_any_file_the_user_chose(tmp_path, store):
    target = tmp_path / "elsewhere.txt"
    target.write_text(STORY)
    link = tmp_path / "chosen.txt"
    link.symlink_to(target)
    [result] = import_paths(store, [link])
    assert result.status is Status.IMPORTED
