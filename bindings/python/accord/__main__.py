"""``python3 -m accord``: the accord command line, from Python.

The command line is one program, ``accord`` (src/cli/), and this module runs *that program* with
the same arguments, so every subcommand, flag, table, JSON object, exit status and error message
is the CLI's own (docs/cli.md) rather than a second implementation that could drift. The binary
is looked for, in order: ``$ACCORD_CLI``; ``accord`` next to this package (``accord/bin/accord``,
where a wheel built from a checkout ships it); the build tree of a source checkout (build*/accord);
then ``accord`` on PATH.

When no binary is found, a small subset runs through the C API instead, with the same JSON as
the CLI (it comes from the same library): ``run METHOD FILE [--format F] [--option K=V]...
[--options JSON] [--json]``, ``methods [--json]``, ``power --quota Q --weights W,... [--json]`` and
``--version``. Anything else exits with status 2 and says the binary is needed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

__all__ = ["find_cli", "main"]


def find_cli() -> str | None:
    """Path of the ``accord`` executable this module runs, or None (see the module docstring)."""
    env = os.environ.get("ACCORD_CLI")
    if env:
        return env
    here = Path(__file__).resolve().parent
    candidates = [here / "bin" / "accord"]
    root = here.parent.parent.parent  # bindings/python/accord -> repository root
    candidates += [b / "accord" for b in sorted(root.glob("build*"))]
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return str(c)
    found = shutil.which("accord")
    # The wheel's `accord` console script is itself on PATH: a script (not the native program)
    # would run this module again, for ever.
    if found:
        with open(found, "rb") as f:
            if f.read(2) == b"#!":
                return None
    return found


def _options(pairs: list[str], text: str | None) -> dict[str, Any]:
    options: dict[str, Any] = json.loads(text) if text else {}
    for kv in pairs:
        key, _, value = kv.partition("=")
        try:
            options[key] = json.loads(value)
        except json.JSONDecodeError:
            options[key] = value
    return options


def _fallback(argv: list[str]) -> int:
    """The subset that runs through the C API when no ``accord`` binary is found."""
    from . import AccordError, Profile, __version__, methods, methods_info, power, run, version  # noqa: PLC0415

    parser = argparse.ArgumentParser(prog="python3 -m accord", description=(
        "accord through the C API (no accord binary found: only run, methods and power)."))
    parser.add_argument("--version", action="store_true", help="print the versions")
    sub = parser.add_subparsers(dest="command")
    r = sub.add_parser("run", help="count a ballot file")
    r.add_argument("method")
    r.add_argument("file")
    r.add_argument("--format", default="auto")
    r.add_argument("--option", action="append", default=[], metavar="KEY=VALUE")
    r.add_argument("--options", metavar="JSON")
    r.add_argument("--json", action="store_true")
    m = sub.add_parser("methods", help="list methods")
    m.add_argument("--json", action="store_true")
    pw = sub.add_parser("power", help="power indices of [quota; weights]")
    pw.add_argument("--quota", type=int, required=True)
    pw.add_argument("--weights", required=True)
    pw.add_argument("--json", action="store_true")
    if argv and not argv[0].startswith("-") and argv[0] not in ("run", "methods", "power"):
        rest = argv
    else:
        try:
            args, rest = parser.parse_known_args(argv)
        except SystemExit as exc:  # argparse's own usage errors and --help
            return int(exc.code or 0)
    if rest:
        print(f"accord: error: {' '.join(rest)}: not available without the accord binary "
              "(set ACCORD_CLI or build it: scripts/setup.sh)", file=sys.stderr)
        return 2
    if args.version:
        print(f"accord {version()} (Python package {__version__}, through the C API)")
        return 0
    try:
        if args.command == "methods":
            if args.json:
                print(json.dumps(methods_info(), separators=(",", ":")))
                return 0
            ms = methods()
            for name, summary in ms.items():
                print(f"{name:22} {summary}")
            return 0
        if args.command == "run":
            result = run(Profile.from_file(args.file, format=args.format), args.method,
                         _options(args.option, args.options))
            if args.json:
                print(json.dumps(result.raw, separators=(",", ":")))
            else:
                print("winners:", ", ".join(result.winners) or "(none)")
                for place, tier in enumerate(result.ranking, start=1):
                    print(f"  {place}. {' = '.join(tier)}")
            return 0
        if args.command == "power":
            p = power(args.quota, [int(w) for w in args.weights.split(",")], indices="all")
            if args.json:
                print(p.to_json())
            else:
                for i, name in enumerate(p.players):
                    print(f"{name:8} " + "  ".join(f"{k} {p[k][i]:.4f}" for k in p.indices()))
            return 0
    except AccordError as exc:
        print(f"accord: error: {exc}", file=sys.stderr)
        return 1
    parser.print_help()
    return 2


def main(argv: list[str] | None = None) -> int:
    """Runs the accord command line with ``argv`` (default: sys.argv[1:]); returns its exit
    status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    cli = find_cli()
    if cli is None:
        return _fallback(argv)
    try:
        return subprocess.call([cli, *argv])
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
