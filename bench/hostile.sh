#!/usr/bin/env bash
# Hostile-input benchmark (issue 6): wall time and peak memory of the release binary on
# inputs that used to hang, crash or eat memory. Each should take well under a second and
# under 100 MB. Prints one line per case; never fails (timings belong here, not in tests).
set -u
cd "$(dirname "$0")/.."
DKQ=${DKQ:-.build/release/dkq}
[ -x "$DKQ" ] || swift build -c release --product dkq >/dev/null 2>&1 || { echo "hostile: no $DKQ"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -c "print('rate by municipality where municipality = ' + 'x' * 1000000)" > "$tmp/mb-word.dkq"
python3 -c "print('rate where municipality in (' + ', '.join(['Aarhus'] * 150000) + ') year 2021')" > "$tmp/mb-list.dkq"
python3 -c "print('rate by ' + 'year, ' * 150000 + 'year')" > "$tmp/mb-by.dkq"
# The longest statements allowed (10,000 tokens, E116 beyond): the binder's work per element.
python3 -c "print('rate where municipality in (' + ', '.join(['Aarhus'] * 4990) + ') year 2021')" > "$tmp/cap-list.dkq"
python3 -c "print('rate where ' + ' or '.join(['municipality = Aarhus'] * 2400) + ' year 2021')" > "$tmp/cap-or.dkq"
python3 -c "print('rate where ' + ' and '.join(['not paragraph = § 83'] * 1600))" > "$tmp/cap-not.dkq"
python3 -c "print('rate where ' + '(' * 100000 + 'year = 2021' + ')' * 100000)" > "$tmp/mb-parens.dkq"
python3 -c "print('rate by ' + 'municipality' * 80000)" > "$tmp/mb-identifier.dkq"
python3 -c "print('rate limit ' + '9' * 1000000)" > "$tmp/mb-number.dkq"
truncate -s 2G "$tmp/sparse.px"
printf 'CHARSET="ANSI";\n' | dd of="$tmp/sparse.px" conv=notrunc status=none
python3 - "$tmp/huge.csv" <<'PY'
import sys
# One talportal row whose counts sum to about 2·10^9 cases: the funnel's binomial tail.
rows = ["Kommune;Sagsemne;Aar;Kvartal;Antal_sager_ialt;Afvisning.Henvisning;Hjemvisning;Stadfæstelse;Ændring.Ophævelse"]
rows.append("Aarhus;Personlig hjælp og pleje;2021;1;;0;100000000;1400000000;500000000")
rows.append("København;Personlig hjælp og pleje;2021;1;;0;100000000;1400000000;500000000")
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY
cp Tests/Fixtures/import/talportal_sagsemne.csv "$tmp/huge_sagsemne.csv"

run() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>&1
  read -r seconds kb < <(tail -1 "$tmp/time")
  printf '%-44s %6.2f s %6d MB\n' "$name" "$seconds" "$((kb / 1024))"
}
echo "== hostile inputs ($DKQ; wall seconds, peak RSS)"
run "startup + 'rate' (baseline)" "$DKQ" -c "rate"
run "1 MB word after municipality =" sh -c "'$DKQ' < '$tmp/mb-word.dkq'"
run "1 MB in-list of names" sh -c "'$DKQ' < '$tmp/mb-list.dkq'"
run "1 MB of repeated by year" sh -c "'$DKQ' < '$tmp/mb-by.dkq'"
run "in-list of 4990 names (at the token cap)" sh -c "'$DKQ' < '$tmp/cap-list.dkq'"
run "2400 'or' conditions (at the token cap)" sh -c "'$DKQ' < '$tmp/cap-or.dkq'"
run "1600 'and not paragraph =' conditions" sh -c "'$DKQ' < '$tmp/cap-not.dkq'"
run "100000 nested parentheses" sh -c "'$DKQ' < '$tmp/mb-parens.dkq'"
run "1 MB identifier after by" sh -c "'$DKQ' < '$tmp/mb-identifier.dkq'"
run "1 MB number after limit" sh -c "'$DKQ' < '$tmp/mb-number.dkq'"
run "rate years 1Q1..99999999Q4" "$DKQ" -c "rate years 1Q1..99999999Q4"
run "rate year 9223372036854775807Q1" "$DKQ" -c "rate year 9223372036854775807Q1"
run "load /dev/zero" "$DKQ" -c 'load "/dev/zero"'
run "load a sparse 2 GB .px" "$DKQ" -c "load \"$tmp/sparse.px\""
run "vs national over 2e9 cases (binomial tail)" "$DKQ" --load "$tmp/huge.csv" -c "rate by municipality year 2021 vs national"
exit 0
