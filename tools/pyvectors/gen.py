#!/usr/bin/env python3
"""Writes mmrare-test-support/testdata/py-values.jsonl: JSON list cells and what the MMRareBench
reference makes of them, [str(x) for x in json.loads(text)] (Python 3.11, as the reference runs).
Run with any CPython 3.11: python3 tools/pyvectors/gen.py > mmrare-test-support/testdata/py-values.jsonl
The values are seeded, so the file is reproducible."""
import json
import math
import random
import struct
import sys

rnd = random.Random(20261127)
cases = []

def add(values):
    text = json.dumps(values, allow_nan=True)
    cases.append({"json": text, "str": [str(x) for x in json.loads(text)]})

# doubles of every magnitude, from random bit patterns (finite ones)
for _ in range(1500):
    while True:
        bits = rnd.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if math.isfinite(x):
            break
    add([x])
# around the positional/exponent boundaries and short decimals
for e in range(-8, 20):
    for m in (1, 1.5, 9.999, 123, 0.5):
        add([m * 10.0 ** e])
for _ in range(300):
    add([round(rnd.uniform(-1e6, 1e6), rnd.randint(0, 8))])
# one-digit shortest forms across the whole range, subnormals included (Java's toString may
# print these with two digits: 4.9E-324 for 5e-324)
for e in range(-324, 309, 3):
    for dgt in (1, 2, 5, 9):
        x = float(f"{dgt}e{e}")
        if math.isfinite(x) and x != 0:
            add([x])
for k in range(1, 40):
    add([k * 5e-324])
# integers beyond 64 bits, booleans, None, nested containers, strings needing escapes
add([2 ** 64 + 1, -(2 ** 70), 0, -1])
add([True, False, None])
add([[1.0, "a", None], {"k": 1e-05, "n": [True]}])
add([{"claim": "it's \"x\"", "n": 2}])
add(["tab\tnl\nnul\x00del\x7f", "nbsp\u00a0x", "line\u2028sep", "zero\u200bwidth", "emoji \U0001F600"])
add([["a'b"], ["a\"b"], ["a'b\"c"], ["back\\slash"]])
for line in cases:
    sys.stdout.write(json.dumps(line) + "\n")
