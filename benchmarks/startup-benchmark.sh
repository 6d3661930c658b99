#!/usr/bin/env bash
# Start-up of the workbench: launch -> first frame (the splash) -> workbench window shown -> Footprint figures.
#   xvfb-run -a -s "-screen 0 1400x900x24" benchmarks/startup-benchmark.sh [--runs N] [--screenshots DIR]
# First starts: a new workspace and a new configuration area each time (the examples are copied once, outside
# the repository). Second starts: the workspace and configuration area of a first start, started again.
# Times are milliseconds from the launch of the JVM; the medians of N runs (default 5) are printed.
# The window and figures times come from the product itself (-Dzcw.startupTrace, see StartupTrace); the first
# frame is the first viewable X window (xwininfo). Needs: the built product (./mvnw -B install -DskipTests),
# a display, xwininfo (x11-utils) and, for --screenshots, ImageMagick's import.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bin/find-jdk.sh"
ZC_ROOT=$here
. "$here/bin/product.sh"
zc_require_product
zc_workbench_vm_args # the options ./zcw-workbench starts with (ZCW_VM_ARGS replaces them)
zc_workbench_launch # and how it starts the launcher (unsigned copies of the launcher and framework jars)

runs=5
shots=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --screenshots) shots=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--screenshots DIR]" >&2; exit 2 ;;
  esac
done
[ -n "${DISPLAY-}" ] || { echo "startup-benchmark: no display; run it under xvfb-run -a" >&2; exit 2; }
command -v xwininfo >/dev/null || { echo "startup-benchmark: needs xwininfo (apt-get install x11-utils)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$here/examples" "$tmp/examples"
find "$tmp/examples" -name reports -type d -prune -exec rm -rf {} +

now() { date +%s%3N; }

# a viewable top-level window exists (the splash, or the workbench shell)
viewable() {
  local id
  for id in $(xwininfo -root -children 2>/dev/null | awk '/^ +0x/ {print $1}'); do
    if xwininfo -id "$id" 2>/dev/null | grep -q "IsViewable"; then
      return 0
    fi
  done
  return 1
}

# the trace file has a line starting with $1 (read by the shell itself: no process per poll)
traced() {
  local line
  while IFS= read -r line; do
    case "$line" in "$1 "*) return 0 ;; esac
  done < "$2"
  return 1
}

# one start: prints "frame window figures" in ms after the launch
start() {
  local workspace=$1 config=$2 shot=${3-}
  local trace="$tmp/trace.$$.$RANDOM"
  : > "$trace"
  local t0 frame="" pid
  t0=$(now)
  "$JAVA_HOME/bin/java" $ZC_JAVA_OPTS ${ZCW_VM_ARGS:-$ZC_WORKBENCH_VM_ARGS} \
    -Dzerocarbon.examples="$tmp/examples" -Dzcw.startupTrace="$trace" -Dzcw.startupTrace.close=1500 \
    -Dosgi.configuration.cascaded=true -Dosgi.sharedConfiguration.area="$ZC_PRODUCT/configuration" \
    -Dlog4j.configuration=file:"$here/bin/log4j-quiet.properties" \
    $ZC_WORKBENCH_LAUNCH -showsplash -configuration "$config" -data "$workspace" >"$tmp/out.log" 2>&1 &
  pid=$!
  local deadline=$((t0 + 180000))
  while [ "$(now)" -lt "$deadline" ]; do
    if [ -z "$frame" ] && viewable; then
      frame=$(( $(now) - t0 ))
      [ -n "$shot" ] && command -v import >/dev/null && import -window root "$shot-splash.png" 2>/dev/null || true
    fi
    if [ -n "$frame" ] && traced figures "$trace"; then
      break
    fi
    kill -0 "$pid" 2>/dev/null || { echo "the workbench exited early; its output:" >&2; cat "$tmp/out.log" >&2; exit 1; }
    # the window and figures times come from the product's own trace, so once the first frame is seen the poll
    # slows down: on 2 cores, 50 forks a second of this loop took CPU from the start-up it measures
    if [ -z "$frame" ]; then sleep 0.02; else sleep 0.25; fi
  done
  if [ -n "$shot" ] && command -v import >/dev/null; then
    sleep 1 # the chart and the outline paint after the figures arrive
    import -window root "$shot-window.png" 2>/dev/null || true
  fi
  # the workbench closes itself 1.5 s after the figures (saving its layout for the second starts)
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 600 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  local window figures
  window=$(awk '/^window / {print $2}' "$trace")
  figures=$(awk '/^figures / {print $2}' "$trace")
  [ -n "$figures" ] || { echo "no figures within 180 s" >&2; exit 1; }
  echo "${frame:-NA} $((window - t0)) $((figures - t0))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

report() {
  local name=$1 file=$2
  printf '%-13s first frame %6s ms   window %6s ms   figures %6s ms   (median of %s; each run: %s)\n' "$name" \
    "$(awk '{print $1}' "$file" | median)" "$(awk '{print $2}' "$file" | median)" "$(awk '{print $3}' "$file" | median)" \
    "$(wc -l < "$file")" "$(awk '{printf "%s/%s/%s ", $1, $2, $3}' "$file")"
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
# the first of the first starts runs as right after an install: without the class-data-sharing archive, which it writes
archive=$(printf '%s\n' $ZC_WORKBENCH_VM_ARGS | sed -n 's/^-XX:SharedArchiveFile=//p')
[ -z "${ZCW_VM_ARGS-}" ] && [ -n "$archive" ] && rm -f "$archive"
: > "$tmp/first"
for i in $(seq 1 "$runs"); do
  shot=""
  [ "$i" -eq 1 ] && [ -n "$shots" ] && mkdir -p "$shots" && shot="$shots/first-start"
  start "$tmp/ws$i" "$tmp/cfg$i" "$shot" >> "$tmp/first"
done
: > "$tmp/second"
for i in $(seq 1 "$runs"); do
  start "$tmp/ws1" "$tmp/cfg1" >> "$tmp/second"
done
report "first start" "$tmp/first"
report "second start" "$tmp/second"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
