#!/usr/bin/env python3
# Mechanical: drop the hand-written option-key list (the third field) of every registry entry in
# src/registry.cpp's table(); the keys are now learnt by probing each adapter. Re-runnable on a
# registry.cpp that gained entries in the old shape: entries whose third field is not a brace
# list are left alone.
import re, sys
path = sys.argv[1] if len(sys.argv) > 1 else 'src/registry.cpp'
s = open(path).read()
start = s.index('std::vector<method_entry> v{') + len('std::vector<method_entry> v{')
# find matching close of v{
def scan(s, i, close):
    depth = 0
    while True:
        c = s[i]
        if c == '"':
            i += 1
            while s[i] != '"':
                if s[i] == '\\': i += 1
                i += 1
        elif c == '/' and s[i+1] == '/':
            i = s.index('\n', i)
        elif c in '{([':
            depth += 1
        elif c in '})]':
            if depth == 0: return i
            depth -= 1
        i += 1
end = scan(s, start, '}')
body = s[start:end]
out = []
i = 0
n = 0
while i < len(body):
    if body[i] == '{':
        j = scan(body, i + 1, '}')
        entry = body[i+1:j]
        # split top-level fields
        fields, k, last, depth = [], 0, 0, 0
        while k < len(entry):
            c = entry[k]
            if c == '"':
                k += 1
                while entry[k] != '"':
                    if entry[k] == '\\': k += 1
                    k += 1
            elif c == '/' and entry[k+1] == '/':
                k = entry.index('\n', k)
            elif c in '{([': depth += 1
            elif c in '})]': depth -= 1
            elif c == ',' and depth == 0:
                fields.append(entry[last:k]); last = k + 1
            k += 1
        fields.append(entry[last:])
        if len(fields) >= 4 and fields[2].strip().startswith('{'):
            del fields[2]
            n += 1
        out.append('{' + ','.join(fields) + '}')
        i = j + 1
    else:
        out.append(body[i]); i += 1
s = s[:start] + ''.join(out) + s[end:]
open(path, 'w').write(s)
print(n, 'entries converted', file=sys.stderr)
