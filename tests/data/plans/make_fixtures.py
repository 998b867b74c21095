#!/usr/bin/env python3
"""Render the fictional plan fixtures of tests/data/plans into every format.

Each fixture below is one invented commune's plan (none is a real document),
written once as blocks (paragraphs and tables) and rendered as:
  NAME.md    Markdown with pipe tables; a table may be cut by a "page break"
             into fragments (an all-empty header row, as PDF → Markdown
             converters write them), a row cut in the middle;
  NAME.txt   text with tab-separated table rows and HTML in the cells
             (<p>, <ul><li>, <b>), a page number between fragments;
  NAME.html  Word-like HTML (merged header cells as colspan/rowspan), from
             which LibreOffice makes NAME.docx;
  NAME.xlsx  (table plans only) the appendix table alone, via LibreOffice Calc;
  NAME.pdf   NAME.docx printed to PDF by LibreOffice Writer (read by poppler).
The expected extraction NAME.json is NOT derived from these blocks: it is
written by hand in expected/NAME.py-style literals at the end of each
fixture (EXPECTED), following ../shared/spec/plan-json.md.

usage: python3 tests/data/plans/make_fixtures.py [--no-office]
(the office files are committed; --no-office only rewrites the text forms)
"""
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# ---- block model -------------------------------------------------------
# ("p", text)   paragraph          ("b", text)  bold paragraph
# ("li", text)  "- " bullet        ("c", text)  centred title line (bold)
# ("head", left_lines, right_lines)  the two-column heading (a table in Word)
# ("table", {"head": [[cell]], "rows": [[cell]], "cut": (row, words)})
#   a cell is a string ("\n" = paragraph break, lines "- x" = list items) or
#   (text, colspan, rowspan) in header rows, (text, 1, rowspan) in body rows
#   (a cell merged down: the rows below omit it); "cut": a page break before row
#   `row`, its name cell cut after `words` words (0: a clean break).
# ("appendix_start",) marks where the xlsx sheet begins.


def cell_text(c):
    return c[0] if isinstance(c, tuple) else c


def spans(c):
    return (c[1], c[2]) if isinstance(c, tuple) else (1, 1)


def grid(head):
    """Header rows as a full grid of strings ("" under a span)."""
    ncols = sum(spans(c)[0] for c in head[0])
    out = [[None] * ncols for _ in head]
    for r, row in enumerate(head):
        col = 0
        for c in row:
            while col < ncols and out[r][col] is not None:
                col += 1
            cs, rs = spans(c)
            for dr in range(rs):
                for dc in range(cs):
                    out[r + dr][col + dc] = cell_text(c) if dr == 0 and dc == 0 else ""
            col += cs
    return [[x or "" for x in row] for row in out]


def flat_rows(rows):
    """Body rows as plain strings: a merged-down cell (text, 1, rowspan) keeps
    its text in its first row and leaves the rows below empty, as Excel
    copies it; rows of a table with such cells list only the cells that
    start in them, so the covered columns are filled in here."""
    out, pending = [], {}
    for r in rows:
        row, it, col = [], iter(r), 0
        width = len(r) + sum(1 for v in pending.values() if v > 0)
        while col < width:
            if pending.get(col, 0) > 0:
                pending[col] -= 1
                row.append("")
            else:
                c = next(it)
                if isinstance(c, tuple):
                    pending[col] = c[2] - 1
                    c = c[0]
                row.append(c)
            col += 1
        out.append(row)
    return out


def split_row(row, namecol, words):
    first, rest = list(row), [""] * len(row)
    w = row[namecol].split(" ")
    first[namecol] = " ".join(w[:words])
    rest[namecol] = " ".join(w[words:])
    return first, rest


# ---- Markdown ----------------------------------------------------------
def md_cell(s):
    return s.replace("|", "\\|").replace("\n", "<br>")


def md_table(rows):
    out = ["| " + " | ".join(md_cell(c) for c in rows[0]) + " |",
           "|" + "|".join("---" for _ in rows[0]) + "|"]
    out += ["| " + " | ".join(md_cell(c) for c in r) + " |" for r in rows[1:]]
    return "\n".join(out)


