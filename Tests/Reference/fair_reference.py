#!/usr/bin/env python3
"""Independent reference values for dkq's fair comparisons (issue 10).

Reads the shipped outcome files directly (not through dkq) and computes, with
numpy/scipy, every figure Tests/QueryTests/FairStatisticsTests.swift checks:
Spiegelhalter's overdispersion (phi, tau) and flag counts, Benjamini-Hochberg,
the maximum-likelihood beta-binomial prior and posterior intervals, the
two-proportion test, expected reversals and Byar's interval, and plain
distribution values. Run: python3 Tests/Reference/fair_reference.py
"""
import csv
import math
import os
from collections import defaultdict

import numpy as np
from scipy import optimize, special, stats

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets")


def outcomes(year):
    """(municipality code, paragraph) -> [upheld, changed, remanded] summed over quarters."""
    rows = defaultdict(lambda: [0, 0, 0])
    with open(os.path.join(ROOT, "outcomes", f"{year}.csv"), encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    for r in csv.DictReader(lines):
        cell = rows[(int(r["municipality"]), r["paragraph"])]
        cell[0] += int(r["upheld"]); cell[1] += int(r["changed"]); cell[2] += int(r["remanded"])
    return rows


def municipality_names():
    with open(os.path.join(ROOT, "municipalities.csv"), encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return {int(r["code"]): r["name"] for r in csv.DictReader(lines)}


def by_municipality(rows):
    """code -> (reversed, cases)."""
    totals = defaultdict(lambda: [0, 0])
    for (m, _), (u, c, r) in rows.items():
        totals[m][0] += c + r; totals[m][1] += u + c + r
    return {m: tuple(v) for m, v in totals.items()}


def spiegelhalter(k, n, p0):
    """phi, tau2 and per-unit two-sided p-values (statistics.md; FunnelPlotR's additive method)."""
    k, n = np.asarray(k, float), np.asarray(n, float)
    y = np.arcsin(np.sqrt(k / n)); theta = math.asin(math.sqrt(p0)); s = 1 / (2 * np.sqrt(n))
    z = (y - theta) / s
    lo, hi = np.quantile(z, [0.1, 0.9])  # numpy's default = R type 7
    zw = np.clip(z, lo, hi)
    I = len(z); phi = float(np.mean(zw ** 2))
    w = 1 / s ** 2
    tau2 = max(0.0, (I * phi - (I - 1)) / (w.sum() - (w ** 2).sum() / w.sum()))
    p = 2 * stats.norm.sf(np.abs(y - theta) / np.sqrt(s ** 2 + tau2))
    return phi, tau2, p


def exact_p(k, n, p0):
    return np.array([min(1.0, 2 * min(stats.binom.sf(ki - 1, ni, p0), stats.binom.cdf(ki, ni, p0))) for ki, ni in zip(k, n)])


def bh(p):
    p = np.asarray(p); m = len(p); order = np.argsort(p)
    q = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    out = np.empty(m); out[order] = np.minimum(q, 1); return out


def betabinom_ml(k, n):
    """Maximum-likelihood Beta(alpha, beta) for the beta-binomial (scipy's betabinom)."""
    k, n = np.asarray(k), np.asarray(n)
    def nll(x):
        m = special.expit(x[0]); s = math.exp(x[1])
        return -stats.betabinom.logpmf(k, n, m * s, (1 - m) * s).sum()
    mean = k.sum() / n.sum()
    res = optimize.minimize(nll, [math.log(mean / (1 - mean)), math.log(50)], method="Nelder-Mead",
                            options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 20000})
    m = special.expit(res.x[0]); s = math.exp(res.x[1])
    return m * s, (1 - m) * s


def two_proportion_p(k1, n1, k2, n2):
    p = (k1 + k2) / (n1 + n2)
    z = (k2 / n2 - k1 / n1) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return z, 2 * stats.norm.sf(abs(z))


def byar(o, z=1.96):
    low = 0 if o == 0 else o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3
    high = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * math.sqrt(o + 1))) ** 3
    return low, high


