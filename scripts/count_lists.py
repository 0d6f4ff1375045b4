#!/usr/bin/env python3
"""Lists the files that spell an extensible set out as a list (a line naming three or more of
its members): the places an addition would have to update by hand (docs/architecture.md,
"How to add a rule, a format, a scheme or an index").

    python3 scripts/count_lists.py [REV]     # REV: a commit; default the working tree
"""
import re
import subprocess
import sys

SETS = {
    "format": ["blt", "debian", "cdf", "xlsx", "preflib", "soc", "toc", "soi", "toi"],
    "scheme": ["capped", "banded", "group-equal", "blend", "sqrt", "penrose"],
    "index": ["holler", "deegan", "johnston", "coleman", "shapley", "banzhaf_owen"],
}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, errors="replace").stdout


def main() -> None:
    rev = sys.argv[1] if len(sys.argv) > 1 else None
    names = git("ls-tree", "-r", "--name-only", rev).split() if rev else git("ls-files", "-co", "--exclude-standard").split()
    names = [f for f in names if re.match(r"(src|include|bindings|tests|fuzz|docs|scripts)/", f)
             and re.search(r"\.(cpp|hpp|h|c|py|md|sh|cmake|txt)$", f) and "/data/" not in f and f != "scripts/count_lists.py"]
    texts = {f: git("show", f"{rev}:{f}") if rev else open(f, errors="replace").read() for f in names}
    for name, words in SETS.items():
        hits = {}
        for f, text in texts.items():
            for line in text.lower().splitlines():
                found = {w for w in words if re.search(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])", line)}
                if len(found) >= 3:
                    hits[f] = hits.get(f, 0) + 1
        print(f"{name}: {len(hits)} files list it")
        for f in sorted(hits):
            print(f"    {f} ({hits[f]} lines)")


if __name__ == "__main__":
    main()
