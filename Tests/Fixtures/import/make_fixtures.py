# Writes the import fixtures: one canonical set of counts in every format, plus malformed files.
# Run from this folder: python3 make_fixtures.py
import itertools
MUNIS = [(101, "København", "København"), (751, "Aarhus", "Århus"), (825, "Læsø", "Læsø")]
PARAS = [("1.9", "Børn - efterværn - §§ 68 og 76", "Efterværn", "§§ 68 og 76"),
         ("1.14", "Voksne - personlig hjælp og pleje - § 83", "Personlig hjælp og pleje", "§ 83"),
         ("1.20", "Voksne - kontant tilskud og BPA - §§ 95-96", "Kontant tilskud og BPA", "§§ 95-96")]
ROWS = {}  # (q, muni, para) -> (up, ch, re, di, days)
for qi, (mi, m) in itertools.product(range(1, 5), enumerate(MUNIS)):
    for pi, p in enumerate(PARAS):
        up = (qi * 7 + mi * 5 + pi * 3) % 11 + (0 if m[0] == 825 else 4)
        ch = (qi + mi + pi) % 3
        re = (qi * 2 + pi) % 4
        di = (mi + pi * qi) % 2
        if m[0] == 825 and pi == 2: up, ch, re, di = 0, 0, 0, 0
        ROWS[(qi, m[0], p[0])] = (up, ch, re, di, 40 + qi * 10 + pi)
OUT = ["Stadfæstet", "Ændret/ophævet", "Hjemvist", "Afvist/henvist"]

def year_rows():
    y = {}
    for (q, m, p), v in ROWS.items():
        a = y.setdefault((m, p), [0, 0, 0, 0])
        for i in range(4): a[i] += v[i]
    return y

def write(path, text, enc="utf-8"):
    with open(path, "wb") as f: f.write(text.encode(enc))

# canonical quarterly set (dkq outcomes v1 shape) for the tests
lines = ["# canonical counts for the import fixtures", "year,quarter,municipality,paragraph,upheld,changed,remanded,dismissed,days"]
for (q, m, p), v in sorted(ROWS.items()):
    lines.append(f"2021,{q},{m},{p},{v[0]},{v[1]},{v[2]},{v[3]},{v[4]}")
write("canonical.csv", "\n".join(lines) + "\n")

# 1. talportal CSV + Sagsemne table
tp = ["Kommune;Sagsemne;Aar;Kvartal;Antal_sager_ialt;Afvisning.Henvisning;Hjemvisning;Stadfæstelse;Ændring.Ophævelse;Sagsbehandlingstid"]
for (q, m, p), v in sorted(ROWS.items()):
    if sum(v[:4]) == 0: continue
    ast = [x[2] for x in MUNIS if x[0] == m][0]
    name = [x[2] for x in PARAS if x[0] == p][0]
    tp.append(f"{ast};{name};2021;{q};{sum(v[:4])};{v[3]};{v[2]};{v[0]};{v[1]};{v[4]}")
write("talportal.csv", "\n".join(tp) + "\n")
st = ["Sorteringskode;Sagsemne;Lovgrundlag;Paragraffer;Lovgivning"]
for code, label, short, secs in PARAS:
    st.append(f"{code};{short};Serviceloven;{secs};Serviceloven")
write("talportal_sagsemne.csv", "\n".join(st) + "\n")

def px(stub, heading, values, data, header_extra="", codepage="iso-8859-1", enc="latin-1", keys=None):
    h = [f'CHARSET="ANSI";', f'AXIS-VERSION="2013";', f'CODEPAGE="{codepage}";', 'LANGUAGE="da";',
         'MATRIX="ANKEAST1";', 'DECIMALS=0;', 'TITLE="Afgjorte klagesager efter kommune, lovgrundlag, afgørelse og tid";',
         'SOURCE="Ankestyrelsen";', 'LAST-UPDATED="20220301 09:00";']
    h.append("STUB=" + ",".join(f'"{s}"' for s in stub) + ";")
    h.append("HEADING=" + ",".join(f'"{s}"' for s in heading) + ";")
    for name, vals in values:
        h.append(f'VALUES("{name}")=' + ",".join(f'"{v}"' for v in vals) + ";")
    h.append(header_extra)
    return "\n".join(x for x in h if x) + "\nDATA=\n" + data + "\n"

