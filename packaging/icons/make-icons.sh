#!/bin/sh
# Draws the Liaison Desk (联络站民意簿) application icon and writes every size and format
# the installers need into assets/:
#   assets/icons/liaison-desk-<N>.png  N = 16 24 32 48 64 128 256 512 1024  (Linux, hicolor sizes)
#   assets/liaison-desk.png            256 px, the one jpackage takes on Linux (--icon)
#   assets/liaison-desk.ico            16..256 px, Windows (--icon)
#   assets/liaison-desk.icns           16..1024 px, macOS (--icon)
#
# The design: a calm red rounded square, a white speech bubble, the character 民 in the bubble.
#
# Needs: ImageMagick 6 or 7 (convert), python3, a Simplified Chinese bold font
#   Debian/Ubuntu: apt-get install -y imagemagick fonts-noto-cjk python3
# Run from anywhere:  sh packaging/icons/make-icons.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/assets"
# Prefer the real ImageMagick binary over any wrapper earlier on PATH.
if [ -x /usr/bin/convert ]; then IM=/usr/bin/convert; else IM=$(command -v convert || command -v magick || true); fi
[ -n "$IM" ] || { echo "make-icons: ImageMagick 'convert' not found (apt-get install -y imagemagick)" >&2; exit 1; }
FONT=${ICON_FONT:-Noto-Sans-CJK-SC-Bold}
"$IM" -list font | grep -q "Font: $FONT\$" || {
  echo "make-icons: font $FONT not found (apt-get install -y fonts-noto-cjk, or set ICON_FONT)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out/icons"

# Master drawing at 1024 x 1024; every other size is scaled from it.
RED_TOP='#c8473f'
RED_BOTTOM='#9b2c2c'
"$IM" -size 1024x1024 "gradient:$RED_TOP-$RED_BOTTOM" "$tmp/bg.png"
"$IM" -size 1024x1024 xc:none -fill white -draw 'roundrectangle 40,40 983,983 200,200' "$tmp/mask.png"
"$IM" "$tmp/bg.png" "$tmp/mask.png" -alpha off -compose CopyOpacity -composite "$tmp/square.png"
# Speech bubble: a white rounded rectangle with a tail at the lower left.
"$IM" -size 1024x1024 xc:none -fill white \
  -draw 'roundrectangle 190,200 834,740 120,120' \
  -draw 'polygon 300,700 470,700 270,880' \
  "$tmp/bubble.png"
# The character, centred in the bubble, in the same red.
"$IM" -size 1024x1024 xc:none -font "$FONT" -pointsize 440 -fill "$RED_BOTTOM" \
  -gravity center -annotate +0-48 '民' "$tmp/glyph.png"
"$IM" "$tmp/square.png" "$tmp/bubble.png" -compose over -composite \
  "$tmp/glyph.png" -compose over -composite "$tmp/master.png"

for n in 16 24 32 48 64 128 256 512 1024; do
  "$IM" "$tmp/master.png" -filter Lanczos -resize "${n}x${n}" -strip \
    -define png:exclude-chunks=date,time "PNG32:$out/icons/liaison-desk-$n.png"
done
cp "$out/icons/liaison-desk-256.png" "$out/liaison-desk.png"

# Windows .ico: the sizes Explorer and the Start menu ask for.
"$IM" "$out/icons/liaison-desk-16.png" "$out/icons/liaison-desk-24.png" "$out/icons/liaison-desk-32.png" \
  "$out/icons/liaison-desk-48.png" "$out/icons/liaison-desk-64.png" "$out/icons/liaison-desk-128.png" \
  "$out/icons/liaison-desk-256.png" "$out/liaison-desk.ico"

# macOS .icns: ImageMagick 6 cannot write it, so pack the PNGs ourselves (each entry is a PNG).
python3 - "$out/icons" "$out/liaison-desk.icns" <<'PY'
import struct, sys
src, dst = sys.argv[1], sys.argv[2]
# (ICNS type, PNG size): 16/32/64 in the PNG-capable types, then 128..1024 incl. Retina variants.
entries = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
           (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512)]
body = b""
for kind, n in entries:
    with open(f"{src}/liaison-desk-{n}.png", "rb") as f:
        png = f.read()
    body += kind + struct.pack(">I", len(png) + 8) + png
with open(dst, "wb") as f:
    f.write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
echo "make-icons: wrote $out/liaison-desk.png .ico .icns and $out/icons/"
