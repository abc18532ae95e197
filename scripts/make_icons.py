#!/usr/bin/env python3
"""Draws Newsmark's toolbar icons (a page with a highlighted line and a bookmark tab) as
PNGs with the standard library only. Run once; the PNGs are committed."""
import os, struct, sys, zlib


def png(size, path):
    s = size / 128.0
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            X, Y = (x + 0.5) / s, (y + 0.5) / s
            r = g = b = a = 0
            # Rounded page.
            if 14 <= X <= 114 and 8 <= Y <= 120:
                r, g, b, a = 250, 250, 247, 255
                if X < 18 or X > 110 or Y < 12 or Y > 116:
                    r, g, b = 60, 64, 72
            # Text lines.
            for ly in (34, 52, 88, 104):
                if ly <= Y <= ly + 7 and 28 <= X <= 100:
                    r, g, b = 150, 156, 166
            # Highlighted line.
            if 66 <= Y <= 78 and 24 <= X <= 104:
                r, g, b = 255, 184, 28
            if 68 <= Y <= 75 and 28 <= X <= 86:
                r, g, b = 90, 70, 20
            # Bookmark ribbon.
            if 84 <= X <= 104 and 0 <= Y <= 40 and not (Y > 28 and abs(X - 94) < (Y - 28)):
                r, g, b, a = 214, 92, 0, 255
            row += bytes((r, g, b, a))
        rows.append(bytes(row))
    raw = b''.join(rows)

    def chunk(t, d):
        c = struct.pack('>I', len(d)) + t + d
        return c + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)

    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
    data += chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)


out = sys.argv[1] if len(sys.argv) > 1 else 'extension/icons'
os.makedirs(out, exist_ok=True)
for n in (16, 32, 48, 128):
    png(n, os.path.join(out, f'icon-{n}.png'))
