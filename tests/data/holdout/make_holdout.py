#!/usr/bin/env python3
"""Render the plans by other writers (holdout_data.py) into tests/data/holdout.

The same pipeline as tests/data/plans/make_fixtures.py (whose renderers this
imports): NAME.md, NAME.txt (tab-separated rows, HTML cells), NAME.html →
NAME.docx (LibreOffice Writer) → NAME.pdf (LibreOffice prints the .docx),
NAME.json (hand-written expected; NAME.xlsx.json the same without the
prose targets listed in "xlsx_without" and with the units of "xlsx_short" by
the short name the appendix writes, for an appendix-only workbook). The .xlsx:
  "xlsx": True      the appendix alone, from HTML by LibreOffice Calc (as there);
  "xlsx": "sheets"  written here as a workbook the way a commune's office
                    keeps one: one sheet per pillar (split at the group rows),
                    each with the title in cells merged across the table and
                    the header repeated; numbers stored as numbers (48,5 is
                    the number 48.5, "1.000" the number 1000), "-" as text.

usage: python3 tests/data/holdout/make_holdout.py [--no-office] [NAME...]
"""
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "plans"))
import make_fixtures as mf  # noqa: E402

sys.path.insert(0, HERE)
from holdout_data import FIXTURES  # noqa: E402


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(text)


# ---- a workbook with one sheet per pillar --------------------------------
def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def vn_number(s):
    """The number a Vietnamese cell shows ("48,5", "1.000", "65"), or None."""
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
        return int(s.replace(".", ""))
    if re.fullmatch(r"\d+,\d+", s):
        return float(s.replace(",", "."))
    if re.fullmatch(r"\d+", s):
        return int(s)
    return None


