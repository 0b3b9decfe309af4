# The three tools under test: where their executables are, how the bench prepares their inputs
# (csv without '#' lines, prebuilt database files), and the command line of each run.
import glob
import os
import shutil
import subprocess

OUTCOME_COLUMNS = ("{'year': 'INTEGER', 'quarter': 'INTEGER', 'municipality': 'INTEGER', "
                   "'paragraph': 'VARCHAR', 'upheld': 'INTEGER', 'changed': 'INTEGER', "
                   "'remanded': 'INTEGER', 'dismissed': 'INTEGER', 'days': 'DOUBLE'}")
MUNICIPALITY_COLUMNS = ("{'code': 'INTEGER', 'name': 'VARCHAR', 'ast_name': 'VARCHAR', "
                        "'full_name': 'VARCHAR', 'region': 'VARCHAR', 'region_code': 'INTEGER'}")
PARAGRAPH_COLUMNS = ("{'code': 'VARCHAR', 'law': 'VARCHAR', 'label': 'VARCHAR', "
                     "'sections': 'VARCHAR', 'areas': 'VARCHAR', 'formerly': 'VARCHAR'}")


def duckdb_binary():
    """The native DuckDB CLI. PyPI's duckdb-cli puts a Python launcher (and pyenv a shell shim)
    on PATH; both add ~50-100 ms per start, so the bench runs the ELF binary they wrap."""
    try:
        import duckdb_cli  # noqa: PLC0415 (optional package)
        native = os.path.join(os.path.dirname(duckdb_cli.__file__), "duckdb")
        if os.access(native, os.X_OK):
            return native
    except ImportError:
        pass
    return shutil.which("duckdb")


def version(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def strip_comments(source):
    """The lines of a dkq csv file without '#' comment lines and blank lines (header first)."""
    with open(source, encoding="utf-8") as f:
        return [line for line in f if not line.startswith("#") and line.strip()]


def prepare_csv(datasets, data_dir):
    """Writes municipalities.csv, paragraphs.csv and outcomes.csv (all years) into data_dir."""
    os.makedirs(data_dir, exist_ok=True)
    for name in ("municipalities.csv", "paragraphs.csv"):
        lines = strip_comments(os.path.join(datasets, name))
        with open(os.path.join(data_dir, name), "w", encoding="utf-8") as f:
            f.writelines(lines)
    out = []
    for i, path in enumerate(sorted(glob.glob(os.path.join(datasets, "outcomes", "*.csv")))):
        lines = strip_comments(path)
        out.extend(lines if i == 0 else lines[1:])
    with open(os.path.join(data_dir, "outcomes.csv"), "w", encoding="utf-8") as f:
        f.writelines(out)
    return len(out) - 1


def duckdb_load(data_dir):
    d = data_dir
    return (f"CREATE TABLE municipalities AS SELECT * FROM read_csv('{d}/municipalities.csv', "
            f"header = true, columns = {MUNICIPALITY_COLUMNS});\n"
            f"CREATE TABLE paragraphs AS SELECT * FROM read_csv('{d}/paragraphs.csv', "
            f"header = true, columns = {PARAGRAPH_COLUMNS});\n"
            f"CREATE TABLE outcomes AS SELECT * FROM read_csv('{d}/outcomes.csv', "
            f"header = true, columns = {OUTCOME_COLUMNS});\n")


def sqlite_load(data_dir):
    d = data_dir
    return ("CREATE TABLE municipalities(code INTEGER PRIMARY KEY, name TEXT, ast_name TEXT, "
            "full_name TEXT, region TEXT, region_code INTEGER);\n"
            "CREATE TABLE paragraphs(code TEXT PRIMARY KEY, law TEXT, label TEXT, sections TEXT, "
            "areas TEXT, formerly TEXT);\n"
            "CREATE TABLE outcomes(year INTEGER, quarter INTEGER, municipality INTEGER, "
            "paragraph TEXT, upheld INTEGER, changed INTEGER, remanded INTEGER, "
            "dismissed INTEGER, days REAL);\n"
            f".import --csv --skip 1 {d}/municipalities.csv municipalities\n"
            f".import --csv --skip 1 {d}/paragraphs.csv paragraphs\n"
            f".import --csv --skip 1 {d}/outcomes.csv outcomes\n")


def duckdb_wide(data_dir):
    """DuckDB's best case: the normalised tables plus one wide table `facts` (no joins),
    sorted by year and municipality so its row groups' min/max skip what a filter excludes."""
    return (duckdb_load(data_dir)
            + "CREATE TABLE facts AS SELECT o.year, o.quarter, o.municipality, m.name, m.region, "
              "o.paragraph, p.label, CAST(split_part(p.code, '.', 1) AS INTEGER) AS law_number, "
              "CAST(split_part(p.code, '.', 2) AS INTEGER) AS position, "
              "o.upheld, o.changed, o.remanded, o.dismissed, o.days FROM outcomes o "
              "JOIN municipalities m ON m.code = o.municipality JOIN paragraphs p ON p.code = o.paragraph "
              "ORDER BY o.year, o.municipality;\n")


SQLITE_INDEX = "CREATE INDEX outcomes_year_municipality ON outcomes(year, municipality);\nANALYZE;\n"


def duckdb_argv(binary, database, script, readonly=False):
    flags = ["-readonly"] if readonly else []
    return [binary, "-bail", "-batch", "-csv", "-header", "-nullvalue", ""] + flags + ["-f", script, database]


def sqlite_argv(binary, database, script, readonly=False):
    flags = ["-readonly"] if readonly else []
    return [binary, "-bail", "-batch", "-csv", "-header", "-nullvalue", ""] + flags + [database, f".read {script}"]


def dkq_argv(binary, datasets, script=None, command=None):
    argv = [binary, "--format", "csv", "--data", datasets]
    return argv + (["-c", command] if command is not None else [script])


def build_databases(duckdb, sqlite, data_dir, out_dir):
    """Prebuilt database files (the SQL tools' best case: DuckDB with a wide table, sqlite with an
    index on year and municipality). Returns {tool: path or error}."""
    built = {}
    if duckdb:
        path = os.path.join(out_dir, "bench.duckdb")
        for p in (path, path + ".wal"):
            if os.path.exists(p):
                os.remove(p)
        r = subprocess.run([duckdb, path, "-c", duckdb_wide(data_dir)], capture_output=True, text=True)
        built["duckdb"] = path if r.returncode == 0 else "error: " + r.stderr.strip()
    if sqlite:
        path = os.path.join(out_dir, "bench.sqlite")
        if os.path.exists(path):
            os.remove(path)
        script = os.path.join(out_dir, "sqlite-build.sql")
        with open(script, "w", encoding="utf-8") as f:
            f.write(sqlite_load(data_dir) + SQLITE_INDEX)
        r = subprocess.run([sqlite, "-bail", path, f".read {script}"], capture_output=True, text=True)
        built["sqlite"] = path if r.returncode == 0 else "error: " + r.stderr.strip()
    return built
