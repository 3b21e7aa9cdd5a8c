#!/bin/sh
# Rewrites the Depends of the .deb jpackage made (-Pinstaller): jpackage lists the exact packages of the build
# machine (e.g. libjpeg62-turbo, libasound2), which Ubuntu-based systems (Kylin, UOS) or the t64 renames
# (Debian 13, Ubuntu 24.04) may not have. The new list comes from deb-depends.sh (with alternatives); jpackage's
# xdg-utils (menu registration) is kept.
#   fix-depends.sh DEB APP_IMAGE_DIR
set -eu
deb=$1; image=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fix-depends.XXXXXX")
trap 'rm -rf "$work"' EXIT
depends=$(sh "$here/deb-depends.sh" "$image")
fakeroot sh -c "dpkg-deb -R '$deb' '$work/pkg' &&
  if grep -q '^Depends:.*xdg-utils' '$work/pkg/DEBIAN/control'; then extra=', xdg-utils'; else extra=''; fi &&
  sed -i \"s#^Depends: .*#Depends: $depends\$extra#\" '$work/pkg/DEBIAN/control' &&
  dpkg-deb -Zxz --build '$work/pkg' '$deb' >/dev/null"
echo "fix-depends: $(dpkg-deb -f "$deb" Depends)"
