#!/usr/bin/env python3
"""make_pdfcalc: the holdout workbooks exported to PDF with Excel's usual page
setup (branch pdfcalc, issue 11 "PDF, read directly").

make_pdfvar.py's "calc" variant exports NAME.xlsx with the page setup Calc
saved in it: portrait, "Sheet1" over and "Page 1" under every page. A
commune's clerk who prints the appendix from Excel sets it otherwise. This
script rewrites the sheet's page setup in a copy of NAME.xlsx and has
LibreOffice Calc export it:

  NAME.calc-xl.pdf   A4 landscape, fit to one page wide, the sheet's
                     gridlines printed, no page header, the footer
                     "Page 1 of 2", and the table's header rows repeated at
                     the top of every page (print titles)

into OUT (default /tmp/pdfcalc). Usage:
    python3 tests/data/pdfvar/make_pdfcalc.py [--out DIR] [NAME ...]
Needs soffice.
"""
import argparse, os, re, shutil, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
HOLD = os.path.join(HERE, '..', 'holdout')


def header_rows(sheet, strings):
    """The table's header rows (first, last): from the first row with three
    text cells or more to the row before the first whose column A holds a
    number or a short code ("1", "I", "A", "1.1") or a group row led by one
    ("I. Hạ tầng số")."""
    texts = [re.sub(r'<[^>]+>', '', si) for si in re.findall(r'<si>(.*?)</si>', strings, re.S)]
    first = 0
    for m in re.finditer(r'<row r="(\d+)"[^>]*>(.*?)</row>', sheet, re.S):
        r, body = int(m.group(1)), m.group(2)
        if not first:
            if len(re.findall(r'<c [^>]*t="s"[^>]*><v>\d+</v>', body)) >= 3:
                first = r
            continue
        a = re.search(r'<c r="A%d"([^>]*)>(?:<f>[^<]*</f>)?<v>([^<]*)</v>' % r, body)
        if a:
            val = texts[int(a.group(2))] if 't="s"' in a.group(1) else a.group(2)
            if len(val.strip()) <= 5 or re.match(r'([IVX]+|[A-Z]|\d+)[.)]?\s', val.strip()):
                return first, r - 1   # a code, or a group row "I. Hạ tầng số
    return first, first


def rewrite(src, dst):
    with zipfile.ZipFile(src) as z:
        files = {n: z.read(n) for n in z.namelist()}
    sheet = files['xl/worksheets/sheet1.xml'].decode('utf-8')
    strings = files.get('xl/sharedStrings.xml', b'').decode('utf-8')
    first, last = header_rows(sheet, strings)
    sheet = re.sub(r'<pageSetUpPr[^>]*/>', '<pageSetUpPr fitToPage="true"/>', sheet)
    sheet = re.sub(r'<printOptions[^>]*/>', '', sheet)
    sheet = sheet.replace('<pageMargins', '<printOptions gridLines="true"/><pageMargins', 1)
    sheet = re.sub(r'<pageSetup [^>]*/>',
                   '<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>', sheet)
    sheet = re.sub(r'<headerFooter.*?</headerFooter>',
                   '<headerFooter><oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter></headerFooter>', sheet,
                   flags=re.S)
    files['xl/worksheets/sheet1.xml'] = sheet.encode('utf-8')
    if first:
        wb = files['xl/workbook.xml'].decode('utf-8')
        name = re.search(r'<sheet name="([^"]*)"', wb).group(1)
        dn = ('<definedName function="false" hidden="false" localSheetId="0" name="_xlnm.Print_Titles" '
              'vbProcedure="false">\'%s\'!$%d:$%d</definedName>' % (name, first, last))
        if '<definedNames>' in wb:
            wb = wb.replace('<definedNames>', '<definedNames>' + dn, 1)
        else:
            wb = wb.replace('<calcPr', '<definedNames>' + dn + '</definedNames><calcPr', 1)
        files['xl/workbook.xml'] = wb.encode('utf-8')
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, data in files.items():
            z.writestr(n, data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='/tmp/pdfcalc')
    ap.add_argument('names', nargs='*')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    names = a.names or sorted(f[:-5] for f in os.listdir(HOLD) if f.endswith('.xlsx'))
    with tempfile.TemporaryDirectory() as d:
        srcs = []
        for n in names:
            src = os.path.join(d, n + '.calc-xl.xlsx')
            rewrite(os.path.join(HOLD, n + '.xlsx'), src)
            srcs.append(src)
        with tempfile.TemporaryDirectory() as prof:
            subprocess.run(['soffice', '-env:UserInstallation=file://' + prof, '--headless',
                            '--convert-to', 'pdf', '--outdir', a.out] + srcs,
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for n in names:
        print(os.path.join(a.out, n + '.calc-xl.pdf'))


if __name__ == '__main__':
    sys.exit(main())
