# Load benchmark (issue 13): a generated talportal-shaped CSV (synthetic counts, real municipality
# names, every paragraph of the catalogue as a Sagsemne) loaded through `dkq --load` against DuckDB's
# read_csv of the same file into a table. Reports MB/s (file size / best wall time) and peak memory;
# checks that both read the same number of cases. Generated under bench/out (never committed).
import csv
import os
import subprocess

import measure
import tools

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = "Kommune;Sagsemne;Aar;Kvartal;Antal_sager_ialt;Afvisning.Henvisning;Hjemvisning;Stadfæstelse;Ændring.Ophævelse;Sagsbehandlingstid\n"


def generate(datasets, directory, megabytes):
    """Writes directory/talportal.csv (about `megabytes` MB) and its Sagsemne list; returns (path, cases, last year)."""
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "talportal.csv")
    # The Sagsemne list: every paragraph of the catalogue under its own label.
    rows = list(csv.reader(tools.strip_comments(os.path.join(datasets, "paragraphs.csv"))))
    subjects = []
    with open(os.path.join(directory, "talportal_sagsemne.csv"), "w", encoding="utf-8") as f:
        f.write("Sorteringskode;Sagsemne;Lovgrundlag;Paragraffer;Lovgivning\n")
        for code, law, label, sections, *_ in rows[1:]:
            subjects.append(label)
            f.write(f"{code};{label};{law};§ {sections.replace(';', ', ')};{law}\n")
    lines = tools.strip_comments(os.path.join(datasets, "municipalities.csv"))[1:]
    places = [line.split(",")[2] for line in lines]
    cases, size, year = 0, len(HEADER.encode()), 1900
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        while size < megabytes << 20 and year < 2014:
            chunk = []
            for m, place in enumerate(places):
                for p, subject in enumerate(subjects):
                    for quarter in range(1, 5):
                        up, ch, re, di = (m * 7 + p * 3 + quarter + year) % 23, (m + p) % 5, (m + quarter) % 7, p % 3
                        cases += up + ch + re
                        chunk.append(f"{place};{subject};{year};{quarter};{up + ch + re + di};{di};{re};{up};{ch};{40 + (m + p) % 50},5\n")
            text = "".join(chunk)
            f.write(text)
            size += len(text.encode())
            year += 1
    return path, cases, year - 1


def run(dkq, duckdb, datasets, out_dir, runs, megabytes=50):
    """Times the two loads; returns (summary lines, data)."""
    directory = os.path.join(out_dir, "load")
    path, cases, last = generate(datasets, directory, megabytes)
    size = os.path.getsize(path)
    runs_dir = os.path.join(directory, "runs")
    os.makedirs(runs_dir, exist_ok=True)
    dkq_argv = [dkq, "--format", "csv", "--data", datasets, "--load", path, "-c", f"cases years 1900..{last}"]
    script = os.path.join(directory, "duckdb-load.sql")
    with open(script, "w", encoding="utf-8") as f:
        f.write(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', delim=';', header=true);\n"
                "SELECT sum(Hjemvisning + Stadfæstelse + \"Ændring.Ophævelse\") AS cases FROM t;\n")
    commands = {"dkq-load": (dkq_argv, None)}
    if duckdb:
        commands["duckdb-read_csv"] = (tools.duckdb_argv(duckdb, ":memory:", script), None)
    answers = {}
    for tool, (argv, _) in commands.items():
        out = os.path.join(runs_dir, tool + "-check.csv")
        result = measure.run_once(argv, out)
        text = open(out, encoding="utf-8").read().split("\n")
        answers[tool] = text[1].strip().replace(" ", "") if result.status == 0 and len(text) > 1 else f"failed ({out})"
    series = [measure.Series(tool, "load") for tool in commands]
    measure.repeat(series, commands, runs, runs_dir)
    data = {"bytes": size, "expected_cases": cases, "answers": answers, "tools": {}}
    lines = [f"== load of a talportal CSV ({size / 1e6:.1f} MB, generated, synthetic counts; best of {runs})"]
    for s in series:
        best = s.minimum()
        data["tools"][s.tool] = {"best_s": best, "peak_rss": s.peak_rss()}
        rate = size / 1e6 / best if best else None
        lines.append(f"  {s.tool}: {best:.3f} s = {rate:.0f} MB/s, peak {s.peak_rss() / 1e6 if s.peak_rss() else 0:.0f} MB"
                     if best else f"  {s.tool}: failed")
    same = all(a == str(cases) for a in answers.values())
    lines.append(f"  cases read: expected {cases:,}; " + "; ".join(f"{t} {a}" for t, a in answers.items())
                 + (" (all agree)" if same else " MISMATCH"))
    d, k = data["tools"].get("dkq-load", {}).get("best_s"), data["tools"].get("duckdb-read_csv", {}).get("best_s")
    if d and k:
        lines.append(f"  dkq --load / DuckDB read_csv time: {d / k:.2f}x ({'MET' if d <= k else 'NOT MET'}: as fast as read_csv)")
    return "\n".join(lines), data
