# Query pairs for the benchmark: the same question in dkq syntax and in SQL (DuckDB and sqlite
# accept the same text). The SQL mirrors dkq's definitions: rate = 100*(changed+remanded)/cases.
import random

# Measure name -> SQL aggregate (o = outcomes).
CASES = "sum(o.upheld + o.changed + o.remanded)"
MEASURES = {
    "rate": f"round(100.0 * (sum(o.changed) + sum(o.remanded)) / nullif({CASES}, 0), 1)",
    "cases": CASES,
    "reversed": "sum(o.changed + o.remanded)",
    "decided": "sum(o.upheld + o.changed + o.remanded + o.dismissed)",
    "upheld": "sum(o.upheld)",
    "changed": "sum(o.changed)",
    "remanded": "sum(o.remanded)",
    "dismissed": "sum(o.dismissed)",
}

PARAGRAPH_ORDER = ("CAST(substr(p.code, 1, instr(p.code, '.') - 1) AS INTEGER), "
                   "CAST(substr(p.code, instr(p.code, '.') + 1) AS INTEGER)")

# Dimension -> (select expression, group-by expressions, order-by expression, needs table).
DIMENSIONS = {
    "paragraph": ("p.label", "p.code, p.label", PARAGRAPH_ORDER, "p"),
    "municipality": ("m.name", "m.code, m.name", "m.code", "m"),
    "region": ("m.region", "m.region", "min(m.code)", "m"),
    "year": ("o.year", "o.year", "o.year", ""),
    "quarter": ("o.quarter", "o.quarter", "o.quarter", ""),
}

REGIONS = ["Region Hovedstaden", "Region Sjælland", "Region Syddanmark",
           "Region Midtjylland", "Region Nordjylland"]


def quote_dkq(name):
    return '"' + name + '"'


def quote_sql(text):
    return "'" + text.replace("'", "''") + "'"


# The same dimensions over DuckDB's best case, one wide table `facts` (no joins).
WIDE_DIMENSIONS = {
    "paragraph": ("o.label", "o.paragraph, o.label, o.law_number, o.position", "o.law_number, o.position", ""),
    "municipality": ("o.name", "o.municipality, o.name", "o.municipality", ""),
    "region": ("o.region", "o.region", "min(o.municipality)", ""),
    "year": ("o.year", "o.year", "o.year", ""),
    "quarter": ("o.quarter", "o.quarter", "o.quarter", ""),
}


def build(measures, dims, where=(), having=None, years=None, quarter=None):
    """Returns (dkq text, SQL text, SQL text over the wide table) for one query.

    where: list of (field, values) with field 'municipality' or 'region' (one value: =, more: in);
    having: minimum cases or None; years: (first, last) or None; quarter: int or None."""
    # dkq shows cases after the measures whenever a rate is asked for without cases.
    columns = list(measures)
    if "rate" in columns and "cases" not in columns:
        columns.append("cases")
    dkq = ", ".join(measures)
    if dims:
        dkq += " by " + ", ".join(dims)
    conditions = []
    for field, values in where:
        if len(values) == 1:
            conditions.append(f"{field} = {quote_dkq(values[0])}")
        else:
            conditions.append(f"{field} in (" + ", ".join(quote_dkq(v) for v in values) + ")")
    if having is not None:
        conditions.append(f"cases >= {having}")
    if conditions:
        dkq += " where " + " and ".join(conditions)
    if years:
        dkq += f" year {years[0]}" if years[0] == years[1] else f" years {years[0]}..{years[1]}"
    if quarter:
        dkq += f" quarter {quarter}"

    return (dkq, sql_text(columns, dims, where, having, years, quarter, wide=False),
            sql_text(columns, dims, where, having, years, quarter, wide=True))


def sql_text(columns, dims, where, having, years, quarter, wide):
    dimensions = WIDE_DIMENSIONS if wide else DIMENSIONS
    tables = {dimensions[d][3] for d in dims} | ({"m" for _ in where} if not wide else set())
    select = [f"{dimensions[d][0]} AS {d}" for d in dims] + [f"{MEASURES[c]} AS {c}" for c in columns]
    sql = "SELECT " + ", ".join(select) + (" FROM facts o" if wide else " FROM outcomes o")
    if "m" in tables:
        sql += " JOIN municipalities m ON m.code = o.municipality"
    if "p" in tables:
        sql += " JOIN paragraphs p ON p.code = o.paragraph"
    filters = []
    for field, values in where:
        column = ("o" if wide else "m") + (".name" if field == "municipality" else ".region")
        if len(values) == 1:
            filters.append(f"{column} = {quote_sql(values[0])}")
        else:
            filters.append(f"{column} IN (" + ", ".join(quote_sql(v) for v in values) + ")")
    if years:
        filters.append(f"o.year = {years[0]}" if years[0] == years[1]
                       else f"o.year BETWEEN {years[0]} AND {years[1]}")
    if quarter:
        filters.append(f"o.quarter = {quarter}")
    if filters:
        sql += " WHERE " + " AND ".join(filters)
    if dims:
        sql += " GROUP BY " + ", ".join(dimensions[d][1] for d in dims)
    if having is not None:
        sql += f" HAVING {CASES} >= {having}"
    if dims:
        sql += " ORDER BY " + ", ".join(dimensions[d][2] for d in dims)
    return sql + ";"


def first_query():
    """Task 1: rate by paragraph for Aarhus in 2021."""
    return build(["rate"], ["paragraph"], where=[("municipality", ["Aarhus"])], years=(2021, 2021))


MEASURE_SETS = [["rate"], ["rate"], ["rate", "cases"], ["cases", "reversed"], ["rate", "decided"],
                ["dismissed", "decided"], ["upheld", "changed", "remanded"], ["cases"]]
DIM_SETS = [["paragraph"], ["paragraph"], ["year"], ["region"], ["municipality"], ["quarter"],
            ["paragraph", "year"], ["region", "year"], ["year", "quarter"], ["region", "quarter"]]


def generate(count, municipalities, first_year, last_year, seed=20240601):
    """`count` varied, deterministic query pairs over the given municipality names and years."""
    rng = random.Random(seed)
    pairs = []
    while len(pairs) < count:
        dims = rng.choice(DIM_SETS)
        measures = rng.choice(MEASURE_SETS)
        where = []
        roll = rng.random()
        if "municipality" in dims or "region" in dims:
            if roll < 0.5:
                where.append(("region", [rng.choice(REGIONS)]))
        elif roll < 0.6:
            where.append(("municipality", [rng.choice(municipalities)]))
        elif roll < 0.75:
            where.append(("municipality", rng.sample(municipalities, rng.randint(2, 4))))
        elif roll < 0.9:
            where.append(("region", [rng.choice(REGIONS)]))
        having = rng.choice([5, 10, 20]) if rng.random() < 0.3 else None
        if "year" in dims:
            first = rng.randint(first_year, last_year - 1)
            years = rng.choice([None, (first, rng.randint(first + 1, last_year))])
        else:
            year = rng.randint(first_year, last_year)
            years = rng.choice([(year, year), (year, year), (min(year, last_year - 2), min(year, last_year - 2) + 2)])
        quarter = rng.randint(1, 4) if "quarter" not in dims and rng.random() < 0.15 else None
        pairs.append(build(measures, dims, where, having, years, quarter))
    return pairs
