#!/bin/sh
# Smoke test of the Linux x86_64 .deb (after `mvn -Pinstaller package`):
#   sh packaging/linux/smoke.sh [target/installer/liaison-desk_<v>-1_amd64.deb]
# Checks the package fields (Architecture, Depends with alternatives), unpacks it into a scratch folder (no root,
# nothing installed on this machine) and runs its launcher: --version, init, add, list, export and import with
# Chinese text. SMOKE_INSTALL=1 installs it for real with apt-get (root), runs --version from /usr/bin and removes it.
set -eu
project=$(cd "$(dirname "$0")/../.." && pwd)
deb=${1:-$(ls "$project"/target/installer/liaison-desk_*_amd64.deb | head -n 1)}
scratch=$(mktemp -d /tmp/liaison-desk-linux-smoke.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
ok() { echo "  ok  $*"; }
die() { echo "FAIL  $*" >&2; exit 1; }

[ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] || die "$deb is not Architecture: amd64"
depends=$(dpkg-deb -f "$deb" Depends)
echo "$depends" | grep -q 'libjpeg62-turbo | libjpeg62' || die "Depends lacks libjpeg62-turbo | libjpeg62: $depends"
ok "$(basename "$deb"): amd64, $(du -h "$deb" | cut -f1), Depends: $depends"
dpkg-deb -x "$deb" "$scratch/root"
launcher="$scratch/root/opt/liaison-desk/bin/liaison-desk"
export LANG=C.UTF-8
ld() { "$launcher" "$@"; }
v=$(ld --version) || die "--version"; ok "--version -> $v"
ld --db "$scratch/station.db" init --station GS-301 --name "麒麟测试站" >/dev/null || die "init"
id=$(ld --db "$scratch/station.db" add --text "公交站台没有遮雨棚，下雨天候车很不方便") || die "add"
ok "init + add (id $id)"
ld --db "$scratch/station.db" list --json | grep -q "遮雨棚" || die "list lacks the Chinese text"
ok "list --json has 遮雨棚"
mkdir -p "$scratch/stick"
batch=$(ld --db "$scratch/station.db" export --out "$scratch/stick" 2>/dev/null) || die "export"
ok "export -> $(basename "$batch")"
ld --db "$scratch/general.db" init --station GS-000 --name "总站" --mode general >/dev/null || die "init general"
ld --db "$scratch/general.db" import "$scratch/stick" >/dev/null || die "import"
ld --db "$scratch/general.db" list --json | grep -q "遮雨棚" || die "the general station lacks the opinion"
ok "import at the general station: the opinion arrived"
if [ "${SMOKE_INSTALL:-0}" = 1 ]; then
  apt-get install -y -q "$deb" >/dev/null || die "apt-get install"
  v=$(/usr/bin/liaison-desk --version) || die "installed --version"
  ok "installed: /usr/bin/liaison-desk --version -> $v"
  jsa=/opt/liaison-desk/lib/app/liaison-desk.jsa
  [ -f "$jsa" ] || die "postinst made no class-data archive ($jsa)"
  JAVA_TOOL_OPTIONS=-Xlog:cds=info /usr/bin/liaison-desk --version 2>/dev/null | grep -q 'Mapped static' \
    || die "the launcher does not map $jsa"
  ok "postinst made $jsa ($(du -h "$jsa" | cut -f1)); the launcher maps it"
  apt-get remove -y -q liaison-desk >/dev/null || die "apt-get remove"
  [ ! -e "$jsa" ] || die "removing the package left $jsa"
  ok "removed, class-data archive too"
fi
echo "linux smoke: PASS"
