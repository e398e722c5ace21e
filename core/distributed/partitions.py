"""Articles cut into partitions by outlet and month, each written as Parquet files of its own.

A partition is at most ``PARTITION_ARTICLES`` articles of one outlet and
month. Its files sit under ``<dataset>/<table>/outlet=<outlet>/month=<YYYY-MM>/``
(hive layout, so any Parquet reader can filter on them); ``outcomes`` is
written last, so a partition whose ``outcomes`` file exists is finished and
is never analysed again, even after a crash. A partition is marked loaded
(a ``.loaded`` file beside its outcomes) once the project store holds it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import quote, unquote

from core.distributed.columnar import TABLES, schema
from core.model.article import Article, content_hash

#: Articles per partition: enough that a task outlasts its overhead (about 30 s of one worker's
#: parsing), few enough that the workers share the last ones of a run.
PARTITION_ARTICLES = 50
UNDATED = "undated"


@dataclass(frozen=True)
class Partition:
    """Some articles of one outlet and month; ``key`` names its files."""

    outlet: str
    month: str
    model: str  # the spaCy model that reads them
    key: str
    articles: tuple[Article, ...]

    @property
    def folder(self) -> str:
        return f"outlet={quote(self.outlet, safe='')}/month={self.month}"


def month_of(article: Article) -> str:
    date = article.date or ""
    return date[:7] if len(date) >= 7 and date[4] == "-" else UNDATED


def plan(articles: list[Article], model: str, model_key: str, size: int = PARTITION_ARTICLES) -> list[Partition]:
    """Partitions in order of their outlet and month; the articles keep their order within each.

    The key of a partition hashes its articles' ids and texts and the analysis key
    (``model_key``): the same articles to analyse the same way find their finished files.
    """
    groups: dict[tuple[str, str], list[Article]] = {}
    for article in articles:
        groups.setdefault((article.outlet, month_of(article)), []).append(article)
    out = []
    for (outlet, month), members in sorted(groups.items()):
        for i in range(0, len(members), size):
            part = tuple(members[i:i + size])
            digest = hashlib.sha1(model_key.encode())
            for a in part:
                digest.update(f"\0{a.id}\0{content_hash(a.analysed_text)}".encode())
            out.append(Partition(outlet, month, model, digest.hexdigest()[:16], part))
    return out


class Dataset:
    """The Parquet files of one project's distributed analysis."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _file(self, table: str, partition: Partition) -> Path:
        return self.root / table / partition.folder / f"{partition.key}.parquet"

    def write(self, partition: Partition, tables: dict) -> None:
        """Each table's file (written whole, then renamed into place); ``outcomes`` last."""
        import pyarrow.parquet as pq

        for name in (*TABLES[1:], TABLES[0]):
            path = self._file(name, partition)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".part")
            pq.write_table(tables[name], tmp)
            os.replace(tmp, path)

    def finished(self) -> Iterator[tuple[Path, bool]]:
        """``(outcomes file, loaded into the store)`` of every finished partition."""
        for path in sorted((self.root / "outcomes").glob("outlet=*/month=*/*.parquet")):
            yield path, path.with_suffix(".loaded").exists()

    def read(self, outcomes_file: Path) -> dict:
        """The tables of the partition whose outcomes file this is."""
        import pyarrow.parquet as pq

        relative = outcomes_file.relative_to(self.root / "outcomes")
        return {name: pq.read_table(self.root / name / relative, schema=schema(name)) for name in TABLES}

    def outcomes_file(self, partition: Partition) -> Path:
        return self._file("outcomes", partition)

    def mark_loaded(self, outcomes_file: Path) -> None:
        outcomes_file.with_suffix(".loaded").touch()


def outlet_of(folder: str) -> str:
    """The outlet a partition folder name (``outlet=...``) stands for."""
    return unquote(folder.split("=", 1)[1])
