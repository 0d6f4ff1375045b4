#!/usr/bin/env python3
# Mechanical: drop the hand-written option-key list (the third field) of every registry entry in
# src/registry.cpp's table(); the keys are now learnt by probing each adapter (option_reader::probe).
# Re-runnable on a registry.cpp that gained entries in the old shape: entries whose third field
# is not a brace list are left alone. Run clang-format on the file afterwards.
#   scripts/strip-registry-options.py [src/registry.cpp]
import sys


def walk(text, i):
    """Yields (index, char, depth) from i, skipping string literals and // comments; stops at the
    bracket closing depth 0."""
    depth = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            i += 1
            while text[i] != '"':
                i += 2 if text[i] == '\\' else 1
        elif text.startswith('//', i):
            i = text.index('\n', i)
            continue
        elif c in '{([':
            depth += 1
        elif c in '})]':
            if depth == 0:
                yield i, c, -1
                return
            depth -= 1
        yield i, c, depth
        i += 1


def close_of(text, i):
    return next(k for k, _, d in walk(text, i) if d < 0)


def fields_of(entry):
    out, last = [], 0
    for k, c, d in walk(entry + '}', 0):
        if d < 0:
            break
        if c == ',' and d == 0:
            out.append(entry[last:k])
            last = k + 1
    out.append(entry[last:])
    return out


path = sys.argv[1] if len(sys.argv) > 1 else 'src/registry.cpp'
s = open(path).read()
head = 'std::vector<method_entry> v{'
start = s.index(head) + len(head)
end = close_of(s, start)
body, out, i, n = s[start:end], [], 0, 0
while i < len(body):
    if body[i] != '{':
        out.append(body[i])
        i += 1
        continue
    j = close_of(body, i + 1)
    fields = fields_of(body[i + 1:j])
    if len(fields) >= 4 and fields[2].strip().startswith('{'):
        del fields[2]
        n += 1
    out.append('{' + ','.join(fields) + '}')
    i = j + 1
open(path, 'w').write(s[:start] + ''.join(out) + s[end:])
print(n, 'entries converted', file=sys.stderr)
