# shellcheck shell=sh
# Sourced by ./zcw, ./zcw-workbench and benchmarks/*.sh after they set ZC_ROOT (the repository root):
# where the materialized product is, and its launcher jar.
ZC_PRODUCT="$ZC_ROOT/releng/org.zerocarbon.repository/target/products/org.zerocarbon.product/linux/gtk/x86_64"
ZC_LAUNCHER=""
zc_find_launcher() {
  ZC_LAUNCHER=$(find "$ZC_PRODUCT/plugins" -maxdepth 1 -name 'org.eclipse.equinox.launcher_*.jar' 2>/dev/null | sort | tail -n 1)
  [ -n "$ZC_LAUNCHER" ]
}
zc_require_product() {
  if ! zc_find_launcher; then
    echo "zcw: the product is not built yet. Build it first (about 6 minutes the first time):" >&2
    echo "  ./mvnw -B install -DskipTests" >&2
    exit 2
  fi
}
# The workbench's JVM options (./zcw-workbench and benchmarks/startup-benchmark.sh), unless ZCW_VM_ARGS replaces them:
# - the C2 compiler starts later (ten times the default tier-4 thresholds). On a 2-core machine C2 compiling the
#   start-up's briefly hot methods competes with the start-up itself; delayed, a second start reaches a usable window
#   in about 3.6 s instead of 5.3 s, while the engine's long loops still get C2 code within a second or two: the
#   Monte Carlo benchmark's throughput is the same as with the defaults (C1 alone would also start in ~3 s but
#   costs the engine about 40 %). Figures: benchmarks/startup-benchmark.sh and engine-benchmark.sh mc, README.
# - a dynamic class-data-sharing archive (JDK 19+) of the classes a workbench run loads, written when the first
#   run exits and mapped by later ones, kept per product build in the same cache folder as zcw's.
# zc_cache: the cache folder of this product build, shared by zcw (its configurations and archives) and the workbench
zc_cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/zerocarbon/zcw-$(printf '%s' "$ZC_PRODUCT" | cksum | cut -d' ' -f1)"
# zc_product_stamp: a number that changes whenever the product is built again (every build rewrites config.ini)
zc_product_stamp() {
  ls -l --time-style=+%s "$ZC_PRODUCT/configuration/config.ini" 2>/dev/null | cksum | cut -d' ' -f1
}
# the later C2 compiler: ten times the default tier-4 thresholds (zcw lsp uses it too)
ZC_LATE_C2="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
ZC_LATE_C2="$ZC_LATE_C2 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
zc_workbench_vm_args() {
  ZC_WORKBENCH_VM_ARGS="-Xmx2g $ZC_LATE_C2"
  case "$zc_cache" in
    *[!A-Za-z0-9/._-]*) return 0 ;; # a path that would need quoting in an unquoted option list: no archive
  esac
  if [ "$(zc_java_major "$JAVA_HOME/bin/java")" -ge 19 ] 2>/dev/null && mkdir -p "$zc_cache" 2>/dev/null; then
    # one archive per build of the product: the JVM keeps an archive whose bundles were rebuilt (it checks only the
    # class path, the launcher), and would load every class of the rebuilt bundles without it from then on
    zc_archive="$zc_cache/workbench-$(zc_product_stamp).jsa"
    for zc_old in "$zc_cache"/workbench*.jsa; do
      [ "$zc_old" = "$zc_archive" ] || rm -f "$zc_old"
    done
    ZC_WORKBENCH_VM_ARGS="$ZC_WORKBENCH_VM_ARGS -XX:SharedArchiveFile=$zc_archive -XX:+AutoCreateSharedArchive"
    ZC_WORKBENCH_VM_ARGS="$ZC_WORKBENCH_VM_ARGS -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}
# zc_unsigned_copy <signed jar> <copy>: a copy of the jar without its signature files (the JDK verifies signed
# jars on every start, about 0.2 s for the launcher and the framework, and keeps no classes of a signed jar in a
# class-data archive). The copy is written atomically; a failure leaves no copy and the caller uses the original.
zc_unsigned_copy() {
  zc_work=$(mktemp -d "${2%/*}/unsign.XXXXXX") || return 0
  if (cd "$zc_work" && "$JAVA_HOME/bin/jar" xf "$1" && rm -f META-INF/*.SF META-INF/*.RSA META-INF/*.DSA META-INF/*.EC \
    && "$JAVA_HOME/bin/jar" --create --file "$2.tmp" --manifest META-INF/MANIFEST.MF -C . .) >/dev/null 2>&1; then
    mv "$2.tmp" "$2"
  fi
  rm -rf "$zc_work" "$2.tmp"
}
# zc_workbench_launch: sets ZC_WORKBENCH_LAUNCH to how ./zcw-workbench and the start-up benchmark start the
# launcher: from unsigned copies of the launcher and framework jars (kept in $zc_cache/unsigned, made again when the
# product's jars are newer), with the framework's first bundle named absolutely since the framework jar is no longer
# beside the product's bundles; else, when a copy cannot be made or a path would need quoting, with -jar.
zc_workbench_launch() {
  ZC_WORKBENCH_LAUNCH="-jar $ZC_LAUNCHER"
  zc_framework=$(find "$ZC_PRODUCT/plugins" -maxdepth 1 -name 'org.eclipse.osgi_*.jar' | sort | tail -n 1)
  zc_bundles=$(sed -n 's/^osgi.bundles=//p' "$ZC_PRODUCT/configuration/config.ini" 2>/dev/null | sed 's/\\//g')
  case "$ZC_PRODUCT$zc_cache$zc_bundles" in
    *[!A-Za-z0-9/._:@,-]*) return 0 ;;
  esac
  [ -n "$zc_framework" ] && [ -n "$zc_bundles" ] && [ -x "$JAVA_HOME/bin/jar" ] && mkdir -p "$zc_cache/unsigned" 2>/dev/null || return 0
  zc_copies="$zc_cache/unsigned/${ZC_LAUNCHER##*/} $ZC_LAUNCHER $zc_cache/unsigned/${zc_framework##*/} $zc_framework"
  # shellcheck disable=SC2086
  set -- $zc_copies
  while [ $# -gt 0 ]; do
    if [ ! -s "$1" ] || [ "$2" -nt "$1" ]; then
      zc_unsigned_copy "$2" "$1"
    fi
    [ -s "$1" ] || return 0
    shift 2
  done
  # reference:file:<name> is relative to the framework jar: name the product's bundle instead
  zc_bundles=$(printf '%s' "$zc_bundles" | sed "s|reference:file:\([^/]\)|reference:file:$ZC_PRODUCT/plugins/\1|g")
  zc_native=""
  if [ "$(zc_java_major "$JAVA_HOME/bin/java")" -ge 22 ] 2>/dev/null; then
    zc_native="--enable-native-access=ALL-UNNAMED" # what the launcher jar's manifest grants when run with -jar
  fi
  ZC_WORKBENCH_LAUNCH="$zc_native -Dosgi.framework=file:$zc_cache/unsigned/${zc_framework##*/} -Dosgi.bundles=$zc_bundles"
  ZC_WORKBENCH_LAUNCH="$ZC_WORKBENCH_LAUNCH -cp $zc_cache/unsigned/${ZC_LAUNCHER##*/} org.eclipse.equinox.launcher.Main -install $ZC_PRODUCT"
}
