#!/bin/sh
# Prints the Debian "Depends:" list of an app image: the packages holding the shared libraries that the runtime's
# native code links (readelf NEEDED, works for x86_64 and arm64 images alike), with the alternatives that
# Ubuntu-based systems (Kylin, UOS) and the 64-bit time_t renames (Debian 13, Ubuntu 24.04: ...t64) use,
# followed by what the JavaFX natives inside the jars need (GTK 3) and a Chinese font.
#   deb-depends.sh IMAGE_DIR
# Stops with an error on a library it does not know, so a new dependency is never silently left out.
set -eu
image=$1
needed=$(find "$image" -name '*.so*' -type f -exec readelf -d {} + 2>/dev/null \
  | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
own=$(find "$image" -name '*.so*' -type f -exec basename {} \; | sort -u)
deps=""
for lib in $needed; do
  echo "$own" | grep -qx "$lib" && continue
  case "$lib" in
    libc.so.6|libm.so.6|libdl.so.2|libpthread.so.0|librt.so.1|ld-linux*) pkg="libc6" ;;
    libz.so.1) pkg="zlib1g" ;;
    libstdc++.so.6) pkg="libstdc++6" ;;
    libgcc_s.so.1) pkg="libgcc-s1" ;;
    libjpeg.so.62) pkg="libjpeg62-turbo | libjpeg62" ;;
    liblcms2.so.2) pkg="liblcms2-2" ;;
    libpng16.so.16) pkg="libpng16-16 | libpng16-16t64" ;;
    libgif.so.7) pkg="libgif7" ;;
    libfreetype.so.6) pkg="libfreetype6" ;;
    libharfbuzz.so.0) pkg="libharfbuzz0b" ;;
    libfontconfig.so.1) pkg="libfontconfig1" ;;
    libX11.so.6) pkg="libx11-6" ;;
    libXext.so.6) pkg="libxext6" ;;
    libXi.so.6) pkg="libxi6" ;;
    libXrender.so.1) pkg="libxrender1" ;;
    libXtst.so.6) pkg="libxtst6" ;;
    libasound.so.2) pkg="libasound2 | libasound2t64" ;;
    libpcsclite.so.1) pkg="libpcsclite1" ;;
    *) echo "deb-depends: no package known for $lib (needed in $image); add it to $0" >&2; exit 1 ;;
  esac
  case ", $deps, " in *", $pkg, "*) ;; *) deps="${deps:+$deps, }$pkg" ;; esac
done
echo "$deps, libgtk-3-0 | libgtk-3-0t64, fonts-noto-cjk | fonts-wqy-microhei"