# 2. Latin-1 yearly ANKEAST1-like with Hele landet, law level and I alt (checked, not counted)
yr = year_rows()
kom = ["Hele landet"] + [f"{c} {n}" for c, n, _ in MUNIS]
lov = ["1 Serviceloven"] + [f"{c} {l}" for c, l, _, _ in PARAS]
afg = ["Afgjorte sager i alt"] + OUT
cells = []
for k in kom:
    for l in lov:
        row = []
        for ai, a in enumerate(afg):
            ms = [x[0] for x in MUNIS] if k == "Hele landet" else [int(k.split()[0])]
            ps = [x[0] for x in PARAS] if l.startswith("1 ") else [l.split()[0]]
            parts = [sum(yr[(m, p)][i] for m in ms for p in ps) for i in range(4)]
            v = sum(parts) if ai == 0 else parts[ai - 1]
            row.append('"-"' if v == 0 else str(v))
        cells.append(" ".join(row))
write("ankeast1_latin1.px", px(["kommune", "lovgrundlag", "afgørelse"], ["tid"],
      [("kommune", kom), ("lovgrundlag", lov), ("afgørelse", afg), ("tid", ["2021"])],
      "\n".join(cells) + ";", 'TIMEVAL("tid")=TLIST(A1),"2021";\nUNITS="sager";'), "latin-1")

# 3. Quarterly Windows-1252 PX, time in heading, outcome in stub; long title continued over lines
qs = ["2021K1", "2021K2", "2021K3", "2021K4"]
cells = []
for m in MUNIS:
    for p in PARAS:
        for ai in range(4):
            cells.append(" ".join(str(ROWS[(q, m[0], p[0])][ai]) for q in range(1, 5)))
text = px(["område", "sagsemne", "udfald"], ["kvartal"],
          [("område", [n for _, n, _ in MUNIS]), ("sagsemne", [f"{c} {l}" for c, l, _, _ in PARAS]),
           ("udfald", ["Stadfæstelse", "Ændring/ophævelse", "Hjemvisning", "Afvisning/henvisning"]), ("kvartal", qs)],
          "\n".join(cells) + ";", 'TIMEVAL("kvartal")=TLIST(Q1),"2021K1","2021K2",\n"2021K3","2021K4";', "windows-1252", "cp1252")
text = text.replace('TITLE="Afgjorte klagesager efter kommune, lovgrundlag, afgørelse og tid";',
                    'TITLE="Afgjorte klagesager efter kommune, "\n"sagsemne, udfald og kvartal";')
write("ankeast2_quarterly.px", text, "cp1252")

# 4. Sparse KEYS PX, quarterly (Q form), rows with no cases omitted, codes as keys
cells = []
for m in MUNIS:
    for p in PARAS:
        vals = [ROWS[(q, m[0], p[0])] for q in range(1, 5)]
        if all(sum(v[:4]) == 0 for v in vals): continue
        cells.append(f'"{m[0]}","{p[0]}",' + " ".join(str(v[ai]) for ai in range(4) for v in [vals[0]]) if False else
                     f'"{m[0]}","{p[0]}",' + " ".join(str(vals[qi][ai]) for ai in range(4) for qi in range(4)))
write("ankeast2_keys.px", px(["kommune", "lovgrundlag"], ["afgørelsestype", "tid"],
      [("kommune", [n for _, n, _ in MUNIS]), ("lovgrundlag", [f"{c} {l}" for c, l, _, _ in PARAS]),
       ("afgørelsestype", OUT), ("tid", ["2021Q1", "2021Q2", "2021Q3", "2021Q4"])],
      "\n".join(cells) + ";",
      'CODES("kommune")=' + ",".join(f'"{c}"' for c, _, _ in MUNIS) + ';\nCODES("lovgrundlag")=' +
      ",".join(f'"{c}"' for c, *_ in PARAS) + ';\nKEYS("kommune")=CODES;\nKEYS("lovgrundlag")=CODES;'), "latin-1")

# 5. UTF-8 yearly PX with an [en] language variant (ignored), ".." missing for a zero row
cells = []
for m in MUNIS:
    for p in PARAS:
        v = yr[(m[0], p[0])]
        cells.append(" ".join('".."' if sum(v) == 0 else str(v[i]) for i in range(4)))
en = ('LANGUAGES=("da","en");\nTITLE[en]="Decided complaints";\nSTUB[en]="municipality","legal basis";\n'
      'HEADING[en]="decision","time";\nVALUES[en]("municipality")="Copenhagen","Aarhus","Laesoe";\n'
      'VALUES[en]("legal basis")="a","b","c";\nVALUES[en]("decision")="Upheld","Changed","Remanded","Dismissed";\n'
      'VALUES[en]("time")="2021";')
write("ankeast1_utf8_en.px", px(["instans", "paragraf"], ["afgørelse", "år"],
      [("instans", ["København", "Århus", "Læsø"]), ("paragraf", [l for _, l, _, _ in PARAS]),
       ("afgørelse", ["Stadfæstet", "Ændret", "Hjemvist", "Afvist"]), ("år", ["2021"])],
      "\n".join(cells) + ";", en, "utf-8", "utf-8"))

