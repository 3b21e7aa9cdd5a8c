#!/bin/sh
# Writes packaging/cds/liaison-desk.classlist: the classes a real start of the window loads until the login dialog
# takes typing (JDK, JavaFX and the program's own). The installers turn it into a class-data-sharing archive on the
# machine they install on (-Xshare:dump), which takes about a third off the window's start-up.
# Run it after a change that alters what start-up loads (ClassListTest names the classes that went stale):
#   mvn -q package -DskipTests && sh packaging/cds/make-classlist.sh
# Needs xvfb-run (apt-get install -y xvfb xauth libgtk-3-0 fonts-noto-cjk).
set -e
project=$(cd "$(dirname "$0")/../.." && pwd)
jar="$project/target/liaison-desk.jar"
out="$project/packaging/cds/liaison-desk.classlist"
[ -f "$jar" ] || { echo "make-classlist: $jar not found; run mvn package first" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "make-classlist: xvfb-run not found (apt-get install -y xvfb xauth)" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
java -jar "$jar" --db "$scratch/start.db" init --station ZZ-01 --name 类表 >/dev/null
echo start-password | java -jar "$jar" --db "$scratch/start.db" user add --role admin --password-stdin clerk >/dev/null
# A fresh user folder, so the start is a first start; the probe closes the window once the login dialog is ready.
LIAISON_DESK_HOME="$scratch/home" timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
  java -XX:DumpLoadedClassList="$scratch/classes.lst" -Dliaisondesk.startupProbe=login \
  -jar "$jar" --db "$scratch/start.db" --user clerk >/dev/null 2>&1
grep -v '^#' "$scratch/classes.lst" > "$out"
echo "make-classlist: $(wc -l < "$out") classes in $out"
