#!/bin/sh
# Smoke test of the arm64 .deb on an x86_64 machine, under qemu-user (after `mvn -Pinstaller-arm64 package`):
#   sh packaging/arm64/smoke.sh [target/installer-arm64/liaison-desk_<v>-1_arm64.deb]
# Unpacks the package and the arm64 C libraries the Java runtime needs (libc6, zlib1g, libgcc-s1, libstdc++6:arm64,
# fetched with apt-get download) into a scratch sysroot, then runs the package's own launcher with
# LIAISON_DESK_EXEC_PREFIX="qemu-aarch64-static -L SYSROOT": --version, init, add, list, export and import with
# Chinese text. The window is not tried (no arm64 GTK here).
# Needs: apt-get install -y qemu-user-static; dpkg --add-architecture arm64 && apt-get update
set -eu
project=$(cd "$(dirname "$0")/../.." && pwd)
deb=${1:-$(ls "$project"/target/installer-arm64/liaison-desk_*_arm64.deb | head -n 1)}
command -v qemu-aarch64-static >/dev/null 2>&1 || { echo "arm64 smoke: apt-get install -y qemu-user-static" >&2; exit 1; }
dpkg --print-foreign-architectures | grep -qx arm64 || {
  echo "arm64 smoke: run once: dpkg --add-architecture arm64 && apt-get update" >&2; exit 1; }
scratch=$(mktemp -d /tmp/liaison-desk-arm64-smoke.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
ok() { echo "  ok  $*"; }
die() { echo "FAIL  $*" >&2; exit 1; }

[ "$(dpkg-deb -f "$deb" Architecture)" = arm64 ] || die "$deb is not Architecture: arm64"
ok "$(basename "$deb"): Architecture arm64, $(du -h "$deb" | cut -f1), Depends: $(dpkg-deb -f "$deb" Depends)"
root="$scratch/sysroot"
(cd "$scratch" && apt-get download -q libc6:arm64 zlib1g:arm64 libgcc-s1:arm64 libstdc++6:arm64 >/dev/null 2>&1) \
  || die "apt-get download of the arm64 C libraries failed (apt-get update?)"
for d in "$scratch"/*.deb "$deb"; do dpkg-deb -x "$d" "$root"; done
java="$root/opt/liaison-desk/lib/runtime/bin/java"
file -L "$java" 2>/dev/null | grep -q 'ARM aarch64' || die "bin/java is not an arm64 program: $(file -L "$java")"
ok "runtime: $(sed -n 's/^JAVA_VERSION=//p' "$root/opt/liaison-desk/lib/runtime/release") ($(file -L "$java" | cut -d, -f2 | sed 's/^ //'))"

export LIAISON_DESK_EXEC_PREFIX="qemu-aarch64-static -L $root" LANG=C.UTF-8
ld() { "$root/opt/liaison-desk/bin/liaison-desk" "$@"; }
v=$(ld --version) || die "--version"; ok "--version -> $v"
ld --db "$scratch/station.db" init --station GS-201 --name "鲲鹏测试站" >/dev/null || die "init"
id=$(ld --db "$scratch/station.db" add --text "小区电梯老旧，经常停运，老人上下楼困难") || die "add"
ok "init + add (id $id)"
ld --db "$scratch/station.db" list --json > "$scratch/list.json" || die "list"
grep -q "电梯老旧" "$scratch/list.json" || die "list lacks the Chinese text"
ok "list --json has 电梯老旧 (areas $(grep -o '"areas":\[[0-9,]*\]' "$scratch/list.json" | head -n 1))"
mkdir -p "$scratch/stick"
batch=$(ld --db "$scratch/station.db" export --out "$scratch/stick" 2>/dev/null) || die "export"
ok "export -> $(basename "$batch")"
ld --db "$scratch/general.db" init --station GS-000 --name "总站" --mode general >/dev/null || die "init general"
ld --db "$scratch/general.db" import "$scratch/stick" >/dev/null || die "import"
ld --db "$scratch/general.db" list --json | grep -q "电梯老旧" || die "the general station lacks the opinion"
ok "import at the general station: the opinion arrived"
# What the package's postinst does on the machine, here inside the sysroot: the class-data archive, which the
# launcher must then map (its class path is spelled as the dump's).
app="$root/opt/liaison-desk/lib/app"
qemu-aarch64-static -L "$root" "$java" -Xshare:dump -XX:SharedClassListFile="$app/liaison-desk.classlist" \
  -XX:SharedArchiveFile="$app/liaison-desk.jsa" -cp "$app/*" >"$scratch/dump.log" 2>&1 \
  || die "the postinst's class-data dump failed: $(tail -n 3 "$scratch/dump.log")"
JAVA_TOOL_OPTIONS=-Xlog:cds=info ld --version 2>/dev/null | grep -q 'Mapped static' \
  || die "the launcher does not map the class-data archive"
ok "class-data archive $(du -h "$app/liaison-desk.jsa" | cut -f1), mapped by the launcher; --version $(ld --version)"
echo "arm64 smoke: PASS"
