#!/usr/bin/env python3
"""Independent reference values for reversed_per_1000_decisions and complaints_per_1000_decisions (issue 11).

Reads the shipped files directly (not through dkq): datasets/outcomes/YEAR.csv, datasets/paragraphs.csv
(which paragraphs belong to an area), datasets/municipalities.csv and a decisions file
(kommune;år;område;afgørelser[;bevillinger]). For every (area, municipality) of the decisions file, and for
the total over all its municipalities per area, prints
    area,municipality code,reversed,decided,decisions,reversed_per_1000_decisions,complaints_per_1000_decisions
with the ratios computed exactly (fractions.Fraction) from summed counts and rounded half away from zero to
one decimal. Tests/QueryTests/DecisionsTests.swift runs it and compares dkq's figures.
Run: python3 Tests/Reference/decisions_reference.py [decisions.csv]
"""
import csv
import os
import sys
from fractions import Fraction

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets")


def table(path, delimiter=","):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter=delimiter))


def half_up(x, decimals=1):
    scaled = abs(x) * 10**decimals
    n = int(scaled + Fraction(1, 2))
    sign = "-" if x < 0 else ""
    return f"{sign}{n // 10**decimals}.{n % 10**decimals:0{decimals}d}"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "decisions", "kl12_synthetic_2021.csv")
    codes = {}
    for r in table(os.path.join(ROOT, "municipalities.csv")):
        for name in (r["name"], r["ast_name"], r["full_name"], r["code"]):
            codes[name] = int(r["code"])
    areas = {r["code"]: r["areas"].split(";") for r in table(os.path.join(ROOT, "paragraphs.csv"))}
    decisions = {}
    for r in table(path, delimiter=";"):
        decisions[(r["område"], int(r["år"]), codes[r["kommune"]])] = int(r["afgørelser"])
    counts = {}
    for year in sorted({y for _, y, _ in decisions}):
        for r in table(os.path.join(ROOT, "outcomes", f"{year}.csv")):
            for area in areas[r["paragraph"]]:
                key = (area, year, int(r["municipality"]))
                reversed_, decided = counts.get(key, (0, 0))
                counts[key] = (reversed_ + int(r["changed"]) + int(r["remanded"]),
                               decided + int(r["upheld"]) + int(r["changed"]) + int(r["remanded"]) + int(r["dismissed"]))

    def line(area, label, keys):
        reversed_ = sum(counts.get(k, (0, 0))[0] for k in keys)
        decided = sum(counts.get(k, (0, 0))[1] for k in keys)
        total = sum(decisions[k] for k in keys)
        print(f"{area},{label},{reversed_},{decided},{total},"
              f"{half_up(Fraction(1000 * reversed_, total))},{half_up(Fraction(1000 * decided, total))}")

    for area in sorted({a for a, _, _ in decisions}):
        keys = sorted(k for k in decisions if k[0] == area)
        for key in keys:
            line(area, key[2], [key])
        line(area, "all", keys)


if __name__ == "__main__":
    main()
