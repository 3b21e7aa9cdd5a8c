#!/bin/sh
# Prints the reception register and the reception notice through the window's JavaFX printing code to the CUPS-PDF
# printer under Xvfb, then renders the PDFs with pdftoppm (docs/printing.md). Linux, as root (it sets up CUPS).
# Needs: apt-get install -y cups cups-bsd cups-pdf poppler-utils xvfb xauth
# Usage: sh packaging/print-check.sh [OUTDIR]   (default /tmp/print-check; images OUTDIR/print-*.png)
set -eu
OUT=${1:-/tmp/print-check}
mkdir -p "$OUT"
command -v lpr >/dev/null || { echo "missing lpr: apt-get install -y cups-bsd (Java prints through lpr)"; exit 2; }
pgrep -x cupsd >/dev/null || cupsd
lpstat -p PDF >/dev/null 2>&1 || lpadmin -p PDF -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
lpoptions -p PDF -o PageSize=A4 >/dev/null
mvn -q -o -DskipTests test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
DB="$OUT/print.db"; rm -f "$DB" "$DB"-*
J="java -cp target/classes:$(cat "$OUT/cp.txt") org.liaisondesk.Launcher --db $DB"
$J init --station GS-001 --name 翠苑街道人大代表联络站 >/dev/null
ID=$($J add --received 2026-11-03 --channel visit --text "小区门口的路灯坏了一个多月，晚上出门很危险，希望尽快修好" \
    --name 张三丰 --phone 13812345678 --address 翠苑一区12幢3单元)
$J units add JD-01 --name 翠苑街道办事处 --kind street --contact "王科长 88000000" >/dev/null
$J assign "$ID" --unit JD-01 --opinion "请街道尽快修复路灯并答复群众" >/dev/null   # so the 交办单 prints too
PDFDIR=$(getent passwd "$(id -un)" | cut -d: -f6)/PDF          # cups-pdf's "Out ${HOME}/PDF"
mkdir -p "$PDFDIR"; rm -f "$PDFDIR"/print-*.pdf
timeout 300 xvfb-run -a java -cp "target/classes:target/test-classes:$(cat "$OUT/cp.txt")" \
    org.liaisondesk.ui.print.PrintCheck "$DB" PDF "$ID"
for i in $(seq 1 30); do                                           # cups-pdf writes the files a moment later
    [ "$(ls "$PDFDIR"/print-*.pdf 2>/dev/null | wc -l)" -ge 3 ] && break; sleep 1
done
for kind in register notice slip; do
    f=$(ls -t "$PDFDIR"/print-$kind*.pdf | head -1)
    pdfinfo "$f" | grep -E "Pages|Page size"
    pdftoppm -r 80 -png -singlefile "$f" "$OUT/print-$kind"
done
ls -l "$OUT"/print-*.png
