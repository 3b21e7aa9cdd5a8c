#!/bin/sh
# Builds target/installer-arm64/liaison-desk_<v>-1_arm64.deb on Linux x86_64 (run by `mvn -Pinstaller-arm64 package`).
# Input, staged by Maven in WORK: app/*.jar (the program's jar as liaison-desk.jar, its runtime dependencies and the
# JavaFX linux-aarch64 jars). The Java runtime is cross-linked by the build machine's jlink from the jmods of
# Debian's openjdk-17-jdk-headless:arm64 (apt-get download; needs `dpkg --add-architecture arm64`).
#   build.sh PROJECT_DIR WORK VERSION MODULES
set -eu
project=$1; work=$2; version=${3%%-*}; modules=$4
out="$project/target/installer-arm64"
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}

missing=""
for tool in fakeroot:fakeroot dpkg-deb:dpkg readelf:binutils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing="$missing ${tool#*:}"
done
[ -z "$missing" ] || { echo "installer-arm64: missing tools. Install them with: apt-get install -y$missing" >&2; exit 1; }
[ -x "$JAVA_HOME/bin/jlink" ] || { echo "installer-arm64: $JAVA_HOME/bin/jlink not found: needs a full JDK 17 (apt-get install -y openjdk-17-jdk-headless)" >&2; exit 1; }

# 1. Debian's arm64 JDK (its jmods), downloaded once into WORK.
if ! ls "$work"/debs/openjdk-17-jdk-headless_*_arm64.deb >/dev/null 2>&1; then
  dpkg --print-foreign-architectures | grep -qx arm64 || {
    echo "installer-arm64: apt cannot see arm64 packages. Run once (as root): dpkg --add-architecture arm64 && apt-get update" >&2; exit 1; }
  mkdir -p "$work/debs"
  (cd "$work/debs" && apt-get download openjdk-17-jdk-headless:arm64) || {
    echo "installer-arm64: apt-get download openjdk-17-jdk-headless:arm64 failed (run apt-get update?)" >&2; exit 1; }
fi
jdkdeb=$(ls "$work"/debs/openjdk-17-jdk-headless_*_arm64.deb | head -n 1)
found=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  "$project/target/liaison-desk.jar")
modules="$modules,$found"
stamp="$(sha256sum "$jdkdeb" | cut -d' ' -f1) $modules"
if [ ! -f "$work/runtime.stamp" ] || [ "$(cat "$work/runtime.stamp")" != "$stamp" ]; then
  rm -rf "$work/jdk" "$work/runtime"
  dpkg-deb -x "$jdkdeb" "$work/jdk"
  # Across platforms --strip-debug (objcopy) and --generate-cds-archive (runs the target's java) do not work.
  "$JAVA_HOME/bin/jlink" --module-path "$work/jdk/usr/lib/jvm/java-17-openjdk-arm64/jmods" \
    --add-modules "$modules" --include-locales=en,zh --strip-java-debug-attributes \
    --no-header-files --no-man-pages --compress=2 --output "$work/runtime"
  rm -rf "$work/jdk"
  # Only bin/java is started (by bin/liaison-desk); the server VM's no-compressed-oops archive is not needed.
  find "$work/runtime/bin" -type f ! -name java -delete
  echo "$stamp" > "$work/runtime.stamp"
fi

# 2. The package tree: /opt/liaison-desk as on x86_64, plus the menu entry and the command on PATH.
root="$work/deb"
rm -rf "$root" "$out"; mkdir -p "$out" "$root/DEBIAN" "$root/opt/liaison-desk/bin" "$root/opt/liaison-desk/lib" \
  "$root/usr/bin" "$root/usr/share/applications"
cp -r "$work/runtime" "$root/opt/liaison-desk/lib/runtime"
cp -r "$work/app" "$root/opt/liaison-desk/lib/app"
mkdir -p "$root/opt/liaison-desk/lib/app/seeds"
cp "$project/seeds/hangzhou-npc-2023-main-tasks.txt" "$root/opt/liaison-desk/lib/app/seeds/"
cp "$project/packaging/cds/liaison-desk.classlist" "$root/opt/liaison-desk/lib/app/"
install -m 755 "$project/packaging/arm64/postinst" "$project/packaging/arm64/prerm" "$root/DEBIAN/"
cp "$project/assets/liaison-desk.png" "$root/opt/liaison-desk/lib/liaison-desk.png"
install -m 755 "$project/packaging/arm64/liaison-desk.sh" "$root/opt/liaison-desk/bin/liaison-desk"
ln -s /opt/liaison-desk/bin/liaison-desk "$root/usr/bin/liaison-desk"
sed -e 's|APPLICATION_LAUNCHER|/opt/liaison-desk/bin/liaison-desk|' -e 's|APPLICATION_ICON|/opt/liaison-desk/lib/liaison-desk.png|' \
  "$project/packaging/linux/resources/liaison-desk.desktop" > "$root/usr/share/applications/liaison-desk.desktop"

depends=$(sh "$project/packaging/linux/deb-depends.sh" "$root/opt/liaison-desk")
size=$(du -sk "$root" | cut -f1)
sed -e "s|APPLICATION_PACKAGE|liaison-desk|g" -e "s|APPLICATION_VERSION-APPLICATION_RELEASE|$version-1|" \
    -e "s|APPLICATION_SECTION|misc|" -e "s|APPLICATION_MAINTAINER|Liaison Desk <packaging@liaisondesk.org>|" \
    -e "s|APPLICATION_ARCH|arm64|" -e "s|APPLICATION_DESCRIPTION|联络站民意簿 Liaison Desk|" \
    -e "s#PACKAGE_DEFAULT_DEPENDENCIES PACKAGE_CUSTOM_DEPENDENCIES#$depends#" \
    -e "s|APPLICATION_INSTALLED_SIZE|$size|" -e "/APPLICATION_HOMEPAGE/d" -e '/^Provides:/d' \
    "$project/packaging/linux/resources/control" > "$root/DEBIAN/control"
fakeroot dpkg-deb -Zxz --build "$root" "$out/liaison-desk_${version}-1_arm64.deb"
rm -rf "$root"
ls -l "$out"
