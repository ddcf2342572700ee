#!/usr/bin/env python3
"""Builds the UI string resources from one table.

Edit src/Deliberation.Web/Resources/strings.tsv (key<TAB>中文<TAB>English; lines starting with # are comments)
and run `python3 tools/resx.py`. It writes SharedResource.resx (Chinese, the neutral culture) and
SharedResource.en.resx. Both outputs are committed, so building the hub needs no Python.
"""
import pathlib, sys
from xml.sax.saxutils import escape

root = pathlib.Path(__file__).resolve().parent.parent / "src/Deliberation.Web/Resources"
rows, seen = [], set()
for n, line in enumerate((root / "strings.tsv").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip() or line.startswith("#"):
        continue
    parts = line.split("\t")
    if len(parts) != 3:
        sys.exit(f"strings.tsv:{n}: expected 3 tab-separated columns, got {len(parts)}")
    if parts[0] in seen:
        sys.exit(f"strings.tsv:{n}: duplicate key {parts[0]}")
    seen.add(parts[0])
    rows.append(parts)

HEAD = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def write(name, column):
    body = "".join(
        f'  <data name="{escape(r[0], {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(r[column])}</value></data>\n'
        for r in rows)
    (root / name).write_text(HEAD + body + "</root>\n", encoding="utf-8")

write("SharedResource.resx", 1)
write("SharedResource.en.resx", 2)
print(f"{len(rows)} strings")
