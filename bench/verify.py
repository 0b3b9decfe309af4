# Result checking for the benchmark: splits dkq's and the SQL shells' csv output into one
# result per query and compares them value by value (rates may differ by one rounding step).
import csv
import io

MARKER = "__query__"


def _rows(text):
    return list(csv.reader(io.StringIO(text)))


def split_dkq(text):
    """dkq csv: per statement '# title' lines, a header, rows, then '# ...' footer lines. The
    `data_kind` column (real or synthetic, a label the SQL tables do not have) is dropped."""
    return [_drop_column(result, "data_kind") for result in _split_dkq(text)]


def _drop_column(result, name):
    if not result or name not in result[0]:
        return result
    i = result[0].index(name)
    return [row[:i] + row[i + 1:] for row in result]


def _split_dkq(text):
    results, current, in_footer = [], None, False
    for line in text.splitlines():
        if line.startswith("#"):
            in_footer = True
            continue
        if not line.strip():
            continue
        # dkq writes notes to stderr when stdout is redirected: a header (ending in data_kind)
        # then starts the next result.
        if current is None or in_footer or line.endswith(",data_kind"):
            current = [next(csv.reader([line]))]
            results.append(current)
            in_footer = False
        else:
            current.append(next(csv.reader([line])))
    return results


def split_marked(text):
    """SQL shell csv with `SELECT n AS __query__;` before each query: one result per marker."""
    results, current, expect_marker = [], None, False
    for row in _rows(text):
        if row == [MARKER]:
            expect_marker = True
            continue
        if expect_marker:
            expect_marker = False
            current = []
            results.append(current)
            continue
        if current is not None:
            current.append(row)
    return results


def split_single(text):
    """One query's csv (header + rows)."""
    return [[row for row in _rows(text) if row]]


def _same_value(a, b):
    """(equal, rounding_only)."""
    if a == b:
        return True, False
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False, False
    if x == y:
        return True, False
    if "." in a and "." in b and abs(x - y) <= 0.1 + 1e-9:
        return True, True
    return False, False


DIMENSIONS = {"paragraph", "municipality", "region", "year", "quarter"}


def drop_empty_groups(result):
    """Drops rows whose measures are all 0 or empty. dkq lists every member of a grouped
    dimension (all paragraphs, all municipalities), also those without cases; SQL's GROUP BY
    only returns groups that have outcome rows. The numbers are compared on the rest."""
    if not result:
        return result
    measures = [i for i, name in enumerate(result[0]) if name not in DIMENSIONS]
    kept = [row for row in result[1:] if any(row[i] not in ("", "0") for i in measures if i < len(row))]
    return [result[0]] + kept


def compare(expected, actual, ordered):
    """Compares two results (lists of rows, header first). Returns (ok, rounding_diffs, why)."""
    # An empty SQL result may print no header at all (sqlite).
    expected, actual = drop_empty_groups(expected), drop_empty_groups(actual)
    if len(expected) <= 1 and len(actual) <= 1:
        return True, 0, ""
    if not actual or not expected or expected[0] != actual[0]:
        return False, 0, f"header {expected[:1]} vs {actual[:1]}"
    left, right = expected[1:], actual[1:]
    if len(left) != len(right):
        return False, 0, f"{len(left)} rows vs {len(right)}"
    if not ordered:
        left, right = sorted(left), sorted(right)
    rounding = 0
    for row_a, row_b in zip(left, right):
        if len(row_a) != len(row_b):
            return False, 0, f"row {row_a} vs {row_b}"
        for a, b in zip(row_a, row_b):
            same, rounded = _same_value(a, b)
            if not same:
                return False, 0, f"row {row_a} vs {row_b}"
            rounding += rounded
    return True, rounding, ""


def compare_all(expected_results, actual_results, ordered):
    """Compares result lists; returns (matching count, rounding diffs, first problems)."""
    matching, rounding, problems = 0, 0, []
    for i, expected in enumerate(expected_results):
        actual = actual_results[i] if i < len(actual_results) else []
        ok, rounded, why = compare(expected, actual, ordered)
        if ok:
            matching += 1
            rounding += rounded
        elif len(problems) < 5:
            problems.append((i, why))
    if len(actual_results) != len(expected_results) and len(problems) < 5:
        problems.append((-1, f"{len(expected_results)} results vs {len(actual_results)}"))
    return matching, rounding, problems
