"""The sync benchmark still runs (tiny sizes here; docs/benchmarks.md has the real numbers)."""

import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "sync_bench.py"


def test_the_sync_benchmark_runs_and_reports_both_measures(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("sync_bench", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert (
        bench.main(
            ["--entries", "150", "--stations", "2", "--per-station", "40", "--keep", str(tmp_path)]
        )
        == 0
    )
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    one, many = lines[0]["one_station"], lines[1]["many_stations"]
    assert one["entries"] == 150 and one["ratio"] > 0 and one["baseline_s"] > 0
    assert many["stations"] == 2 and many["import_s"] > 0
    # What it timed really happened: the county holds both stations' files, acknowledged.
    assert len(list((tmp_path / "many" / "usb-many").glob("*-ack.fasync"))) == 2
