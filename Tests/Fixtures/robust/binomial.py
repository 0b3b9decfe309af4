# Reference binomial tails from scipy (independent of dkq's code); writes binomial.csv,
# which StatisticsTailTests compares Statistics.binomialTail against.
import csv, os
from scipy.stats import binom

cases = [
    (0, 10, 0.3), (3, 10, 0.3), (9, 10, 0.3), (5, 50, 0.37), (18, 50, 0.37), (30, 50, 0.37),
    (120, 400, 0.35), (140, 400, 0.35), (160, 400, 0.35), (1, 1000, 0.001), (0, 1000, 0.2),
    (3500, 10000, 0.36), (3600, 10000, 0.36), (3700, 10000, 0.36),
    (699_990_000, 2_000_000_000, 0.35), (700_000_000, 2_000_000_000, 0.35), (700_050_000, 2_000_000_000, 0.35),
    (1_000_000_000, 2_000_000_000, 0.35), (100, 2_000_000_000, 0.35), (1_999_999_000, 2_000_000_000, 0.35),
]
with open(os.path.join(os.path.dirname(__file__), "binomial.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["k", "n", "p", "at_most", "at_least"])
    for k, n, p in cases:
        w.writerow([k, n, p, repr(float(binom.cdf(k, n, p))), repr(float(binom.sf(k - 1, n, p)))])
