#!/bin/sh
# Liaison Desk (联络站民意簿) launcher, /opt/liaison-desk/bin/liaison-desk (the arm64 package; /usr/bin/liaison-desk
# links here). Starts the bundled Java runtime with every argument unchanged and returns the program's exit code.
# LIAISON_DESK_EXEC_PREFIX runs java through another program, e.g. "qemu-aarch64-static -L SYSROOT" to try the
# arm64 package on an x86_64 machine (packaging/arm64/smoke.sh).
here=$(dirname "$(readlink -f "$0")")
app="$here/../lib/app"
exec ${LIAISON_DESK_EXEC_PREFIX:-} "$here/../lib/runtime/bin/java" -Dfile.encoding=UTF-8 \
  -Dliaisondesk.seedDir="$app/seeds" -cp "$app/*" org.liaisondesk.Launcher "$@"
