# Summary of a benchmark run: the table (median/min wall time, throughput, peak RSS), the ratios
# dkq/DuckDB and dkq/sqlite, and whether the goals are met (reported, never enforced).
TOOLS = ["dkq", "duckdb-csv", "duckdb-db", "sqlite-csv", "sqlite-db"]
LABELS = {
    "dkq": "dkq (reads datasets/ csv)",
    "duckdb-csv": "DuckDB CLI, read_csv",
    "duckdb-db": "DuckDB CLI, prebuilt .duckdb",
    "sqlite-csv": "sqlite3, .import csv",
    "sqlite-db": "sqlite3, prebuilt .sqlite",
}


def ms(seconds):
    return "-" if seconds is None else f"{seconds * 1000:.1f}"


def mb(size):
    return "-" if size is None else f"{size / 1048576:.1f}"


def ratio(a, b):
    return None if not a or not b else a / b


def fmt_ratio(r):
    return "-" if r is None else f"{r:.3f}x"


def summarize(series, count, checks, info, runs, script_runs, import_report):
    q1, script = series.get("q1", {}), series.get("script", {})
    lines = [f"== dkq benchmark: {info['outcome_rows']} outcome rows; {info['machine']}",
             f"   q1 = cold start + one query, {runs} runs; script = {count} queries in one process, "
             f"{script_runs} runs; wall time incl. process start; peak = max RSS (GNU time)",
             ""]
    header = (f"{'tool':30} {'q1 median ms':>12} {'q1 min ms':>10} {'q1 peak MB':>10} "
              f"{'script med s':>12} {'script min s':>12} {'queries/s':>10} {'script peak MB':>14}")
    lines += [header, "-" * len(header)]
    data = {"info": info, "tools": {}, "checks": checks}
    for tool in TOOLS:
        a, b = q1.get(tool), script.get(tool)
        if a is None and b is None:
            continue
        med = b.median() if b else None
        qps = count / med if med else None
        row = {
            "q1_median_s": a.median() if a else None, "q1_min_s": a.minimum() if a else None,
            "q1_peak_rss": a.peak_rss() if a else None,
            "script_median_s": med, "script_min_s": b.minimum() if b else None,
            "queries_per_s": qps, "script_peak_rss": b.peak_rss() if b else None,
            "failed": (a.failed if a else "") or (b.failed if b else ""),
        }
        data["tools"][tool] = row
        lines.append(f"{LABELS[tool]:30} {ms(row['q1_median_s']):>12} {ms(row['q1_min_s']):>10} "
                     f"{mb(row['q1_peak_rss']):>10} "
                     f"{'-' if med is None else f'{med:.3f}':>12} "
                     f"{'-' if row['script_min_s'] is None else format(row['script_min_s'], '.3f'):>12} "
                     f"{'-' if qps is None else f'{qps:.0f}':>10} {mb(row['script_peak_rss']):>14}"
                     + (f"  FAILED: {row['failed']}" if row["failed"] else ""))
    tools = data["tools"]
    dkq = tools.get("dkq", {})
    lines += ["", "ratios (dkq / other; time < 1 and throughput > 1 favour dkq):"]
    data["ratios"] = {}
    for other in TOOLS[1:]:
        o = tools.get(other)
        if not o:
            continue
        r = {"q1_time": ratio(dkq.get("q1_median_s"), o["q1_median_s"]),
             "throughput": ratio(dkq.get("queries_per_s"), o["queries_per_s"]),
             "q1_peak_rss": ratio(dkq.get("q1_peak_rss"), o["q1_peak_rss"])}
        data["ratios"][other] = r
        lines.append(f"  vs {LABELS[other]:30} q1 time {fmt_ratio(r['q1_time']):>8}   "
                     f"script throughput {fmt_ratio(r['throughput']):>9}   q1 peak RSS {fmt_ratio(r['q1_peak_rss']):>7}")

    lines += ["", "goals (issue; reported, not enforced):"]
    goals = []
    cold = data["ratios"].get("duckdb-csv", {}).get("q1_time")
    goals.append(("cold start <= 0.25x DuckDB CLI wall time (DuckDB reading the csv)", cold,
                  cold is not None and cold <= 0.25, fmt_ratio(cold)))
    thr = data["ratios"].get("duckdb-csv", {}).get("throughput")
    goals.append((f"{count}-query script >= 10x DuckDB throughput", thr,
                  thr is not None and thr >= 10, fmt_ratio(thr)))
    peak = max(v for v in (dkq.get("q1_peak_rss"), dkq.get("script_peak_rss")) if v) if dkq.get("q1_peak_rss") else None
    goals.append(("dkq peak memory < 50 MB", peak, peak is not None and peak < 50 * 1048576, f"{mb(peak)} MB"))
    data["goals"] = []
    for name, value, met, shown in goals:
        lines.append(f"  [{'MET' if met else 'NOT MET'}] {name}: {shown}")
        data["goals"].append({"goal": name, "value": value, "met": met})
    db_cold = data["ratios"].get("duckdb-db", {}).get("q1_time")
    db_thr = data["ratios"].get("duckdb-db", {}).get("throughput")
    lines.append(f"  (against DuckDB's best case, a prebuilt .duckdb file: cold {fmt_ratio(db_cold)}, "
                 f"throughput {fmt_ratio(db_thr)})")

    lines += ["", "results agree:"]
    for tool, c in checks.get("q1", {}).items():
        state = "same numbers" if c["same"] else "MISMATCH " + "; ".join(c["problems"])
        lines.append(f"  q1 dkq vs {tool}: {state}" + (f" ({c['rounding']} values differ by one rounding step)" if c["rounding"] else ""))
    for tool, c in checks.get("script", {}).items():
        state = "same numbers" if c["same"] == c["of"] and c["of"] else "MISMATCH " + "; ".join(c["problems"])
        lines.append(f"  script dkq vs {tool}: {c['same']}/{c['of']} queries agree: {state}"
                     + (f" ({c['rounding']} values differ by one rounding step)" if c["rounding"] else ""))
    if import_report:
        lines += ["", "import benchmark (ImportBenchmark.run):"] + ["  " + l for l in import_report.splitlines()]
    return "\n".join(lines), data
