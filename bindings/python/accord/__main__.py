"""python3 -m accord: a small command line over the bindings (the full CLI is `accord`)."""
from __future__ import annotations

import argparse
import json
import sys

from . import AccordError, Profile, __version__, methods, run, version


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m accord", description="Count ballot files with accord.")
    parser.add_argument("--version", action="store_true", help="print the package and library versions")
    sub = parser.add_subparsers(dest="command")
    r = sub.add_parser("run", help="count a ballot file")
    r.add_argument("method")
    r.add_argument("file")
    r.add_argument("--format", default="auto")
    r.add_argument("--option", action="append", default=[], metavar="KEY=VALUE")
    r.add_argument("--json", action="store_true")
    sub.add_parser("methods", help="list methods")
    args = parser.parse_args(argv)
    if args.version:
        print(f"accord {__version__} (libaccord {version()})")
        return 0
    try:
        if args.command == "methods":
            for name, summary in methods().items():
                print(f"{name:14} {summary}")
            return 0
        if args.command == "run":
            options = {}
            for kv in args.option:
                key, _, value = kv.partition("=")
                try:
                    options[key] = json.loads(value)
                except json.JSONDecodeError:
                    options[key] = value
            result = run(Profile.from_file(args.file, format=args.format), args.method, options)
            if args.json:
                print(result.to_json())
            else:
                print("winners:", ", ".join(result.winners) or "(none)")
                for place, tier in enumerate(result.ranking, start=1):
                    print(f"  {place}. {' = '.join(tier)}")
            return 0
    except AccordError as exc:
        print(f"accord: error: {exc}", file=sys.stderr)
        return 1
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
