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
