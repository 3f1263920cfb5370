#!/usr/bin/env python3
"""Writes mmrare-test-support/testdata/list-cells.jsonl: cell texts and the list the MMRareBench
reference makes of each (a JSON list as is, another JSON value as a one-element list of its str(),
other text split on ';' with pieces stripped and empty pieces dropped), from Python 3.11's json.loads.
Cells are seeded concatenations of pieces chosen to reach json.loads' edges: text after the value,
trailing commas, escapes, control characters, non-numeric numbers, Unicode spaces.
Run: python3 tools/pyvectors/listcells.py > mmrare-test-support/testdata/list-cells.jsonl"""
import json
import random
import sys

rnd = random.Random(20261127)
PIECES = ['[', ']', '"', '"', ',', ' ', '\t', '\n', '\r', 'a', 'b c', ';', '\\', '\\"', '\\n', '\\u00e9',
          '\\ud800', '1', '-1', '01', '1e5', '1.5', '{', '}', ':', '\u00e9', '\u00a0', '\u2028', '\u0001', 'x',
          'NaN', 'Infinity', '-Infinity', '+Infinity', 'INF', '-INF', 'nan', 'true', 'null', 'None', "'a'",
          '["a", "b"]', '{"claim": "c"}', '[1, [2, "x"]]']


def as_list(text):
    if text == '':
        return []
    try:
        value = json.loads(text)
    except ValueError:
        return [p.strip() for p in text.split(';') if p.strip()]
    if isinstance(value, list):
        return [str(x) for x in value]
    return [str(value)]


ELEMENTS = ['"a"', '"b c"', '""', '"\\""', '"\\u00e9"', '"\u00e9"', '"a;b"', '1', '-0.5', '1e400', 'NaN',
            'Infinity', 'true', 'null', '[]', '["x"]', '{"claim": "c"}', '{}', '"\u00a0"', '"\t"', '"\\\\"']
SPACES = ['', '', ' ', '\t', '\n', '\r\n', '\u00a0']


def structured():
    """A JSON list (or near one): elements, spaces, and now and then one piece inserted."""
    items = [rnd.choice(ELEMENTS) for _ in range(rnd.randint(0, 4))]
    text = rnd.choice(SPACES) + '[' + ','.join(rnd.choice(SPACES) + e + rnd.choice(SPACES) for e in items) + ']' \
        + rnd.choice(SPACES)
    if rnd.random() < 0.4:
        at = rnd.randint(0, len(text))
        text = text[:at] + rnd.choice(PIECES) + text[at:]
    return text


seen = set()
while len(seen) < 4000:
    if rnd.random() < 0.6:
        cell = structured()
    else:
        cell = ''.join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 10)))
    if cell in seen:
        continue
    seen.add(cell)
    sys.stdout.write(json.dumps({"cell": cell, "list": as_list(cell)}) + "\n")
