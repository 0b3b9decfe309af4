# Benchmark driver (`make bench`): dkq vs the DuckDB CLI vs sqlite3 on the same data and
# equivalent queries. Checks that results agree, then times them and prints a summary. Stdlib only.
import argparse
import glob
import json
import os
import platform
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402
import queries  # noqa: E402
import report  # noqa: E402
import tools  # noqa: E402
import verify  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def municipality_names(data_dir):
    lines = tools.strip_comments(os.path.join(data_dir, "municipalities.csv"))[1:]
    return [line.split(",")[1] for line in lines]


def data_years(datasets):
    years = sorted(int(os.path.basename(p)[:4]) for p in glob.glob(os.path.join(datasets, "outcomes", "*.csv")))
    return years[0], years[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 10)),
                        help="repetitions of the one-query cold start (default 10)")
    parser.add_argument("--script-runs", type=int, default=int(os.environ.get("BENCH_SCRIPT_RUNS", 5)),
                        help="repetitions of the 1,000-query script (default 5)")
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()

    out = os.path.join(ROOT, "bench", "out")
    runs_dir = os.path.join(out, "runs")
    data_dir = os.path.join(out, "data")
    os.makedirs(runs_dir, exist_ok=True)
    datasets = os.path.join(ROOT, "datasets")
    dkq = os.path.join(ROOT, ".build", "release", "dkq")
    duckdb = tools.duckdb_binary()
    sqlite = shutil.which("sqlite3")
    if not os.access(dkq, os.X_OK):
        print(f"bench: {dkq} not built; run `make release`")
        return 0

    # --- Untimed preparation: csv without '#' lines, prebuilt databases, query files. ---
    rows = tools.prepare_csv(datasets, data_dir)
    dbs = tools.build_databases(duckdb, sqlite, data_dir, out)
    info = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        "dkq": tools.version([dkq, "--version"]),
        "duckdb": tools.version([duckdb, "-version"]) if duckdb else "missing",
        "sqlite3": tools.version([sqlite, "-version"]).split(" ")[0] if sqlite else "missing",
        "outcome_rows": rows,
    }
    print(f"bench: {rows} outcome rows; dkq {info['dkq']}; DuckDB {info['duckdb']} ({duckdb}); "
          f"sqlite {info['sqlite3']}")
    print(f"bench: '#' lines stripped into {os.path.relpath(data_dir, ROOT)}/*.csv for DuckDB and sqlite "
          "(untimed); dkq reads datasets/ itself")
    duckdb_db = dbs.get("duckdb", "")
    sqlite_db = dbs.get("sqlite", "")
    for tool, path in dbs.items():
        if path.startswith("error"):
            print(f"bench: prebuilt {tool} database failed: {path}")

    first_dkq, first_sql = queries.first_query()
    first, last = data_years(datasets)
    pairs = queries.generate(args.queries, municipality_names(datasets), first, last)
    scripts = write_scripts(out, data_dir, first_sql, pairs)

    def commands(kind):
        """tool -> (argv, stdin) for task 'q1' or 'script'."""
        cmds = {"dkq": (tools.dkq_argv(dkq, datasets, command=first_dkq) if kind == "q1"
                        else tools.dkq_argv(dkq, datasets, script=scripts["dkq"]), None)}
        if duckdb:
            cmds["duckdb-csv"] = (tools.duckdb_argv(duckdb, ":memory:", scripts[f"duckdb-{kind}"]), None)
            if not duckdb_db.startswith("error") and duckdb_db:
                cmds["duckdb-db"] = (tools.duckdb_argv(duckdb, duckdb_db, scripts[f"db-{kind}"], readonly=True), None)
        if sqlite:
            cmds["sqlite-csv"] = (tools.sqlite_argv(sqlite, ":memory:", scripts[f"sqlite-{kind}"]), None)
            if not sqlite_db.startswith("error") and sqlite_db:
                cmds["sqlite-db"] = (tools.sqlite_argv(sqlite, sqlite_db, scripts[f"db-{kind}"], readonly=True), None)
        return cmds

    # --- Correctness (untimed): q1 ordered, the 1,000 queries as sorted row sets. ---
    checks = check_results(commands, runs_dir, scripts, duckdb, sqlite, duckdb_db, sqlite_db, dkq, datasets)

    # --- Timed runs. ---
    series = {}
    for kind, repeats in (("q1", args.runs), ("script", args.script_runs)):
        cmds = commands(kind)
        lst = [measure.Series(tool, kind) for tool in cmds]
        print(f"bench: timing {kind}: {len(cmds)} tools x {repeats} runs ...", flush=True)
        measure.repeat(lst, cmds, repeats, runs_dir)
        series[kind] = {s.tool: s for s in lst}

    import_report = read(os.path.join(out, "import.txt")).strip() if os.path.exists(os.path.join(out, "import.txt")) else ""
    summary, data = report.summarize(series, args.queries, checks, info, args.runs, args.script_runs, import_report)
    print()
    print(summary)
    write(os.path.join(out, "summary.txt"), summary + "\n")
    write(os.path.join(out, "results.json"), json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print(f"bench: wrote bench/out/summary.txt and bench/out/results.json")
    return 0


def write_scripts(out, data_dir, first_sql, pairs):
    """Script files for every tool and task; returns name -> path."""
    s = os.path.join(out, "scripts")
    os.makedirs(s, exist_ok=True)
    body = "\n".join(sql for _, sql in pairs) + "\n"
    marked = "".join(f"SELECT {i} AS {verify.MARKER};\n{sql}\n" for i, (_, sql) in enumerate(pairs))
    files = {
        "dkq": ("queries.dkq", "\n".join(d for d, _ in pairs) + "\n"),
        "duckdb-q1": ("duckdb-q1.sql", tools.duckdb_load(data_dir) + first_sql + "\n"),
        "sqlite-q1": ("sqlite-q1.sql", tools.sqlite_load(data_dir) + first_sql + "\n"),
        "db-q1": ("db-q1.sql", first_sql + "\n"),
        "duckdb-script": ("duckdb-script.sql", tools.duckdb_load(data_dir) + body),
        "sqlite-script": ("sqlite-script.sql", tools.sqlite_load(data_dir) + body),
        "db-script": ("db-script.sql", body),
        "duckdb-marked": ("duckdb-marked.sql", tools.duckdb_load(data_dir) + marked),
        "sqlite-marked": ("sqlite-marked.sql", tools.sqlite_load(data_dir) + marked),
    }
    paths = {}
    for key, (name, text) in files.items():
        paths[key] = os.path.join(s, name)
        write(paths[key], text)
    return paths


def check_results(commands, runs_dir, scripts, duckdb, sqlite, duckdb_db, sqlite_db, dkq, datasets):
    """Runs each tool once on q1 and on the marked 1,000-query scripts and compares with dkq."""
    checks = {"q1": {}, "script": {}}
    q1 = commands("q1")
    results = {}
    for tool, (argv, stdin) in q1.items():
        path = os.path.join(runs_dir, f"check-q1-{tool}.csv")
        run = measure.run_once(argv, path, stdin)
        text = read(path)
        results[tool] = verify.split_dkq(text)[:1] if tool == "dkq" else verify.split_single(text)
        if run.status != 0:
            results[tool] = []
    expected = results.get("dkq", [])
    for tool, got in results.items():
        if tool == "dkq":
            continue
        matching, rounding, problems = verify.compare_all(expected, got, ordered=True)
        checks["q1"][tool] = {"same": matching == 1 and bool(expected), "rounding": rounding,
                              "problems": [why for _, why in problems]}
        if not checks["q1"][tool]["same"]:
            print(f"bench: MISMATCH q1 dkq vs {tool}: {problems}")
    # 1,000 queries: dkq once, the SQL shells with a marker query before each query.
    dkq_path = os.path.join(runs_dir, "check-script-dkq.csv")
    run = measure.run_once(tools.dkq_argv(dkq, datasets, script=scripts["dkq"]), dkq_path)
    expected = verify.split_dkq(read(dkq_path)) if run.status == 0 else []
    if run.status != 0:
        print(f"bench: dkq failed on the query script: see {dkq_path}.err")
    marked = {}
    if duckdb:
        marked["duckdb"] = tools.duckdb_argv(duckdb, ":memory:", scripts["duckdb-marked"])
    if sqlite:
        marked["sqlite"] = tools.sqlite_argv(sqlite, ":memory:", scripts["sqlite-marked"])
    for tool, argv in marked.items():
        path = os.path.join(runs_dir, f"check-script-{tool}.csv")
        run = measure.run_once(argv, path)
        got = verify.split_marked(read(path)) if run.status == 0 else []
        matching, rounding, problems = verify.compare_all(expected, got, ordered=False)
        total = len(expected)
        checks["script"][tool] = {"same": matching, "of": total, "rounding": rounding,
                                  "problems": [f"query {i + 1}: {why}" for i, why in problems]}
        if matching != total or total == 0:
            print(f"bench: MISMATCH in the query script, dkq vs {tool}: {matching}/{total} agree; "
                  f"{checks['script'][tool]['problems']}")
    return checks


if __name__ == "__main__":
    sys.exit(main())
