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
# the later C2 compiler: ten times the default tier-4 thresholds (zcw lsp uses it too)
ZC_LATE_C2="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
ZC_LATE_C2="$ZC_LATE_C2 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
zc_workbench_vm_args() {
  ZC_WORKBENCH_VM_ARGS="-Xmx2g $ZC_LATE_C2"
  case "$zc_cache" in
    *[!A-Za-z0-9/._-]*) return 0 ;; # a path that would need quoting in an unquoted option list: no archive
  esac
  if [ "$(zc_java_major "$JAVA_HOME/bin/java")" -ge 19 ] 2>/dev/null && mkdir -p "$zc_cache" 2>/dev/null; then
    ZC_WORKBENCH_VM_ARGS="$ZC_WORKBENCH_VM_ARGS -XX:SharedArchiveFile=$zc_cache/workbench.jsa -XX:+AutoCreateSharedArchive"
    ZC_WORKBENCH_VM_ARGS="$ZC_WORKBENCH_VM_ARGS -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}