def sheet_xml(rows, merges, strings):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows):
        cells = []
        for c, v in enumerate(row):
            if v == "":
                continue
            ref = "%s%d" % (col_name(c), r + 1)
            n = vn_number(v)
            if n is not None:
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, n))
            else:
                if v not in strings:
                    strings[v] = len(strings)
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, strings[v]))
        out.append('<row r="%d">%s</row>' % (r + 1, "".join(cells)))
    out.append("</sheetData>")
    if merges:
        out.append('<mergeCells count="%d">%s</mergeCells>' % (
            len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
    out.append("</worksheet>")
    return "".join(out)


def write_sheets_xlsx(fx, path):
    t = next(b[1] for b in fx["blocks"] if b[0] == "table")
    head = mf.grid(t["head"])
    body = mf.flat_rows(t["rows"])
    ncols = len(head[0])
    parts, cur = [], None
    for r in body:
        if mf.is_group_row(t, r):
            cur = (r[1], [r])
            parts.append(cur)
        else:
            cur[1].append(r)
    strings, sheets = {}, []
    last = col_name(ncols - 1)
    for name, rows in parts:
        grid_ = [[fx["title"][0]] + [""] * (ncols - 1), [fx["title"][1]] + [""] * (ncols - 1),
                 [""] * ncols] + head + rows
        merges = ["A1:%s1" % last, "A2:%s2" % last]
        sheets.append((name, sheet_xml(grid_, merges, strings)))
    write_workbook(sheets, strings, path)


def write_workbook(sheets, strings, path):
    """The .xlsx of `sheets` [(name, sheet xml)] sharing `strings`."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pr = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.sharedStrings+xml"/>'
          + "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.'
                    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1)
                    for i in range(len(sheets))) + "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="%s">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' % pr)
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="%s" xmlns:r="%s"><sheets>'
          % (ns, rns) + "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(n), i + 1, i + 1)
                                 for i, (n, _) in enumerate(sheets)) + "</sheets></workbook>")
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="%s">' % pr
              + "".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/'
                        '2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1)
                        for i in range(len(sheets)))
              + '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>' % (len(sheets) + 1))
    ss = sorted(strings, key=strings.get)
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="%s" count="%d" '
           'uniqueCount="%d">' % (ns, len(ss), len(ss))
           + "".join('<si><t xml:space="preserve">%s</t></si>' % escape(s) for s in ss) + "</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                           ("xl/_rels/workbook.xml.rels", wbrels), ("xl/sharedStrings.xml", sst)] + \
                [("xl/worksheets/sheet%d.xml" % (i + 1), x) for i, (_, x) in enumerate(sheets)]:
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))   # reproducible bytes
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ---- a body row that is one cell merged across the table -----------------
class SpanRow(list):
    """A group row written as one cell merged across the whole table ("I. Hạ
    tầng số"): in Word and Excel a merged cell, in the text forms its text
    in the first cell and the others empty (as a copy gives it)."""


mf.SpanRow = SpanRow
_html_table = mf.html_table


def html_table(t, style="border-collapse:collapse"):
    out = _html_table(t, style).split("\n")
    # rows follow the header rows one line each: replace the span rows'
    for i, r in enumerate(t["rows"]):
        if isinstance(r, SpanRow):
            k = 1 + len(t["head"]) + i
            out[k] = '<tr><td colspan="%d"><p><b>%s</b></p></td></tr>' % (len(r), mf.html.escape(r[0]))
    if t.get("repeat"):
        # "repeat": the header rows repeated on every page (Word's "Repeat
        # as header row"; LibreOffice reads <thead> so)
        nh = len(t["head"])
        out[1] = "<thead>" + out[1]
        out[nh] = out[nh] + "</thead><tbody>"
        out[-2] = out[-2] + "</tbody>"
    return "\n".join(out)


mf.html_table = html_table


# ---- a paragraph as a PDF printed it --------------------------------------
def printed_lines(text, width=80):
    lines, cur = [], ""
    for w in text.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    return lines + [cur]


def as_printed(blocks, fmt):
    """("pw", text): a paragraph whose printed lines a PDF converter kept
    apart: in the Word file one paragraph per line, in the text forms the
    lines under one another (a hard-wrapped paragraph)."""
    out = []
    for b in blocks:
        if b[0] != "pw":
            out.append(b)
        elif fmt == "html":
            out += [("p", ln) for ln in printed_lines(b[1])]
        else:
            out.append(("p", "\n".join(printed_lines(b[1]))))
    return out


# ---- a page break, a landscape page ---------------------------------------
PB = "\x00PB"


def page_html(fx, text):
    """("pagebreak",) before a block: in Word a page break before it (the
    text forms have none); "landscape": the pages printed across."""
    text = text.replace('<p align="center"><b>' + PB, '<p align="center" style="page-break-before: always"><b>')
    if fx.get("landscape"):
        text = text.replace("</head>", "<style>@page { size: 29.7cm 21cm; margin: 2cm }</style></head>", 1)
    return text


def with_breaks(blocks):
    out, brk = [], False
    for b in blocks:
        if b[0] == "pagebreak":
            brk = True
            continue
        if brk and b[0] == "c":
            b = ("c", PB + b[1])
        brk = False
        out.append(b)
    return out


def no_breaks(blocks):
    return [b for b in blocks if b[0] != "pagebreak"]


# ---- a workbook with a cover sheet, the table under title rows -------------
def write_book_xlsx(fx, path):
    """"xlsx": "book": sheet 1 is a cover (fx["cover"], one line a row), sheet 2
    holds fx["top"] lines (the title rows, merged across) and then the table:
    its header rows with their merged cells, its body with the cells merged
    down (a group column) as Excel merged ranges."""
    t = next(b[1] for b in fx["blocks"] if b[0] == "table")
    head = mf.grid(t["head"])
    body = mf.flat_rows(t["rows"])
    ncols = len(head[0])
    last = col_name(ncols - 1)
    top = fx["top"]
    rows = [[ln] + [""] * (ncols - 1) for ln in top] + head + body
    merges = ["A%d:%s%d" % (i + 1, last, i + 1) for i, ln in enumerate(top) if ln]
    # header merges
    r0 = len(top)
    covered = _covered(t["head"])
    for r, row in enumerate(t["head"]):
        col = 0
        for c in row:
            while (r, col) in covered:
                col += 1
            cs, rs = mf.spans(c)
            if cs > 1 or rs > 1:
                merges.append("%s%d:%s%d" % (col_name(col), r0 + r + 1, col_name(col + cs - 1), r0 + r + rs))
            col += cs
    # body merges (cells merged down)
    b0 = r0 + len(head)
    pending = {}
    for i, r in enumerate(t["rows"]):
        col = 0
        for c in r:
            while pending.get(col, 0) > 0:
                col += 1
            if isinstance(c, tuple) and c[2] > 1:
                merges.append("%s%d:%s%d" % (col_name(col), b0 + i + 1, col_name(col), b0 + i + c[2]))
                pending[col] = c[2]
            col += 1
        for k in list(pending):
            pending[k] -= 1
    strings = {}
    cover = [[ln] for ln in fx["cover"]]
    sheets = [("Bìa", sheet_xml(cover, [], strings)), ("Phụ lục", sheet_xml(rows, merges, strings))]
    write_workbook(sheets, strings, path)


def _covered(head):
    """(row, col) of the header grid that a span from an earlier row covers."""
    ncols = sum(mf.spans(c)[0] for c in head[0])
    taken = [[False] * ncols for _ in head]
    out = set()
    for r, row in enumerate(head):
        col = 0
        for c in row:
            while col < ncols and taken[r][col]:
                col += 1
            cs, rs = mf.spans(c)
            for dr in range(rs):
                for dc in range(cs):
                    taken[r + dr][col + dc] = True
                    if dr:
                        out.add((r + dr, col + dc))
            col += cs
    return out


def build(fx, office=True):
    name = fx["name"]
    write(name + ".md", mf.render_md(no_breaks(as_printed(fx["blocks"], "md"))))
    write(name + ".txt", mf.render_txt(no_breaks(as_printed(fx["blocks"], "txt"))))
    if fx.get("txt_utf16"):
        # "txt_utf16": saved as Windows Notepad saves "Unicode": UTF-16 LE, BOM, CRLF
        path = os.path.join(HERE, name + ".txt")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "wb") as f:
            f.write(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    write(name + ".html", page_html(fx, mf.render_html(with_breaks(as_printed(fx["blocks"], "html")))))
    write(name + ".json", json.dumps(fx["expected"], ensure_ascii=False, indent=1) + "\n")
    if fx.get("xlsx_without") or fx.get("xlsx_short"):
        # "xlsx_without": the items (prose targets) that the appendix-only
        # workbook cannot hold; NAME.xlsx.json is the expected without them,
        # so the workbook is measured on what it holds
        wb = dict(fx["expected"])
        wb["indicators"] = [i for i in wb["indicators"] if i["code"] not in fx.get("xlsx_without", ())]
        wb["tasks"] = [t for t in wb["tasks"] if t["code"] not in fx.get("xlsx_without", ())]
        # "xlsx_short" {full: short}: units the appendix writes by a short
        # name that only the prose defines ("(sau đây gọi là Văn phòng)"):
        # the workbook holds the short name, and is measured on it
        short = fx.get("xlsx_short", {})
        for it in wb["indicators"] + wb["tasks"]:
            for k in ("lead", "support"):
                it[k] = [short.get(u, u) for u in it[k]]
        write(name + ".xlsx.json", json.dumps(wb, ensure_ascii=False, indent=1) + "\n")
    if fx.get("xlsx") == "sheets":
        write_sheets_xlsx(fx, os.path.join(HERE, name + ".xlsx"))
    if fx.get("xlsx") == "book":
        write_book_xlsx(fx, os.path.join(HERE, name + ".xlsx"))
    if not office:
        return
    tmp = tempfile.mkdtemp()
    mf.soffice(os.path.join(HERE, name + ".html"), "docx:MS Word 2007 XML", tmp, "HTML (StarWriter)")
    shutil.copy(os.path.join(tmp, name + ".docx"), os.path.join(HERE, name + ".docx"))
    mf.soffice(os.path.join(HERE, name + ".docx"), "pdf:writer_pdf_Export", tmp)
    shutil.copy(os.path.join(tmp, name + ".pdf"), os.path.join(HERE, name + ".pdf"))
    if fx.get("xlsx") is True:
        src = os.path.join(tmp, name + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(mf.render_html(no_breaks(as_printed(fx["blocks"], "html")), only_appendix=True))
        mf.soffice(src, "xlsx:Calc MS Excel 2007 XML", tmp, "HTML (StarCalc)")
        shutil.copy(os.path.join(tmp, name + ".xlsx"), os.path.join(HERE, name + ".xlsx"))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    office = "--no-office" not in sys.argv
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    for fx in FIXTURES(mf):
        if not only or fx["name"] in only:
            build(fx, office)
            print("wrote", fx["name"])
