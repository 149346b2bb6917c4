"""Command line: `python -m pipeline build`."""

from __future__ import annotations

import argparse
import sys

from pipeline import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="check seeds, build and test into a candidate, then publish")
    arguments = parser.parse_args(argv)
    if arguments.command == "build":
        return build.main()
    return 2


if __name__ == "__main__":
    sys.exit(main())