def main():
    names = municipality_names()
    rows22, rows21 = outcomes(2022), outcomes(2021)
    m22 = by_municipality(rows22)
    codes = sorted(m22)
    k = np.array([m22[c][0] for c in codes]); n = np.array([m22[c][1] for c in codes])
    p0 = k.sum() / n.sum()
    print(f"2022 national rate {p0:.6f} ({k.sum()}/{n.sum()}), {len(codes)} municipalities")

    phi, tau2, p = spiegelhalter(k, n, p0)
    print(f"Spiegelhalter: phi = {phi:.6f}, tau2 = {tau2:.8f}, tau = {math.sqrt(tau2):.6f}")
    print(f"  flagged (adjusted, arcsine alone): 95 % {int((p < 0.05).sum())}, 99.8 % {int((p < 0.002).sum())}")
    pe = exact_p(k, n, p0)
    pm = np.maximum(p, pe)  # dkq: the adjusted verdict is never stronger than the exact binomial one
    print(f"  flagged (adjusted, dkq = max(adjusted, exact)): 95 % {int((pm < 0.05).sum())}, 99.8 % {int((pm < 0.002).sum())}")
    print(f"  flagged (exact binomial): 95 % {int((pe < 0.05).sum())}, 99.8 % {int((pe < 0.002).sum())}")
    q = bh(pm)
    print(f"  flagged (adjusted, BH): 95 % {int((q <= 0.05).sum())}, 99.8 % {int((q <= 0.002).sum())}")
    aalborg = codes.index(851)
    print(f"  Aalborg {k[aalborg]}/{n[aalborg]}: adjusted p = {p[aalborg]:.8f}, exact p = {pe[aalborg]:.8e}")

    a, b = betabinom_ml(k, n)
    print(f"beta-binomial ML prior: alpha = {a:.6f}, beta = {b:.6f}")
    for code in (101, 825, 851, 563):
        kk, nn = m22[code]
        post = stats.beta(a + kk, b + nn - kk)
        print(f"  {names[code]} {kk}/{nn}: shrunk {100 * (a + kk) / (a + b + nn):.6f} %, "
              f"95 % {100 * post.ppf(0.025):.6f}–{100 * post.ppf(0.975):.6f} %")

    m21 = by_municipality(rows21)
    for code in (751, 101):
        (k1, n1), (k2, n2) = m21[code], m22[code]
        z, pv = two_proportion_p(k1, n1, k2, n2)
        print(f"change {names[code]} 2021 {k1}/{n1} -> 2022 {k2}/{n2}: {100 * (k2 / n2 - k1 / n1):.4f} pp, z = {z:.6f}, p = {pv:.8f}")

    # Indirect standardisation, Aarhus 2022: national paragraph rates over all municipalities.
    para = defaultdict(lambda: [0, 0])
    for (_, pg), (u, c, r) in rows22.items():
        para[pg][0] += c + r; para[pg][1] += u + c + r
    for code in (751, 101):
        o = sum(c + r for (m, _), (u, c, r) in rows22.items() if m == code)
        e = sum((u + c + r) * para[pg][0] / para[pg][1] for (m, pg), (u, c, r) in rows22.items() if m == code and para[pg][1] > 0)
        lo, hi = byar(o)
        plo, phi_ = stats.chi2.ppf(0.025, 2 * o) / 2, stats.chi2.ppf(0.975, 2 * o + 2) / 2
        print(f"standardised {names[code]} 2022: O = {o}, E = {e:.6f}, O/E = {o / e:.6f}, Byar {lo / e:.6f}–{hi / e:.6f}"
              f" (exact Poisson {plo / e:.6f}–{phi_ / e:.6f})")

    print("fixed vectors:")
    print(f"  Phi(1.2345) = {stats.norm.cdf(1.2345):.12f}; two-sided p(2.5) = {2 * stats.norm.sf(2.5):.12f}")
    for x, aa, bb in [(0.3, 2.5, 7.0), (0.9, 0.5, 0.5), (0.15, 30.0, 200.0), (0.5, 1000.0, 1000.0)]:
        print(f"  I_{x}({aa}, {bb}) = {special.betainc(aa, bb, x):.12f}")
    for qq, aa, bb in [(0.025, 12.0, 30.0), (0.975, 12.0, 30.0), (0.5, 0.7, 3.0)]:
        print(f"  beta.ppf({qq}; {aa}, {bb}) = {stats.beta.ppf(qq, aa, bb):.12f}")
    print(f"  quantile type 7 of [3,1,4,1,5,9,2,6] at 0.1, 0.9 = {np.quantile([3,1,4,1,5,9,2,6], [0.1, 0.9])}")
    print(f"  BH of [0.01, 0.04, 0.03, 0.20, 0.001] = {bh([0.01, 0.04, 0.03, 0.20, 0.001])}")
    kk = [3, 10, 0, 25, 7, 12]; nn = [10, 40, 5, 60, 30, 25]
    ph, t2, pp = spiegelhalter(kk, nn, 0.3)
    print(f"  Spiegelhalter k={kk} n={nn} p0=0.3: phi = {ph:.10f}, tau2 = {t2:.10f}, p = {np.array2string(pp, precision=10)}")
    print(f"  exact p(12 of 25 vs 0.3) = {exact_p([12], [25], 0.3)[0]:.12f}")
    a6, b6 = betabinom_ml(kk, nn)
    print(f"  beta-binomial ML of those: alpha = {a6:.8f}, beta = {b6:.8f}")
    print(f"  two-proportion 30/100 -> 45/110: z, p = {two_proportion_p(30, 100, 45, 110)}")
    print(f"  Byar 0: {byar(0)}; 7: {byar(7)}; 150: {byar(150)}")


if __name__ == "__main__":
    main()
