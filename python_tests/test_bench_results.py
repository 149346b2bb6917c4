"""bench/RESULTS.md as `make bench` writes it (lab/bench.py): the sizes of a run replace their own rows
and keep every other size's, and the notes below the tables survive the rewrite."""

from __future__ import annotations

from lab import bench


def measured(size: int, seconds: float, date: str) -> dict:
    """An entry of bench/measured.json for `size`, as lab.bench.main keeps a run (kept)."""
    nodes = {
        "model.proj.fct_figures": seconds / 2,
        "test.proj.not_null_fct_figures_value": 1.0,
        "(dbt invocation)": seconds,
    }
    result = {
        "spark": None,
        "threads": 2,
        "size": size,
        "pipeline_seconds": seconds,
        "pipeline_cpu_seconds": seconds * 1.5,
        "pipeline_peak_mib": 900.0,
        "stages": {"dbt build": seconds - 2, "expectations": 1.5, "publish": 0.5},
        "landed": size,
        "rejected": 0,
        "published_bytes": size * 150,
        "dbt_node_seconds": nodes,
        "floor_seconds": seconds / 2,
        "floor_peak_mib": 500.0,
        "project": "/tmp/project",
    }
    run = {"what": "add one document", "seconds": 9.0, "seen_seconds": 9.0, "peak_mib": 400.0, "cpu_seconds": 12.0,
           "stages": {"dbt build": 7.0}, "cpu_stages": {"dbt build": 9.0}, "published_bytes": size * 150,
           "dbt_node_seconds": nodes}  # fmt: skip
    incremental = {"warm_article_seconds": 8.0, "warm_article_cpu_seconds": 10.0, "runs": [run], "size": size}
    machine = "x86_64, 2 cores"
    return {"date": date, "machine": machine, "result": bench.kept(result), "incremental": bench.kept(incremental),
            "loads": [0.5, 1.5]}  # fmt: skip


def test_a_size_measured_again_replaces_its_rows_and_keeps_the_other_sizes(tmp_path):
    store = tmp_path / "measured.json"
    bench.merge_measured(
        {1_000: measured(1_000, 20.0, "2026-01-01 10:00"), 10_000: measured(10_000, 30.0, "2026-01-01 11:00")}, store
    )
    merged = bench.merge_measured({1_000: measured(1_000, 25.0, "2026-02-02 10:00")}, store)
    text = bench.results_text(merged)
    assert "| 1,000 | 25.0 |" in text and "| 1,000 | 20.0 |" not in text
    assert "| 10,000 | 30.0 |" in text
    assert "- 1,000 figures: 2026-02-02 10:00" in text and "- 10,000 figures: 2026-01-01 11:00" in text
    # the kept figures carry no paths and the node seconds only as their summary
    assert "project" not in merged["1000"]["result"] and "dbt_node_seconds" not in merged["1000"]["result"]
    assert merged["1000"]["incremental"]["runs"][0]["dbt_profile"]["nodes"] == 2


def test_the_notes_below_the_tables_are_kept_and_a_file_without_the_marker_is_kept_whole(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark\n\nan earlier run's table\n", encoding="utf-8")
    bench.write_results("first tables", results)
    first = results.read_text(encoding="utf-8")
    assert "first tables" in first and "an earlier run's table" in first.split(bench.NOTES_MARKER)[1]
    results.write_text(first + "\n## A reader's note\n\nwhat the run showed\n", encoding="utf-8")
    bench.write_results("second tables", results)
    second = results.read_text(encoding="utf-8")
    tables, notes = second.split(bench.NOTES_MARKER)
    assert "second tables" in tables and "first tables" not in second
    assert "an earlier run's table" in notes and "what the run showed" in notes
