#!/bin/sh
# Liaison Desk (联络站民意簿) launcher, /opt/liaison-desk/bin/liaison-desk (the arm64 package; /usr/bin/liaison-desk
# links here). Starts the bundled Java runtime with every argument unchanged and returns the program's exit code.
# LIAISON_DESK_EXEC_PREFIX runs java through another program, e.g. "qemu-aarch64-static -L SYSROOT" to try the
# arm64 package on an x86_64 machine (packaging/arm64/smoke.sh). The class-data archive is made by the package's
# postinst; a missing or stale one is ignored without a word.
# No "..": the class path must be spelled as when postinst made the archive.
root=$(dirname "$(dirname "$(readlink -f "$0")")")
app="$root/lib/app"
exec ${LIAISON_DESK_EXEC_PREFIX:-} "$root/lib/runtime/bin/java" -Dfile.encoding=UTF-8 \
  -XX:SharedArchiveFile="$app/liaison-desk.jsa" -Dliaisondesk.seedDir="$app/seeds" -cp "$app/*" org.liaisondesk.Launcher "$@"
