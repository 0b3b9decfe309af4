#!/usr/bin/env python3
"""Independent reference for `days` and `days_n` (issue 11): the mean processing time over summed counts.

Reads datasets/outcomes/YEAR.csv directly (not through dkq). For each group (municipality code or paragraph
code) prints
    group,days,days_n,tie
where days_n = Σ decided over rows whose days is known, days = Σ(days × decided) / days_n as an exact
fractions.Fraction (the file's days are decimal text), rounded half away from zero to one decimal, and tie = 1
when the exact mean lies exactly halfway between two one-decimal values (x.x5), else 0.
Tests/QueryTests/DaysTests.swift runs it and compares dkq's figures.
Run: python3 Tests/Reference/days_reference.py YEAR|FILE.csv municipality|paragraph
"""
import csv
import os
import sys
from fractions import Fraction

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets")


def main():
    year, by = sys.argv[1], sys.argv[2]
    sums = {}
    path = year if year.endswith(".csv") else os.path.join(ROOT, "outcomes", f"{year}.csv")
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(line for line in f if not line.startswith("#")):
            decided = sum(int(r[k]) for k in ("upheld", "changed", "remanded", "dismissed"))
            if r["days"] == "" or decided == 0:
                continue
            total, weight = sums.get(r[by], (Fraction(0), 0))
            sums[r[by]] = (total + Fraction(r["days"]) * decided, weight + decided)
    for group in sorted(sums, key=lambda g: [int(x) for x in g.split(".")]):
        total, weight = sums[group]
        tenths = total / weight * 10
        rounded = int(tenths + Fraction(1, 2))  # half away from zero (all values are positive)
        tie = 1 if tenths - int(tenths) == Fraction(1, 2) else 0
        print(f"{group},{rounded // 10}.{rounded % 10},{weight},{tie}")


if __name__ == "__main__":
    main()
