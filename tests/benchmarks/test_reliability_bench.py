"""``make bench-reliability`` runs: its small cases at tiny size, each in its own process."""

from __future__ import annotations

import json

from benchmarks import reliability


def test_the_reliability_benchmark_measures_each_case_and_prints_one_json_line(capsys):
    assert reliability.main(["--rows", "300", "--only", "table_csv,zip_overlap"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].startswith("| case |")
    results = json.loads(out[-1])["results"]
    assert results["table_csv"]["articles"] == 300 and results["table_csv"]["peak_mb"] > 0
    assert results["zip_overlap"]["outcome"].startswith("refused: the entries")
