# Builds the hostile-input fixtures of issue 6 from the ordinary import fixtures:
# counts past the Int32 column, a bad TIMEVAL time, a non-Sagsemne file named like one.
import os, shutil
here = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(here, "..", "import")

def read(name, mode="r", **kw):
    with open(os.path.join(base, name), mode, **kw) as f:
        return f.read()

def write(name, data, mode="w", **kw):
    path = os.path.join(here, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode, **kw) as f:
        f.write(data)

shutil.copy(os.path.join(base, "talportal_sagsemne.csv"), os.path.join(here, "sagsemne.csv"))
talportal = read("talportal.csv", encoding="utf-8").split("\n")
# Line 3: København;Kontant tilskud og BPA;2021;1;6;0;0;6;0;52 -> Stadfæstelse past Int32.
for name, count in [("talportal_count_overflow.csv", "2147483648"), ("talportal_count_wrap.csv", "4294967300")]:
    lines = list(talportal)
    cells = lines[2].split(";")
    cells[4] = ""          # no Antal_sager_ialt, so the count itself is what is checked
    cells[7] = count
    lines[2] = ";".join(cells)
    write(name, "\n".join(lines), encoding="utf-8")

px = read("ankeast2_quarterly.px", "rb")
head, data = px.split(b"DATA=")
write("px_count_overflow.px", head + b"DATA=\n2147483648" + data[data.index(b" "):], "wb")
# Time values only in TIMEVAL, one of them bad: the error must point at it.
lines = head.split(b"\n")
lines = [l for l in lines if not l.startswith(b'VALUES("kvartal")')]
timeval = b'TIMEVAL("kvartal")=TLIST(Q1),"2021K1","2021K2",\n"2021K3","2021X4";'
head2 = b"\n".join(l for l in lines if not l.startswith(b'TIMEVAL') and not l.startswith(b'"2021K3"'))
head2 = head2.replace(b'HEADING="kvartal";', b'HEADING="kvartal";\n' + timeval)
write("px_timeval_bad.px", head2 + b"DATA=" + data, "wb")

# A folder whose only Sagsemne*.csv is something else: it must be passed over, never quoted.
write("impostor/talportal.csv", "\n".join(talportal), encoding="utf-8")
write("impostor/Sagsemne_notes.csv", "hemmelig første linje;ikke en tabel\nmere\n", encoding="utf-8")