# 6. StatBank population (Danish decimal comma, '..', Hele landet skipped)
write("statbank_population.csv", "OMRÅDE;TID;INDHOLD\nHele landet;2021;5840045\nKøbenhavn;2021;638117\n"
      "Aarhus;2021;352751\nLæsø;2021;1792,0\nKøbenhavn;2022;644431\nAarhus;2022;..\nLæsø;2022;1776\n")
write("statbank_recipients.csv", "OMRÅDE;YDELSE;TID;INDHOLD\n101 København;børnehandicap;2021;1204\n"
      "751 Aarhus;børnehandicap;2021;845\n825 Læsø;voksenhandicap;2021;12\n")
# 7. comments
write("comments.csv", 'kommune;år;område;kommentar\nAarhus;2021;børnehandicap;"Mange sager om § 41; se ""handleplan"" 2022."\n'
      "Læsø;2021;socialområdet generelt;Få sager, høj usikkerhed.\n")

# ---- malformed fixtures (bad/): each one breaks one thing
tp_text = open("talportal.csv", encoding="utf-8").read()
tp_lines = tp_text.splitlines()
def tpbad(name, lines): write("bad/" + name, "\n".join(lines) + "\n")
def repl_line(i, old, new):
    l = list(tp_lines); l[i] = l[i].replace(old, new, 1); return l
tpbad("negative.csv", repl_line(2, ";6;0;52", ";-6;0;52"))
tpbad("fraction.csv", repl_line(2, ";6;0;52", ";6.5;0;52"))
tpbad("total_mismatch.csv", repl_line(1, ";20;", ";21;"))
tpbad("unknown_municipality.csv", repl_line(4, "Århus;", "Aarhuus;"))
tpbad("unknown_paragraph.csv", repl_line(2, "Kontant tilskud og BPA", "Kontant tilskud"))
tpbad("duplicate.csv", tp_lines + [tp_lines[1]])
tpbad("missing_column.csv", [";".join(c for c in l.split(";")[:8] + l.split(";")[9:]) for l in tp_lines])
tpbad("comma_delimiter.csv", [l.replace(";", ",") for l in tp_lines])
tpbad("bad_quarter.csv", repl_line(1, ";2021;1;", ";2021;5;"))
tpbad("bad_days.csv", repl_line(1, ";51", ";-3"))
write("bad/truncated.csv", "\n".join(tp_lines[:4]) + "\n" + tp_lines[4][:25])
write("bad/empty.csv", "")
write("bad/header_only.csv", tp_lines[0] + "\n")
with open("bad/latin1.csv", "wb") as f: f.write(tp_text.encode("latin-1"))
pxq = open("ankeast2_quarterly.px", encoding="cp1252").read()
pxl = open("ankeast1_latin1.px", encoding="latin-1").read()
pxu = open("ankeast1_utf8_en.px", encoding="utf-8").read()
pxk = open("ankeast2_keys.px", encoding="latin-1").read()
def pxbad(name, text, enc="latin-1"): write("bad/" + name, text, enc)
def last_replace(text, old, new):
    i = text.rfind(old); return text[:i] + new + text[i + len(old):]
pxbad("fewer_cells.px", last_replace(pxq, " 0;", ";"), "cp1252")
pxbad("more_cells.px", last_replace(pxq, ";\n", " 7;\n"), "cp1252")
pxbad("truncated.px", pxq[: pxq.rfind("\n", 0, len(pxq) - 40)], "cp1252")
pxbad("negative_cell.px", pxq.replace("DATA=\n", "DATA=\n-").replace("DATA=\n-", "DATA=\n-", 1), "cp1252")
pxbad("fraction_cell.px", pxq.replace("DATA=\n", "DATA=\n1.5 ", 1).replace(";\n", ";\n", 1) if False else
      pxq.replace("DATA=\n" + pxq.split("DATA=\n")[1].split(" ")[0], "DATA=\n" + "2.5", 1), "cp1252")
pxbad("total_mismatch.px", pxl.replace("DATA=\n", "DATA=\n1", 1))
pxbad("hele_landet_mismatch.px", pxl.replace('"1 Serviceloven",', '"1 Serviceloven",', 1).replace("DATA=\n", "DATA=\n", 1)
      if False else (lambda d: pxl.split("DATA=\n")[0] + "DATA=\n" + d)(
          "\n".join(([ln if i != 1 else " ".join([str(int(ln.split()[0]) + 1)] + [str(int(ln.split()[1]) + 1)] + ln.split()[2:])
                      for i, ln in enumerate(pxl.split("DATA=\n")[1].splitlines())]))) + "\n")
