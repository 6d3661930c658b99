# shellcheck shell=sh
# Sourced by ./mvnw, ./zcw, ./zcw-workbench and .ci/run: makes JAVA_HOME point at a JDK >= 21.
# Tycho 5 and the current Eclipse platform bundles need Java 21+, while our machines default to Java 17;
# a Temurin JDK is installed beside it under /usr/lib/jvm. An explicit JAVA_HOME that is new enough wins.
zc_java_major() {
  # prints the feature version of the java launcher given as $1 (e.g. 17, 21, 25); from the JDK's release file when
  # there is one (starting a JVM just to ask costs 0.1-0.3 s, and zcw would start two before its own)
  zc_release="${1%/bin/java}/release"
  if [ -r "$zc_release" ]; then
    zc_version=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$zc_release" | head -n 1)
    case "$zc_version" in
      1.*) zc_version=${zc_version#1.} ;;
    esac
    zc_version=${zc_version%%.*}
    case "$zc_version" in
      ''|*[!0-9]*) ;;
      *) echo "$zc_version"; return 0 ;;
    esac
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}
zc_find_jdk() {
  for zc_candidate in "${JAVA_HOME-}" $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort -r) /opt/java/openjdk; do
    [ -n "$zc_candidate" ] && [ -x "$zc_candidate/bin/javac" ] || continue
    zc_major=$(zc_java_major "$zc_candidate/bin/java")
    case "$zc_major" in ''|*[!0-9]*) continue ;; esac
    if [ "$zc_major" -ge 21 ]; then
      JAVA_HOME=${zc_candidate%/}
      export JAVA_HOME
      return 0
    fi
  done
  echo "ZeroCarbon Workbench needs a JDK 21 or newer (Tycho 5, Eclipse 4.3x). None was found in JAVA_HOME or /usr/lib/jvm." >&2
  echo "Install one (for example Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
zc_find_jdk || exit 1

# Guice (inside Xtext) uses sun.misc.Unsafe; JDK 23+ warns about it on every start unless told it is allowed.
ZC_JAVA_OPTS=""
if [ "$(zc_java_major "$JAVA_HOME/bin/java")" -ge 23 ] 2>/dev/null; then
  ZC_JAVA_OPTS="--sun-misc-unsafe-memory-access=allow"
fi
