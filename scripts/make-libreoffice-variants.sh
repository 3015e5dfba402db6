#!/usr/bin/env bash
# Makes each report fixture's variants with LibreOffice, an independent producer of DOCX, PDF, HTML and
# XLSX, into test-support/fixtures/reports/variants/libreoffice/ — committed, so that CI need not install
# LibreOffice. Run once after a fixture is added (needs the Debian packages libreoffice-writer and
# libreoffice-calc, and the project's own variants from scripts/make-report-variants.ts):
#   bash scripts/make-libreoffice-variants.sh
#
#   <name>.docx  the project's HTML tables opened in Writer and saved as Word
#   <name>.pdf   that Word file printed to PDF by Writer
#   <name>.html  that Word file saved as HTML by Writer
#   <name>.xlsx  the project's HTML tables opened in Calc and saved as Excel
#   <name>.text.docx / <name>.text.pdf   the fixture's plain text opened in Writer (tabs kept)
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=test-support/fixtures/reports
out=$fixtures/variants/libreoffice
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
convert() { soffice --headless --norestore "$@" --outdir "$work" >/dev/null 2>&1; }
for expected in "$fixtures"/*.expected.json; do
  name=$(basename "$expected" .expected.json)
  cp "$fixtures/variants/$name.html" "$work/$name.html"
  cp "$fixtures/$name.txt" "$work/$name.text.txt"
  convert --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' "$work/$name.html"
  convert --infilter="HTML (StarCalc)" --convert-to xlsx:'Calc MS Excel 2007 XML' "$work/$name.html"
  mv "$work/$name.html" "$work/$name.source.html"
  convert --convert-to pdf:writer_pdf_Export "$work/$name.docx"
  convert --convert-to 'html:HTML (StarWriter)' "$work/$name.docx"
  convert --infilter='Text (encoded):UTF8,,,,' --convert-to 'docx:MS Word 2007 XML' "$work/$name.text.txt"
  convert --infilter='Text (encoded):UTF8,,,,' --convert-to pdf:writer_pdf_Export "$work/$name.text.txt"
  for kind in docx pdf html xlsx text.docx text.pdf; do
    cp "$work/$name.$kind" "$out/$name.$kind"
    echo "$out/$name.$kind"
  done
done
