#!/usr/bin/env python3
"""make_pdfvar: the holdout plans printed to PDF by other programs than
LibreOffice Writer printing our .docx (issue 11, "PDF, read directly").

Every .pdf in tests/data/holdout/ is LibreOffice Writer's print of the
plan's .docx; communes publish PDFs from MS Word, from a browser's print,
from the Excel appendix. This script makes, for each holdout plan NAME,

  NAME.chrome.pdf       headless Chromium prints NAME.html on A4 portrait
                        (no header or footer)
  NAME.chrome-hf.pdf    the same with the browser's header and footer (date,
                        title, file address, "1/2"), as a user prints by default
  NAME.chrome-land.pdf  A4 landscape
  NAME.calc.pdf         LibreOffice Calc exports NAME.xlsx (where one exists),
                        with the workbook's own page setup
  NAME.writer-html.pdf  LibreOffice Writer opens NAME.html (another font,
                        another page, the HTML's cell padding)
  NAME.writer-font.pdf  NAME.docx with DejaVu Sans 13 pt and 3/2 cm margins
                        (the font and margins of many commune documents),
                        printed by LibreOffice Writer
  NAME.scan.pdf         (only with --only scan) the first page of NAME.chrome.pdf
                        as a 40 dpi grey picture, printed by Chromium: a PDF
                        with no text layer, as a scanner's

into OUT (default /tmp/pdfvar). Usage:
    python3 tests/data/pdfvar/make_pdfvar.py [--out DIR] [--only VARIANT,...] [NAME ...]
The committed selection in tests/data/pdfvar/ was made by this script;
tests/cli/extract_pdfvar.sh measures it. Needs chromium and soffice.
"""
import argparse, base64, os, re, shutil, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
HOLD = os.path.join(HERE, '..', 'holdout')
VARIANTS = ['chrome', 'chrome-hf', 'chrome-land', 'calc', 'writer-html', 'writer-font']


def chrome(html, out, css, header):
    with open(html, encoding='utf-8') as f:
        text = f.read()
    text = text.replace('<head>', '<head><style>' + css + '</style>', 1)
    with tempfile.TemporaryDirectory() as d:
        # the title is the file's name, as a browser shows it
        src = os.path.join(d, os.path.basename(html))
        with open(src, 'w', encoding='utf-8') as f:
            f.write(text)
        cmd = ['chromium', '--headless', '--no-sandbox', '--disable-gpu',
               '--user-data-dir=' + os.path.join(d, 'profile'),
               '--print-to-pdf=' + out, 'file://' + src]
        if not header:
            cmd.insert(4, '--no-pdf-header-footer')
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def scan(html, out):
    """A picture of the first page of HTML's print, printed again: no text."""
    with tempfile.TemporaryDirectory() as d:
        pdf = os.path.join(d, 'page.pdf')
        chrome(html, pdf, '@page{size:A4}', False)
        subprocess.run(['pdftoppm', '-r', '40', '-gray', '-png', '-f', '1', '-l', '1',
                        '-singlefile', pdf, os.path.join(d, 'page')], check=True)
        with open(os.path.join(d, 'page.png'), 'rb') as f:
            png = base64.b64encode(f.read()).decode()
        page = os.path.join(d, 'scan.html')
        with open(page, 'w', encoding='utf-8') as f:
            f.write('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
                    '<img style="width:100%" src="data:image/png;base64,' + png + '"></body></html>')
        chrome(page, out, '@page{size:A4;margin:0}body{margin:0}', False)


def soffice(srcs, outdir, filt, infilter=None):
    """Convert srcs into outdir with one soffice run (its own profile)."""
    if not srcs:
        return
    with tempfile.TemporaryDirectory() as prof:
        cmd = ['soffice', '-env:UserInstallation=file://' + prof, '--headless']
        if infilter:
            cmd.append('--infilter=' + infilter)
        cmd += ['--convert-to', filt, '--outdir', outdir] + srcs
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def refont(docx, out):
    """NAME.docx with DejaVu Sans 13 pt body and 3 cm / 2 cm margins."""
    with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in ('word/styles.xml', 'word/document.xml'):
                t = data.decode('utf-8')
                t = re.sub(r'Liberation (Serif|Sans)', 'DejaVu Sans', t)
                t = t.replace('<w:sz w:val="24"/>', '<w:sz w:val="26"/>')
                t = re.sub(r'<w:pgMar [^>]*>', '<w:pgMar w:left="1701" w:right="1134" w:gutter="0" '
                           'w:header="0" w:top="1134" w:footer="0" w:bottom="1134"/>', t)
                data = t.encode('utf-8')
            zout.writestr(item, data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='/tmp/pdfvar')
    ap.add_argument('--only', default=','.join(VARIANTS))
    ap.add_argument('names', nargs='*')
    o = ap.parse_args()
    only = o.only.split(',')
    names = o.names or sorted(f[:-5] for f in os.listdir(HOLD)
                              if f.endswith('.json') and not f.endswith('.xlsx.json'))
    os.makedirs(o.out, exist_ok=True)
    out = os.path.abspath(o.out)
    for n in names:
        html = os.path.join(HOLD, n + '.html')
        if 'chrome' in only:
            chrome(html, os.path.join(out, n + '.chrome.pdf'), '@page{size:A4}', False)
        if 'chrome-hf' in only:
            chrome(html, os.path.join(out, n + '.chrome-hf.pdf'), '@page{size:A4}', True)
        if 'scan' in only:
            scan(html, os.path.join(out, n + '.scan.pdf'))
        if 'chrome-land' in only:
            chrome(html, os.path.join(out, n + '.chrome-land.pdf'), '@page{size:A4 landscape}', False)
    with tempfile.TemporaryDirectory() as d:
        def batch(variant, ext, filt, infilter=None, prep=None):
            if variant not in only:
                return
            srcs = []
            for n in names:
                src = os.path.join(HOLD, n + ext)
                if not os.path.exists(src):
                    continue
                dst = os.path.join(d, n + '.' + variant + ext)
                if prep:
                    prep(src, dst)
                else:
                    shutil.copy(src, dst)
                srcs.append(dst)
            soffice(srcs, out, filt, infilter)
        batch('calc', '.xlsx', 'pdf:calc_pdf_Export')
        batch('writer-html', '.html', 'pdf:writer_pdf_Export', 'HTML (StarWriter)')
        batch('writer-font', '.docx', 'pdf:writer_pdf_Export', prep=refont)


if __name__ == '__main__':
    sys.exit(main())
