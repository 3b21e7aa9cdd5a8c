#!/bin/sh
# Builds the Windows x64 artifacts on Linux (run by `mvn -Pinstaller-windows package`, see packaging/README.md):
#   target/installer-windows/LiaisonDesk-<v>-windows-x64.zip   portable: unpack anywhere, start LiaisonDesk.exe
#   target/installer-windows/LiaisonDesk-<v>-setup.exe         NSIS installer, Chinese (and English) pages
#   target/installer-windows/LiaisonDesk-<v>.msi               plain MSI for silent deployment (if wixl is present)
# Input, staged by Maven in WORK: app/*.jar (the program's jar as liaison-desk.jar, its runtime dependencies and the
# JavaFX "win" jars) and jre.zip (org.sonarsource.scanner.cli:sonar-scanner-cli:<v>:zip:windows-x64, which holds an
# Eclipse Temurin Windows x64 JRE; its sha256 is pinned below).
#   build.sh PROJECT_DIR WORK VERSION MODULES
set -eu
project=$1; work=$2; version=${3%%-*}; modules=$4
here="$project/packaging/windows"
out="$project/target/installer-windows"
JRE_ZIP_SHA256=76d66269943d503381d9f5e273e5d7a90d6e5001c90615e63008ed1fc0b76921
MINGW=x86_64-w64-mingw32

missing=""
for tool in $MINGW-gcc:gcc-mingw-w64-x86-64-win32 $MINGW-windres:binutils-mingw-w64-x86-64 makensis:nsis \
            unzip:unzip zip:zip; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing="$missing ${tool#*:}"
done
if [ -n "$missing" ]; then
  echo "installer-windows: missing tools. Install them with: apt-get install -y$missing" >&2
  exit 1
fi
command -v wixl >/dev/null 2>&1 || echo "installer-windows: wixl not found, no .msi (apt-get install -y wixl)" >&2
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}
for t in jlink jimage jmod; do
  [ -x "$JAVA_HOME/bin/$t" ] || { echo "installer-windows: $JAVA_HOME/bin/$t not found: needs a full JDK 17 (apt-get install -y openjdk-17-jdk-headless)" >&2; exit 1; }
done

# The modules: the pom's list plus what jdeps finds in the program and its libraries.
found=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  "$project/target/liaison-desk.jar")
modules="$modules,$found"

echo "$JRE_ZIP_SHA256  $work/jre.zip" | sha256sum -c --quiet - || {
  echo "installer-windows: $work/jre.zip does not have the pinned sha256 $JRE_ZIP_SHA256" >&2; exit 1; }

# 1. The Windows runtime, cross-linked (kept between builds while the JRE and module list are the same).
stamp="$JRE_ZIP_SHA256 $modules"
if [ ! -f "$work/runtime.stamp" ] || [ "$(cat "$work/runtime.stamp")" != "$stamp" ]; then
  rm -rf "$work/jre" "$work/runtime"
  mkdir -p "$work/jre"
  unzip -q "$work/jre.zip" -d "$work/jre"
  jre=$(dirname "$(find "$work/jre" -path '*/jre/release' | head -n 1)")
  JAVA_HOME=$JAVA_HOME sh "$here/cross-jlink.sh" "$jre" "$work/runtime" "$modules" en,zh
  # Only java.exe (console launcher) and javaw.exe (window) are started; keytool is not needed.
  rm -f "$work/runtime/bin/keytool.exe"
  rm -rf "$work/jre"
  echo "$stamp" > "$work/runtime.stamp"
fi

# 2. The two launchers, with icon and version information.
IFS=. read -r v1 v2 v3 <<VERSION
$version
VERSION
for launcher in LiaisonDesk:0:联络站民意簿 liaison-desk:1:联络站民意簿（命令行）; do
  name=${launcher%%:*}; rest=${launcher#*:}; console=${rest%%:*}; description=${rest#*:}
  sed -e "s|@ICON@|$project/assets/liaison-desk.ico|" -e "s|@VERSION_COMMA@|$v1,$v2,${v3:-0},0|" \
      -e "s|@VERSION@|$version|g" -e "s|@NAME@|$name|g" -e "s|@DESCRIPTION@|$description|" \
      -e "s|@COPYRIGHT@|Copyright (C) 2024 Liaison Desk contributors|" "$here/launcher.rc.in" > "$work/$name.rc"
  $MINGW-windres -c 65001 "$work/$name.rc" -O coff -o "$work/$name.res"
  if [ "$console" = 1 ]; then sub=-mconsole; else sub=-mwindows; fi
  $MINGW-gcc -O2 -s $sub -DLD_CONSOLE=$console -o "$work/$name.exe" "$here/launcher.c" "$work/$name.res"
done

# 3. The image: LiaisonDesk/{LiaisonDesk.exe, liaison-desk.exe, app/, runtime/}.
image="$out/LiaisonDesk"
rm -rf "$out"; mkdir -p "$image"
cp "$work/LiaisonDesk.exe" "$work/liaison-desk.exe" "$image/"
cp -r "$work/app" "$image/app"
mkdir -p "$image/app/seeds"
cp "$project/seeds/hangzhou-npc-2023-main-tasks.txt" "$image/app/seeds/"
cp "$project/packaging/cds/liaison-desk.classlist" "$image/app/"
cp -r "$work/runtime" "$image/runtime"
cp "$here/README-zh.txt" "$image/说明.txt"

# 4. Portable zip.
zipfile="$out/LiaisonDesk-$version-windows-x64.zip"
(cd "$out" && zip -q -r -9 "$zipfile" LiaisonDesk)

# 5. setup.exe (NSIS).
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DVERSION4="$v1.$v2.${v3:-0}.0" -DIMAGE="$image" \
  -DICON="$project/assets/liaison-desk.ico" -DOUTFILE="$out/LiaisonDesk-$version-setup.exe" "$here/setup.nsi"

# 6. .msi (wixl), optional.
if command -v wixl >/dev/null 2>&1; then
  (cd "$image" && find . -type f | sort | wixl-heat -p ./ --component-group AppFiles --var var.SourceDir \
      --directory-ref INSTALLDIR --win64 > "$work/files.wxs")
  # wixl wants relative source paths.
  (cd "$project" && wixl -a x64 -D Win64=yes -D SourceDir="${image#$project/}" -D Version="$version" \
      -D Icon=assets/liaison-desk.ico -o "$out/LiaisonDesk-$version.msi" packaging/windows/liaison-desk.wxs \
      "$work/files.wxs")
fi
ls -l "$out"