def render_md(blocks):
    out = []
    for b in blocks:
        k = b[0]
        if k == "p":
            out.append(b[1])
        elif k == "b" or k == "c":
            out.append("**" + b[1] + "**")
        elif k == "li":
            out.append("- " + b[1])
        elif k == "head":
            out += b[1] + b[2]
        elif k == "table":
            t = b[1]
            hg = grid(t["head"])
            rows = hg + flat_rows(t["rows"])
            cut = t.get("cut")
            if not cut:
                out.append(md_table(rows))
                continue
            at, words = cut
            at += len(hg)
            if words:
                a, rest = split_row(rows[at], t.get("namecol", 1), words)
                part1, part2 = rows[:at] + [a], [rest] + rows[at + 1:]
            else:
                part1, part2 = rows[:at], rows[at:]
            out.append(md_table(part1))
            # "repeat": the header rows printed again on the new page
            out.append(md_table((hg if t.get("repeat") else [[""] * len(rows[0])]) + part2))
    return "\n\n".join(out) + "\n"


# ---- tab-separated text with HTML cells --------------------------------
def html_cell(s, bold=False):
    lines = s.split("\n")
    if len(lines) == 1 and not s.startswith("- "):
        h = html.escape(s, quote=False)
    else:
        parts, items = [], []
        for ln in lines:
            if ln.startswith("- "):
                items.append("<li>" + html.escape(ln[2:], quote=False) + "</li>")
                continue
            if items:
                parts.append("<ul>" + "".join(items) + "</ul>")
                items = []
            parts.append("<p>" + html.escape(ln, quote=False) + "</p>")
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
        h = "".join(parts)
    return "<b>" + h + "</b>" if bold and h else h


def is_group_row(t, r):
    return sum(1 for c in r if c) == 2 and r[t.get("codecol", 0)] and r[t.get("namecol", 1)]


def render_txt(blocks):
    out = []
    for b in blocks:
        k = b[0]
        if k == "p":
            out.append(b[1])
        elif k == "b" or k == "c":
            out.append("**" + b[1] + "**")
        elif k == "li":
            out.append("- " + b[1])
        elif k == "head":
            out += b[1] + b[2]
        elif k == "table":
            t = b[1]
            hg = grid(t["head"])
            lines = ["\t".join(html_cell(c) for c in r) for r in hg]
            body = flat_rows(t["rows"])
            cut = t.get("cut")
            for i, r in enumerate(body):
                if cut and i == cut[0]:
                    if cut[1]:
                        a, rest = split_row(r, t.get("namecol", 1), cut[1])
                        lines.append("\t".join(html_cell(c) for c in a))
                        lines += ["", "7", ""] + (lines[:len(hg)] if t.get("repeat") else [])
                        lines.append("\t".join(html_cell(c) for c in rest))
                        continue
                    lines += ["", "7", ""] + (lines[:len(hg)] if t.get("repeat") else [])
                g = is_group_row(t, r)
                lines.append("\t".join(html_cell(c, g) for c in r))
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


