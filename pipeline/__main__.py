"""Command line: `python -m pipeline build`, `python -m pipeline rollback`, and the reports."""

from __future__ import annotations

import argparse
import logging
import multiprocessing.util
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "build",
        help="check seeds, build and test into a candidate, then publish "
        "(build --help: --incremental, --landing, --threads, --wait)",
        add_help=False,
    )
    commands.add_parser(
        "rollback",
        help="publish the previous warehouse and its exports again (a second rollback returns to the newer one)",
    )
    commands.add_parser("check", help="list every problem of the seeds and documents at once, as file:line")
    commands.add_parser(
        "draft", help="draft figure rows for a registered document (draft DOCUMENT --output CSV)", add_help=False
    )
    commands.add_parser("claims", help="print the claims the figures contradict, and conflicting figures")
    commands.add_parser("docs", help="build dbt's docs as one static HTML file under build/docs")
    commands.add_parser("dashboard", help="build the static HTML dashboard under build/dashboard")
    commands.add_parser(
        "currency-columns",
        help="rewrite the model YAML's columns of each reporting currency from vars.reporting_currencies",
    )
    arguments, rest = parser.parse_known_args(argv)
    # each command imports only its own modules: `check` runs without the build's (pyarrow, the
    # exports), a few tenths of a second of every check
    if arguments.command in ("build", "rollback"):
        from pipeline import build

        return build.main(rest) if arguments.command == "build" else build.rollback_main(rest)
    if arguments.command == "draft":
        from pipeline import draft

        return draft.main(rest)
    if arguments.command == "check":
        from pipeline import check

        return check.main(rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if arguments.command == "claims":
        from reports import claims

        return claims.main()
    if arguments.command == "docs":
        from reports import docs_site

        return docs_site.main()
    if arguments.command == "dashboard":
        from reports import dashboard

        return dashboard.main()
    if arguments.command == "currency-columns":
        from pipeline import currency_columns

        for path in currency_columns.write():
            print(f"rewrote the currency columns of {path}")
        return 0
    return 2


if __name__ == "__main__":
    status = main()
    # Leave without the interpreter's teardown: freeing dbt's parsed project object by object takes
    # a second or more after the work is done. Output and log files are flushed first.
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    # dbt's locks are semaphores of a spawn context: unlink them as the interpreter's exit would,
    # or the resource tracker warns of "leaked semaphore objects" after the build.
    multiprocessing.util._run_finalizers(0)  # noqa: SLF001
    os._exit(status)
