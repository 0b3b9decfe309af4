#!/usr/bin/env python3
"""Checks a headless-Chromium screenshot of dkq's HTML report: not blank, and the map is drawn.

Usage: check_screenshot.py SHOT.png
Reads the PNG with the standard library only (zlib; 8-bit RGB/RGBA, no interlace, as Chromium writes).
Passes when more than 5 % of the pixels are not white (not blank), and when the map's colours are
there: at least 2,000 pixels of the verdict colours vermillion #d55e00 and blue #0072b2 (each a
municipality filled by `vs national`), and some of the warning banner's red #b00020.
"""
import struct
import sys
import zlib

def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, chunks, width = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                sys.exit(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1: line[x] = (line[x] + a) & 255
            elif kind == 2: line[x] = (line[x] + b) & 255
            elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows

def main():
    width, height, channels, rows = read_png(sys.argv[1])
    counts = {"#d55e00": 0, "#0072b2": 0, "#b00020": 0}
    targets = {k: tuple(int(k[i:i + 2], 16) for i in (1, 3, 5)) for k in counts}
    ink = 0
    for line in rows:
        for x in range(0, width * channels, channels):
            pixel = (line[x], line[x + 1], line[x + 2])
            if pixel != (255, 255, 255):
                ink += 1
            for name, (r, g, b) in targets.items():
                if abs(pixel[0] - r) <= 6 and abs(pixel[1] - g) <= 6 and abs(pixel[2] - b) <= 6:
                    counts[name] += 1
    total = width * height
    print(f"{sys.argv[1]}: {width}x{height}, {100 * ink / total:.1f} % not white, "
          + ", ".join(f"{k}: {v} px" for k, v in counts.items()))
    problems = []
    if ink < 0.05 * total:
        problems.append("the page is (nearly) blank")
    if counts["#d55e00"] < 2000 or counts["#0072b2"] < 2000:
        problems.append("the map's verdict colours are missing: the map is not drawn")
    if counts["#b00020"] < 500:
        problems.append("the synthetic-data warning is not shown")
    if problems:
        sys.exit("FAIL: " + "; ".join(problems))
    print("ok: the report renders in Chromium with its map")

if __name__ == "__main__":
    main()
