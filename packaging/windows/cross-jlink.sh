#!/bin/sh
# Links a small Windows x64 Java runtime on Linux, from a Windows JRE (not a JDK: it has no jmods).
#   cross-jlink.sh JRE_DIR OUT_DIR MODULES [LOCALES]
# 1. jimage extract the JRE's lib/modules into one folder per module;
# 2. jmod create --target-platform windows-amd64 per module with its DLLs, lib files, conf and legal files
#    (java.base last, with --hash-modules so the others may be linked with it);
# 3. the Linux JDK's jlink links MODULES from those jmods. Cross-linking needs --disable-plugin generate-jli-classes
#    (else "BoundMethodHandle$Species_D.class already present") and --strip-java-debug-attributes instead of
#    --strip-debug (which wants the target's objcopy). The JRE must be the same Java feature release as jlink.
set -eu
jre=$1; out=$2; modules=$3; locales=${4:-en,zh}
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}
work=$(mktemp -d "${TMPDIR:-/tmp}/cross-jlink.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$JAVA_HOME/bin/jimage" extract --dir "$work/classes" "$jre/lib/modules"

# Which module a native library or lib/conf file belongs to (JDK 17 layout); anything else is java.base's.
owner() {
  case "$1" in
    awt.dll|fontmanager.dll|freetype.dll|javajpeg.dll|jawt.dll|jsound.dll|lcms.dll|mlib_image.dll|splashscreen.dll) echo java.desktop ;;
    fontconfig.*|psfont*|sound.properties) echo java.desktop ;;
    javaaccessbridge.dll|windowsaccessbridge-64.dll) echo jdk.accessibility ;;
    prefs.dll) echo java.prefs ;;
    instrument.dll) echo java.instrument ;;
    management.dll|management) echo java.management ;;
    management_agent.dll) echo jdk.management.agent ;;
    management_ext.dll) echo jdk.management ;;
    rmi.dll) echo java.rmi ;;
    j2gss.dll|w2k_lsa_auth.dll|sspi_bridge.dll) echo java.security.jgss ;;
    jaas.dll) echo jdk.security.auth ;;
    j2pcsc.dll) echo java.smartcardio ;;
    j2pkcs11.dll) echo jdk.crypto.cryptoki ;;
    sunmscapi.dll) echo jdk.crypto.mscapi ;;
    jdwp.dll|dt_socket.dll|dt_shmem.dll) echo jdk.jdwp.agent ;;
    extnet.dll) echo jdk.net ;;
    attach.dll) echo jdk.attach ;;
    jfr|jfr.exe) echo jdk.jfr ;;
    logging.properties) echo java.logging ;;
    *) echo java.base ;;
  esac
}
place() { # place SECTION FILE RELATIVE_PATH
  m=$(owner "$(echo "$3" | cut -d/ -f1)")
  mkdir -p "$work/$1/$m/$(dirname "$3")"
  cp -p "$2" "$work/$1/$m/$3"
}
for f in "$jre"/bin/*.dll; do place libs "$f" "$(basename "$f")"; done
for f in "$jre"/bin/server/*.dll; do place libs "$f" "server/$(basename "$f")"; done
for f in java.exe javaw.exe keytool.exe; do place cmds "$jre/bin/$f" "$f"; done
(cd "$jre/lib" && find . -type f ! -name modules ! -name '*.lib' ! -name '*.jsa' | sed 's|^\./||') | while read -r f; do
  place libs "$jre/lib/$f" "$f"; done
(cd "$jre/conf" && find . -type f | sed 's|^\./||') | while read -r f; do place conf "$jre/conf/$f" "$f"; done

mkdir -p "$work/jmods"
make_jmod() {
  m=$1; shift
  set -- --class-path "$work/classes/$m" --target-platform windows-amd64 "$@"
  [ -d "$work/libs/$m" ] && set -- "$@" --libs "$work/libs/$m"
  [ -d "$work/cmds/$m" ] && set -- "$@" --cmds "$work/cmds/$m"
  [ -d "$work/conf/$m" ] && set -- "$@" --config "$work/conf/$m"
  [ -d "$jre/legal/$m" ] && set -- "$@" --legal-notices "$jre/legal/$m"
  "$JAVA_HOME/bin/jmod" create "$@" "$work/jmods/$m.jmod"
}
for d in "$work"/classes/*; do
  m=$(basename "$d"); [ "$m" = java.base ] || make_jmod "$m"
done
make_jmod java.base --module-path "$work/jmods" --hash-modules '.*'

rm -rf "$out"
"$JAVA_HOME/bin/jlink" --module-path "$work/jmods" --add-modules "$modules" --include-locales="$locales" \
  --disable-plugin generate-jli-classes --strip-java-debug-attributes \
  --no-header-files --no-man-pages --compress=2 --output "$out"