pxbad("unknown_municipality.px", pxq.replace('"Aarhus"', '"Aarhuus"', 1), "cp1252")
pxbad("unknown_paragraph.px", pxq.replace("1.20 Voksne - kontant tilskud og BPA - §§ 95-96", "1.21 Voksne - kontant tilskud og BPA", 1), "cp1252")
pxbad("unmapped_dimension.px", pxq.replace('STUB="område"', 'STUB="køn"').replace('VALUES("område")', 'VALUES("køn")'), "cp1252")
pxbad("utf8_declared_latin1_bytes.px", pxu.replace('CODEPAGE="utf-8"', 'CODEPAGE="utf-8"'), "latin-1")
pxbad("unknown_outcome.px", pxq.replace('"Hjemvisning"', '"Hjemsendt"'), "cp1252")
pxbad("duplicate_keys.px", pxk.replace(";\n", "\n" + pxk.split("DATA=\n")[1].splitlines()[0] + ";\n", 1) if False else
      last_replace(pxk, ";\n", "\n" + pxk.split("DATA=\n")[1].splitlines()[0] + ";\n"))
pxbad("bad_time.px", pxq.replace('"2021K3","2021K4";', '"2021K3","2021X4";'), "cp1252")
pxbad("bad_codepage.px", pxq.replace('CODEPAGE="windows-1252"', 'CODEPAGE="ebcdic-37"'), "cp1252")
pxbad("no_data.px", pxq.split("DATA=")[0], "cp1252")
pxbad("not_a_number.px", pxq.replace("DATA=\n", "DATA=\nabc ", 1).replace("abc " + pxq.split("DATA=\n")[1].split(" ")[0] + " ", "abc ", 1), "cp1252")
write("bad/statbank_suppressed_column.csv", "OMRÅDE;KØN;TID;INDHOLD\nKøbenhavn;Mænd;2021;1\nKøbenhavn;Kvinder;2021;2\n")
write("bad/statbank_negative.csv", "OMRÅDE;TID;INDHOLD\nKøbenhavn;2021;-4\n")
write("bad/comments_unknown_area.csv", "kommune;år;område;kommentar\nAarhus;2021;ældre;Tekst\n")
write("bad/comments_duplicate.csv", "kommune;år;område;kommentar\nAarhus;2021;børnehandicap;A\nÅrhus;2021;børnehandicap;B\n")
write("bad/Sagsemner.csv", open("talportal_sagsemne.csv", encoding="utf-8").read())
write("bad/unrecognised.csv", "a;b;c\n1;2;3\n")

# ---- total decisions (kommune;år;område;afgørelser[;bevillinger]): one good file, one bad file per kind of error
write("decisions.csv", "kommune;år;område;afgørelser\n751;2021;børnehandicap;1200\nOdense Kommune;2021;voksenhandicap;400\nÅlborg;2021;børnehandicap;900\n")
D = "kommune;år;område;afgørelser\n"
write("bad/decisions_not_a_number.csv", D + "Aarhus;2021;børnehandicap;12x\n")
write("bad/decisions_negative.csv", "kommune;år;område;afgørelser;bevillinger\nAarhus;2021;børnehandicap;120;-3\n")
write("bad/decisions_overflow.csv", D + "Aarhus;2021;børnehandicap;99999999999999999999\n")
write("bad/decisions_unknown_municipality.csv", D + "Aarhus;2021;børnehandicap;120\nAarhuus;2021;børnehandicap;120\n")
write("bad/decisions_unknown_area.csv", D + "Aarhus;2021;ældre;120\n")
write("bad/decisions_duplicate.csv", D + "751;2021;børnehandicap;120\nÅrhus;2021;Børnehandicap;130\n")
write("bad/decisions_missing_column.csv", "kommune;område;afgørelser\nAarhus;børnehandicap;120\n")
write("bad/decisions_grants_exceed.csv", "kommune;år;område;afgørelser;bevillinger\nAarhus;2021;børnehandicap;120;121\n")
write("bad/decisions_bad_year.csv", D + "Aarhus;20x1;børnehandicap;120\n")
write("bad/decisions_national.csv", D + "Hele landet;2021;børnehandicap;120\n")
write("bad/decisions_fraction.csv", D + "Aarhus;2021;børnehandicap;12,5\n")
write("bad/decisions_truncated.csv", D + "Aarhus;2021;børnehandicap;120\nOdense;2021;børne")

# ---- a 2024 talportal download with Barnets lov paragraphs beyond §§ 86-87 (BL § 83 beside SEL § 83)
write("barnets_lov_2024.csv", open("barnets_lov_2024.csv", encoding="utf-8").read())  # kept as written by hand
write("barnets_lov_2024_sagsemne.csv", open("barnets_lov_2024_sagsemne.csv", encoding="utf-8").read())
