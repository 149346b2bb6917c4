"""Time of `python -m pipeline check` on the article, in a copy of the project (its seeds are edited).

    python -m lab.check_timing [--runs 5] [--project DIR]   (DIR: another checkout to time, say main's)

Five cases, RUNS runs each, the median printed (with the load average when measured):
- warm: nothing changed since the last check (the SQL dbt compiled for it is reused);
- seed edited: a seed the models read changed before each run (a note of curated_entity_aliases.csv),
  which the compiled SQL reads when it runs, so it is still reused;
- vocabulary edited: a vocabulary seed changed before each run (a note of
  vocabulary_value_words.csv), which the grammar macros read while compiling: check goes through
  dbt again (parse, compile) and saves the new compiled SQL;
- macro edited: a comment appended to a grammar macro file (macros/grammar/vocabulary.sql) before
  each run, between its macros: through dbt again (parse, compile), no node parsed again, since no
  macro's text changed (pipeline/partial_parse.py);
- macro body edited: a comment written inside the first macro of that file (vocabulary_rows, which
  every grammar model reaches): through dbt again, and every node that reaches the macro is parsed
  again.
Each case prints the median wall time and the median CPU seconds (user + system) of the check
process, the figure to compare on a machine shared with other work.
Prints figures only: nothing here passes or fails on a time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from lab.projects import copy_project, load_average, timed_run
from pipeline import settings

ARTICLE_SEED = Path("seeds/curated/curated_entity_aliases.csv")
VOCABULARY_SEED = Path("seeds/vocabulary/vocabulary_value_words.csv")
GRAMMAR_MACRO = Path("macros/grammar/vocabulary.sql")


def edit(path: Path, run: int, inside_a_macro: bool = False) -> None:
    """Change the last field (a note) of the file's first row with no quoted field, or append a
    comment to a macro file (`inside_a_macro`: write it before the file's first endmacro): its
    content differs on every run."""
    if inside_a_macro:
        text = path.read_text(encoding="utf-8")
        end = text.index("{%- endmacro")
        path.write_text(text[:end] + f"{{#- timing run {run} -#}}" + text[end:], encoding="utf-8")
        return
    if path.suffix == ".sql":
        path.write_text(path.read_text(encoding="utf-8") + f"{{# timing run {run} #}}\n", encoding="utf-8")
        return
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(number for number, line in enumerate(lines[1:], start=1) if '"' not in line)
    lines[number] = lines[number].rstrip("\n").rsplit(",", 1)[0] + f",timing run {run}\n"
    path.write_text("".join(lines), encoding="utf-8")


def one_check(project: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and the last line of one check."""
    check = timed_run([sys.executable, "-m", "pipeline", "check"], project)
    last = (check.completed.stdout.strip().splitlines() or ["(no output)"])[-1]
    return check.seconds, check.cpu_seconds, last


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab.check_timing", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--project", type=Path, default=settings.ROOT, help="checkout to time (default: this one)")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="check_timing_") as folder:
        project = copy_project(Path(folder) / "project", arguments.project.resolve())
        print(f"check of a copy of {arguments.project.resolve()}", flush=True)
        print(f"first check of a copy (through dbt): {one_check(project)[0]:.1f} s", flush=True)
        cases = {
            "warm": None,
            "seed edited": ARTICLE_SEED,
            "vocabulary edited": VOCABULARY_SEED,
            "macro edited": GRAMMAR_MACRO,
            "macro body edited": GRAMMAR_MACRO,
        }
        for case, seed in cases.items():
            seconds: list[float] = []
            cpu: list[float] = []
            how = ""
            for run in range(arguments.runs):
                if seed is not None:
                    edit(project / seed, run, inside_a_macro=case == "macro body edited")
                took, used, how = one_check(project)
                seconds.append(took)
                cpu.append(used)
            print(
                f"{case:18} median {statistics.median(seconds):5.1f} s of {arguments.runs} "
                f"(min {min(seconds):.1f}, max {max(seconds):.1f}), CPU {statistics.median(cpu):5.1f} s; "
                f"load average {load_average()}; last said: {how}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
