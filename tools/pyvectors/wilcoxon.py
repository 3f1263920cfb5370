#!/usr/bin/env python3
"""Writes mmrare-test-support/testdata/wilcoxon.jsonl: paired score vectors shaped like MMRareBench
item scores (ties, zeros, n from 1 to 120) and scipy.stats.wilcoxon(a, b) with its defaults
(zero_method='wilcox', correction=False, method='auto': exact up to n = 50 without zeros), as
Debian's python3-scipy 1.10.1 computes it. Seeded, so the file is reproducible:
/usr/bin/python3 tools/pyvectors/wilcoxon.py > mmrare-test-support/testdata/wilcoxon.jsonl"""
import json
import sys
import warnings

import numpy as np
import scipy
from scipy import stats

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261127)
grids = {
    "cascade": np.array([0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    "t1": np.array([0, 0.1, 0.2, 0.6, 0.8, 1.0]),
    "exam": np.arange(17) / 16,
    "binary": np.array([0.0, 1.0]),
}
out = []
for rep in range(400):
    n = int(rng.choice([1, 2, 3, 5, 8, 12, 20, 30, 45, 50, 51, 60, 100, 120]))
    kind = rng.choice(["cascade", "t1", "exam", "binary", "continuous"])
    if kind == "continuous":
        a = rng.random(n)
        b = np.clip(a + rng.normal(0.05, 0.2, n), 0, 1) if rng.random() < 0.7 else rng.random(n)
    else:
        g = grids[kind]
        a = rng.choice(g, n)
        b = np.where(rng.random(n) < 0.4, a, rng.choice(g, n))
    a = [float(x) for x in a]
    b = [float(x) for x in b]
    d = np.array(a) - np.array(b)
    try:
        res = stats.wilcoxon(a, b)
        p = float(res.pvalue)
    except ValueError:
        p = None  # every difference zero: scipy refuses
    out.append({"a": a, "b": b, "p": None if p is None or np.isnan(p) else p})
sys.stdout.write("".join(json.dumps(o) + "\n" for o in out))
sys.stderr.write("scipy %s, %d vectors\n" % (scipy.__version__, len(out)))
