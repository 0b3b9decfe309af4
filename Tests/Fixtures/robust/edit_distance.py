# Reference edit distances (Levenshtein with adjacent transpositions, "optimal string
# alignment") computed by the textbook full-table method; writes edit_distance.csv,
# which SuggestBandTests compares the banded Swift version against.
import random, csv, os

def osa(a, b):
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1): d[i][0] = i
    for j in range(len(b) + 1): d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            c = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]

random.seed(1)
with open(os.path.join(os.path.dirname(__file__), "edit_distance.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["a", "b", "distance"])
    for _ in range(400):
        a = "".join(random.choice("abc") for _ in range(random.randint(0, 9)))
        b = "".join(random.choice("abc") for _ in range(random.randint(0, 9)))
        w.writerow([a, b, osa(a, b)])
