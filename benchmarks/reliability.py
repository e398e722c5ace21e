"""``make bench-reliability``: the hostile inputs of docs/reliability.md at full size.

    python -m benchmarks.reliability [--rows 1000000] [--only table_csv,drip]

Writes each input into a temporary folder, measures each case in a fresh
process (time, peak memory, what happened) and prints a table, then one
JSON line. The test suite runs small versions of the same cases.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from benchmarks import hostile_inputs as make
from benchmarks.measure import ChildFailed, machine, run_child

MIB = 1024 * 1024
#: The issue's target for a million-row table: imported in less than this peak memory.
TABLE_TARGET_MB = 1024


def _cases(folder: Path, rows: int) -> dict:
    """name -> (what it is, function making the child's arguments)."""
    return {
        "table_csv": (f"{rows:,}-row CSV imported", lambda: ["table", str(make.write_csv(folder / "export.csv", rows)),
                                                             str(folder / "csv.newsprism")]),
        "table_jsonl": (f"{rows:,}-row JSON Lines imported",
                        lambda: ["table", str(make.write_jsonl(folder / "export.jsonl", rows)),
                                 str(folder / "jsonl.newsprism")]),
        "long_article": ("1.2 million-character article analysed (over spaCy's max_length)",
                         lambda: ["long_article", str(make.write_long_text(folder / "long.txt", 1_200_000)),
                                  str(folder / "long.newsprism")]),
        "book": ("4.5 million-character book analysed",
                 lambda: ["long_article", str(make.write_long_text(folder / "book.txt", 4_500_000)),
                          str(folder / "book.newsprism")]),
        "big_text": ("190 MB text file imported (one article)",
                     lambda: ["big_text", str(make.write_long_text(folder / "big.txt", 190 * MIB)),
                              str(folder / "big.newsprism")]),
        "zip_identical": ("zip of 1,900 identical 1 MiB members",
                          lambda: ["archive", str(make.raw_zip(folder / "identical.zip",
                                                               [f"m{i:04d}.txt" for i in range(1_900)],
                                                               make.member_text(MIB), shared=False))]),
        "zip_overlap": ("zip of 1,900 overlapping entries",
                        lambda: ["archive", str(make.raw_zip(folder / "overlap.zip",
                                                             [f"e{i:04d}.txt" for i in range(1_900)],
                                                             make.member_text(MIB), shared=True))]),
        "drip": ("link sending a byte every 2 s (deadline 60 s)", lambda: ["drip", "60"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the big tables (default 1,000,000)")
    parser.add_argument("--only", default="", help="comma-separated cases to run (default: all)")
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="newsprism-reliability-") as tmp:
        cases = _cases(Path(tmp), args.rows)
        wanted = [c for c in args.only.split(",") if c] or list(cases)
        for name in wanted:
            what, arguments = cases[name]
            print(f"{name}: {what} …", file=sys.stderr, flush=True)
            try:
                results[name] = {"what": what, **run_child("benchmarks.reliability_child", *arguments())}
            except ChildFailed as exc:
                results[name] = {"what": what, "error": str(exc).splitlines()[-1][:300]}
            if name.startswith("table_") and "peak_mb" in results[name]:
                results[name]["under_target"] = results[name]["peak_mb"] < TABLE_TARGET_MB
            print(f"  {json.dumps(results[name])}", file=sys.stderr, flush=True)
    print("| case | seconds | peak MB | what happened |\n|---|---|---|---|")
    for name, r in results.items():
        happened = r.get("error") or r.get("outcome") or r.get("message") or f"{r.get('analysed')} analysed"
        if "under_target" in r:
            happened += f" ({'under' if r['under_target'] else 'OVER'} the {TABLE_TARGET_MB:,} MB target)"
        print(f"| {r['what']} | {r.get('seconds', '-')} | {r.get('peak_mb', '-')} | {happened} |")
    print(json.dumps({"machine": machine(), "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
