# Regenerates model.json of this case byte for byte: python3 make-garbage.py
def garbage(n, seed):
    out = bytearray()
    x = seed
    for _ in range(n):
        x = (1103515245 * x + 12345) % (1 << 31)
        out.append((x >> 16) & 0xFF)
    for i in range(0, n, 37):   # make sure there are NUL bytes
        out[i] = 0
    out[0] = 0x8F               # not a JSON value start, not a BOM, not whitespace
    return bytes(out)

with open("model.json", "wb") as f:
    f.write(garbage(200, 20161127))
