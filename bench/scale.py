# Generates the benchmark's 10x and 100x data folders (never committed): the shipped datasets/ with
# the paragraph catalogue repeated (copies numbered law.pos+100c) and the years extended (backwards, and at 100x forwards),
# every year a copy of a shipped year. Labelled synthetic like the data it is made from. dkq numbers
# at most 255 paragraphs, so 100x uses 7 copies (238 paragraphs) and years 1900-2056 (the years
# it accepts start at 1900, so the span reaches past the shipped last year).
import glob
import os

SHIPPED_FIRST, SHIPPED_LAST = 2014, 2024
# factor -> (paragraph copies, first year, last year)
SHAPES = {1: (1, 2014, 2024), 10: (3, 1988, 2024), 100: (7, 1900, 2056)}


def _lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def _data(lines):
    return [line for line in lines if line and not line.startswith("#")]


def paragraph_code(code, copy):
    law, pos = code.split(".")
    return f"{law}.{int(pos) + 100 * copy}"


def generate(datasets, target, factor):
    """Writes target/{municipalities,paragraphs}.csv and target/outcomes/YEAR.csv; returns rows."""
    copies, first, last = SHAPES[factor]
    stamp = os.path.join(target, ".complete")
    if os.path.exists(stamp):
        with open(stamp, encoding="utf-8") as f:
            return int(f.read())
    os.makedirs(os.path.join(target, "outcomes"), exist_ok=True)
    with open(os.path.join(target, "municipalities.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(_lines(os.path.join(datasets, "municipalities.csv"))) + "\n")
    header, *paragraphs = _data(_lines(os.path.join(datasets, "paragraphs.csv")))
    rows = []
    for copy in range(copies):
        for line in paragraphs:
            code, law, label, sections, areas, formerly = line.split(",")
            suffix = f" (kopi {copy})" if copy else ""
            rows.append((paragraph_code(code, copy), law, label + suffix, sections, areas,
                         paragraph_code(formerly, copy) if formerly else ""))
    rows.sort(key=lambda r: tuple(int(x) for x in r[0].split(".")))
    with open(os.path.join(target, "paragraphs.csv"), "w", encoding="utf-8") as f:
        f.write(f"# Benchmark catalogue: datasets/paragraphs.csv repeated {copies}x (bench/scale.py)\n")
        f.write(header + "\n" + "".join(",".join(r) + "\n" for r in rows))
    sources = {}
    for path in glob.glob(os.path.join(datasets, "outcomes", "*.csv")):
        sources[int(os.path.basename(path)[:4])] = _data(_lines(path))[1:]
    total = 0
    for year in range(first, last + 1):
        source = SHIPPED_FIRST + (year - SHIPPED_FIRST) % (SHIPPED_LAST - SHIPPED_FIRST + 1)
        out = [f"# synthetic: yes",
               f"# source: SYNTHETIC BENCHMARK DATA ({factor}x), not real figures: bench/scale.py from datasets/outcomes/{source}.csv",
               "year,quarter,municipality,paragraph,upheld,changed,remanded,dismissed,days"]
        for copy in range(copies):
            for line in sources[source]:
                _, quarter, municipality, code, upheld, changed, remanded, dismissed, days = line.split(",")
                # Copies and extra years differ a little from their source (cases + 0 or 1).
                shift = (year + copy + int(municipality)) % 2 if (copy or year != source) else 0
                out.append(f"{year},{quarter},{municipality},{paragraph_code(code, copy)},"
                           f"{int(upheld) + shift},{changed},{remanded},{dismissed},{days}")
        total += len(out) - 3
        with open(os.path.join(target, "outcomes", f"{year}.csv"), "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(str(total))
    return total


if __name__ == "__main__":
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for factor in map(int, sys.argv[1:] or ["10", "100"]):
        target = os.path.join(root, "bench", "out", f"scale{factor}")
        print(factor, generate(os.path.join(root, "datasets"), target, factor), target)
