#!/usr/bin/env python3
# Makes datasets/decisions/kl12_synthetic_2021.csv: SYNTHETIC total decisions for 12 municipalities in 2021,
# calibrated so that the synthetic demo's reversed cases / decisions = KL's sample (1.09 % children, 2.28 % adults).
# Run from the repository root: python3 datasets/decisions/make_kl12_demo.py  (deterministic; no randomness).
import csv
from fractions import Fraction

YEAR = 2021
# KL did not publish which 12 municipalities it sampled; these are dkq's choice, spanning the five regions.
CODES = [147, 151, 265, 370, 400, 461, 561, 630, 657, 751, 851, 860]
# KL, 12 municipalities, 4 weeks in autumn 2021 (shared/docs/domain.md): share of all decisions that ended reversed,
# and share of decisions that were grants.
TARGET = {"børnehandicap": (Fraction(109, 10000), Fraction(63, 100)), "voksenhandicap": (Fraction(228, 10000), Fraction(58, 100))}


def rows(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def main():
    areas = {r["code"]: r["areas"].split(";") for r in rows("datasets/paragraphs.csv")}
    names = {int(r["code"]): r["name"] for r in rows("datasets/municipalities.csv")}
    population = {int(r["kommunekode"]): int(r["population"]) for r in rows("datasets/population/dst_population_kommune_1jan_2014_2026.csv") if int(r["year"]) == YEAR}
    reversed_ = {area: 0 for area in TARGET}
    for r in rows(f"datasets/outcomes/{YEAR}.csv"):
        if int(r["municipality"]) in CODES:
            for area in TARGET:
                if area in areas[r["paragraph"]]:
                    reversed_[area] += int(r["changed"]) + int(r["remanded"])
    out = []
    for area, (share, grants) in TARGET.items():
        total = round(reversed_[area] / share)  # Σ decisions so that Σ reversed / Σ decisions ≈ share
        weight = sum(population[c] for c in CODES)
        exact = [Fraction(total * population[c], weight) for c in CODES]
        counts = [int(x) for x in exact]
        # Largest remainder, so the counts add up to the total exactly.
        for i in sorted(range(len(CODES)), key=lambda i: (-(exact[i] - counts[i]), CODES[i]))[: total - sum(counts)]:
            counts[i] += 1
        for code, n in zip(CODES, counts):
            out.append((names[code], YEAR, area, n, round(n * grants)))
        print(f"{area}: reversed {reversed_[area]} / decisions {total} = {100 * reversed_[area] / total:.3f} %")
    with open("datasets/decisions/kl12_synthetic_2021.csv", "w", encoding="utf-8") as f:
        f.write("# synthetic: yes\n")
        f.write("# source: 12 municipalities (dkq's choice), 2021, calibrated so that the demo's reversed cases are 1.09 % "
                "(børnehandicap) and 2.28 % (voksenhandicap) of all decisions, as in KL's sample of 12 municipalities, autumn 2021 "
                "(KL hearing response, Dec 2021); spread by population; bevillinger 63 % / 58 % as in that sample\n")
        f.write("kommune;år;område;afgørelser;bevillinger\n")
        for row in out:
            f.write(";".join(str(x) for x in row) + "\n")


if __name__ == "__main__":
    main()