# ---- HTML (for LibreOffice) --------------------------------------------
def html_table(t, style="border-collapse:collapse"):
    # cellpadding: Word tables keep 0.19 cm left and right of a cell's text
    out = ['<table border="1" cellspacing="0" cellpadding="7" style="%s">' % style]
    for row in t["head"]:
        out.append("<tr>" + "".join(
            '<td colspan="%d" rowspan="%d"><p><b>%s</b></p></td>' % (spans(c)[0], spans(c)[1],
                                                                   html.escape(cell_text(c)))
            for c in row) + "</tr>")
    for r in t["rows"]:
        g = is_group_row(t, r)
        out.append("<tr>" + "".join(
            ('<td rowspan="%d">%s</td>' % (c[2], html_cell(c[0], g) or "<p></p>")) if isinstance(c, tuple)
            else "<td>%s</td>" % (html_cell(c, g) or "<p></p>") for c in r) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def render_html(blocks, only_appendix=False):
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>plan</title></head><body>']
    started = not only_appendix
    for b in blocks:
        k = b[0]
        if k == "appendix_start":
            started = True
            continue
        if not started:
            continue
        if only_appendix and k not in ("table", "c", "b", "p"):
            continue
        if k == "p":
            out.append("<p>%s</p>" % html.escape(b[1]))
        elif k == "b":
            out.append("<p><b>%s</b></p>" % html.escape(b[1]))
        elif k == "c":
            out.append('<p align="center"><b>%s</b></p>' % html.escape(b[1]))
        elif k == "li":
            out.append("<p>- %s</p>" % html.escape(b[1]))
        elif k == "head":
            out.append('<table border="0"><tr><td>%s</td><td>%s</td></tr></table>' % (
                "".join("<p>%s</p>" % html.escape(x) for x in b[1]),
                "".join("<p>%s</p>" % html.escape(x) for x in b[2])))
        elif k == "table":
            out.append(html_table(b[1]))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def soffice(src, fmt, outdir, infilter=None):
    prof = tempfile.mkdtemp(prefix="lo-")
    cmd = ["soffice", "-env:UserInstallation=file://" + prof, "--headless"]
    if infilter:
        cmd.append("--infilter=" + infilter)
    cmd += ["--convert-to", fmt, "--outdir", outdir, src]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(prof, ignore_errors=True)


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(text)


def build(fx, office=True):
    name = fx["name"]
    write(name + ".md", render_md(fx["blocks"]))
    write(name + ".txt", render_txt(fx["blocks"]))
    write(name + ".html", render_html(fx["blocks"]))
    write(name + ".json", json.dumps(fx["expected"], ensure_ascii=False, indent=1) + "\n")
    if not office:
        return
    tmp = tempfile.mkdtemp()
    soffice(os.path.join(HERE, name + ".html"), "docx:MS Word 2007 XML", tmp, "HTML (StarWriter)")
    shutil.copy(os.path.join(tmp, name + ".docx"), os.path.join(HERE, name + ".docx"))
    # the .pdf as a commune publishes it: the Word file printed by LibreOffice
    soffice(os.path.join(HERE, name + ".docx"), "pdf:writer_pdf_Export", tmp)
    shutil.copy(os.path.join(tmp, name + ".pdf"), os.path.join(HERE, name + ".pdf"))
    if fx.get("xlsx"):
        src = os.path.join(tmp, name + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(render_html(fx["blocks"], only_appendix=True))
        soffice(src, "xlsx:Calc MS Excel 2007 XML", tmp, "HTML (StarCalc)")
        shutil.copy(os.path.join(tmp, name + ".xlsx"), os.path.join(HERE, name + ".xlsx"))
    shutil.rmtree(tmp, ignore_errors=True)


# ---- expected items (hand-written) -------------------------------------
def tg(year, op, value, unit, text):
    return {"year": year, "op": op, "value": value, "unit": unit, "text": text}


def ind(code, group, name, targets, lead=(), support=(), due=None, due_text=None):
    return {"code": code, "group": group, "name": name, "targets": list(targets), "lead": list(lead),
            "support": list(support), "due": due, "due_text": due_text, "basis": None, "action": None}


def task(code, group, name, lead=(), support=(), outputs=(), due=None, due_text=None, funding=None):
    return {"code": code, "group": group, "name": name, "lead": list(lead), "support": list(support),
            "outputs": list(outputs), "due": due, "due_text": due_text, "funding": funding}


def plan(title, commune, province, number, issued, groups, indicators, tasks):
    return {"schema": "dti.plan/1", "title": title, "commune": commune, "province": province,
            "number": number, "issued": issued,
            "groups": [{"code": c, "name": n} for c, n in groups],
            "indicators": indicators, "tasks": tasks}


sys.path.insert(0, HERE)
from fixtures_data import FIXTURES  # noqa: E402  (the fixtures themselves)

if __name__ == "__main__":
    office = "--no-office" not in sys.argv
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    for fx in FIXTURES(sys.modules[__name__]):
        if not only or fx["name"] in only:
            build(fx, office)
            print("wrote", fx["name"])
