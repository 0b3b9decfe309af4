#!/usr/bin/env python3
"""Designs the terminal tile map (tiles.csv) from kommune_centroids.csv: one tile per municipality.

How: each centroid is projected to a plane (x = longitude * cos 56°, y = -latitude), scaled so that a
tile of 4 characters x 1 line (about twice as wide as tall on a terminal) covers a comparable area,
and the 98 points are assigned to the cells of a grid by minimising the sum of squared distances
between each centroid and its cell (the assignment problem, solved exactly by
scipy.optimize.linear_sum_assignment). Neighbours therefore stay near each other; the dense
Copenhagen area spreads over the cells around it. Bornholm is moved next to Zealand's north-east
(as the SVG map draws it as an inset). The abbreviation is three letters of the name, unique.

Run:  python3 datasets/map/make_tiles.py > datasets/map/tiles.csv   (deterministic)
"""
import csv
import math
import os

import numpy as np
from scipy.optimize import linear_sum_assignment

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS, ROWS = 17, 20          # grid size
TILE_W, TILE_H = 0.22, 0.16    # degrees of (x, y) one tile covers (x already times cos 56°)
BORNHOLM = (12.9, 56.35)        # where Bornholm's tile is drawn (lon, lat), as an inset

def read_centroids():
    with open(os.path.join(HERE, "kommune_centroids.csv"), encoding="utf-8") as f:
        rows = [r for r in csv.reader(line for line in f if not line.startswith("#"))]
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:]]

def abbreviations(names):
    """Three upper-case letters per name, unique: first three letters, else first letter + later letters."""
    result, used = {}, set()
    for code, name in sorted(names.items()):
        letters = [c for c in name.upper() if c.isalpha()]
        candidates = ["".join(letters[:3])]
        candidates += [letters[0] + letters[i] + letters[j]
                       for i in range(1, len(letters)) for j in range(i + 1, len(letters))]
        for candidate in candidates:
            if candidate not in used:
                used.add(candidate)
                result[code] = candidate
                break
    return result

def main():
    points = read_centroids()
    xs, ys = [], []
    for p in points:
        lon, lat = float(p["lon"]), float(p["lat"])
        if p["kommunekode"] == "400":
            lon, lat = BORNHOLM
        xs.append(lon * math.cos(math.radians(56)))
        ys.append(-lat)
    xs, ys = np.array(xs), np.array(ys)
    gx = (xs - xs.min()) / TILE_W
    gy = (ys - ys.min()) / TILE_H
    gx += (COLUMNS - 1 - gx.max()) / 2
    gy += (ROWS - 1 - gy.max()) / 2
    cells = [(r, c) for r in range(ROWS) for c in range(COLUMNS)]
    cost = np.array([[(gx[i] - c) ** 2 + (gy[i] - r) ** 2 for (r, c) in cells] for i in range(len(points))])
    assigned, chosen = linear_sum_assignment(cost)
    names = {p["kommunekode"]: p["navn"] for p in points}
    short = abbreviations(names)
    print("# Terminal tile map of the 98 municipalities: one (row, column) cell each, 0-based from the top left.")
    print("# Made by make_tiles.py in this folder from kommune_centroids.csv (method in its docstring); do not edit by hand.")
    print("code,row,column,abbreviation")
    top = min(cells[j][0] for j in chosen)
    left = min(cells[j][1] for j in chosen)
    for i, j in sorted(zip(assigned, chosen), key=lambda t: int(points[t[0]]["kommunekode"])):
        r, c = cells[j][0] - top, cells[j][1] - left
        code = points[i]["kommunekode"]
        print(f"{code},{r},{c},{short[code]}")

if __name__ == "__main__":
    main()
