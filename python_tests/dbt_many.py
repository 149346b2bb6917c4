"""Several dbt commands in one process: `python dbt_many.py COMMANDS_JSON` runs each command (a list
of dbt arguments) through pipeline.dbt in turn, printing a marker line with its exit code after each.

On the Spark target each process starts its own JVM and parses the project; commands run here share
one JVM (dbt-spark's session is the process's SparkSession) and the parse of the first (test_spark.py).
"""

from __future__ import annotations

import json
import sys

from pipeline import dbt

MARKER = "=== dbt_many: command {number} exited {code} ==="


def main(commands: list[list[str]]) -> int:
    for number, arguments in enumerate(commands):
        code = dbt.main(arguments)
        sys.stdout.flush()
        print(MARKER.format(number=number, code=code), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(json.loads(sys.argv[1])))
