"""Build the hand-annotated quote gold files (JSONL, one article per line).

Three sources, three outputs next to this file:

* ``gold_written.jsonl`` from ``written/*.txt``: articles written for this set,
  annotated inline with ``⟦content⟧{kind|speaker|type}`` (see README.md).
* ``gold_heldout.jsonl`` from ``heldout/*.txt``: more written articles, made
  after the extractor had been tuned on the others and committed before it
  was first run on them (an honest estimate after tuning).
* ``gold_heldout2.jsonl`` from ``heldout2/*.txt``: the same again after the
  final tuning, never used for tuning.
* ``gold_heldout3.jsonl`` from ``heldout3/*.txt``: a larger held-out set (23
  articles in other styles), written and committed after all tuning, before
  the extractor was first run on it; never used for tuning.
* ``gold_seeds.jsonl`` from ``anchors_seeds.txt`` (the two sample articles).
* ``gold_html.jsonl`` from an anchor file kept OUTSIDE the repository: the
  real pages in ``../shared/fixtures/html-pages`` may not be copied here, so
  only offsets into the extracted text and a sha1 of each quote are stored.

Anchor files: ``@file <path>`` then one quote a line,
``kind|speaker;alternative|type|exact content`` (``\\n`` for a line break,
``#N`` at the end picks the N-th occurrence). A ``?`` after the kind marks an
optional quote (borderline: neither credited nor penalised).

Run: ``python tests/data/quotes/build_gold.py [--html ANCHORS]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SHARED = REPO.parent / "shared" / "fixtures"
KINDS = {"d": "direct", "i": "indirect", "a": "according_to"}
TYPES = {"n": "named", "a": "anonymous", "u": "unnamed", "m": "media", "-": "unknown"}
MARKUP = re.compile(r"⟦(.*?)⟧\{([^}]*)\}", re.S)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def quote_record(start: int, end: int, text: str, tag: str) -> dict:
    kind, speaker, source_type = (part.strip() for part in tag.split("|"))
    optional = kind.endswith("?")
    speakers = [] if speaker == "-" else [s.strip() for s in speaker.split(";")]
    return {
        "start": start,
        "end": end,
        "kind": KINDS[kind.rstrip("?")],
        "speaker": speakers[0] if speakers else None,
        "speakers": speakers,
        "source_type": TYPES[source_type],
        "optional": optional,
        "sha1": sha1(text[start:end]),
    }


def parse_markup(marked: str) -> tuple[str, list[dict]]:
    """Plain text and quote records from inline markup."""
    out, spans, pos = [], [], 0
    length = 0
    for match in MARKUP.finditer(marked):
        before = marked[pos : match.start()]
        out.append(before)
        length += len(before)
        content = match.group(1)
        spans.append((length, length + len(content), match.group(2)))
        out.append(content)
        length += len(content)
        pos = match.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "⟦" in text or "⟧" in text:
        raise ValueError("unbalanced markup")
    return text, [quote_record(s, e, text, tag) for s, e, tag in spans]


def read_written(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").split("\n")
    meta = {}
    while lines and lines[0].startswith("#"):
        key, _, value = lines.pop(0)[1:].partition(":")
        meta[key.strip()] = value.strip()
    text, quotes = parse_markup("\n".join(lines).strip("\n"))
    return {"source": f"written:{meta.get('style', 'unknown')}", "file": f"written/{path.name}",
            "outlet": meta.get("outlet", ""), "text": text, "text_sha1": sha1(text), "quotes": quotes}


def article_text(file: str) -> str:
    """The text the importers give for a seed or fixture file."""
    from core.importers import read_file

    path = REPO / file if file.startswith("seeds/") else SHARED / file
    (article,) = read_file(path)
    return article.text


def parse_anchors(path: Path) -> list[dict]:
    records, current, text = [], None, ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("@file "):
            file = line[6:].strip()
            text = article_text(file)
            source = "seeds" if file.startswith("seeds/") else "html:" + Path(file).name.split(".")[0]
            current = {"source": source, "file": file, "text_sha1": sha1(text), "quotes": []}
            records.append(current)
            continue
        kind, speaker, source_type, content = line.split("|", 3)
        occurrence = 1
        found = re.search(r"#(\d+)$", content)
        if found:
            occurrence, content = int(found.group(1)), content[: found.start()]
        content = content.replace("\\n", "\n")
        starts = [m.start() for m in re.finditer(re.escape(content), text)]
        if len(starts) < occurrence or (not found and len(starts) != 1):
            raise SystemExit(f"{path}:{number}: found {len(starts)} times: {content[:60]!r}")
        start = starts[occurrence - 1]
        current["quotes"].append(quote_record(start, start + len(content), text, f"{kind}|{speaker}|{source_type}"))
    for record in records:
        record["quotes"].sort(key=lambda q: q["start"])
    return records


def write_jsonl(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    total = sum(len(r["quotes"]) for r in records)
    optional = sum(q["optional"] for r in records for q in r["quotes"])
    print(f"{path.name}: {len(records)} articles, {total - optional} quotes (+{optional} optional)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, nargs="*", default=[], help="anchor files for the fixture pages")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    written = [read_written(p) for p in sorted((HERE / "written").glob("*.txt"))]
    write_jsonl(HERE / "gold_written.jsonl", written)
    for folder in ("heldout", "heldout2", "heldout3"):
        heldout = [read_written(p) for p in sorted((HERE / folder).glob("*.txt"))]
        for record in heldout:
            record["source"] = record["source"].replace("written:", f"{folder}:")
            record["file"] = record["file"].replace("written/", f"{folder}/")
        write_jsonl(HERE / f"gold_{folder}.jsonl", heldout)
    write_jsonl(HERE / "gold_seeds.jsonl", parse_anchors(HERE / "anchors_seeds.txt"))
    if args.html:
        write_jsonl(HERE / "gold_html.jsonl", [r for p in args.html for r in parse_anchors(p)])


if __name__ == "__main__":
    main()
