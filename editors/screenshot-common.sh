# shellcheck shell=sh
# Sourced by editors/emacs/screenshot.sh and editors/neovim/screenshot.sh after they set $root: what both do around
# their editor. Sets JAVA_HOME (bin/find-jdk.sh).
#   zc_shot_start NAME VAR   the server command in $VAR (a JSON array; default: java with the argument file the
#                            language server tests write), $work with a copy of the example and its library, the
#                            tmux $session, and a trap that removes both (kept with ZC_SHOT_KEEP=1)
#   zc_shot_wait PATTERN WHAT [KEYS...]
#                            waits (up to ZC_SHOT_WAIT s, 120) until the tmux pane shows PATTERN, sending KEYS after
#                            each look; exits 1 with "no WHAT after N s"
#   zc_shot_draw HTML OUT    draws HTML with headless Chromium at 1380x820 to the PNG OUT
. "$root/bin/find-jdk.sh"

zc_shot_start() {
  eval "zc_shot_cmd=\${$2:-}"
  if [ -z "$zc_shot_cmd" ]; then
    zc_shot_args="$root/tests/org.zerocarbon.lsp.tests/target/server.args"
    [ -s "$zc_shot_args" ] || { echo "no $zc_shot_args: run the language server tests first (see the header)" >&2; exit 2; }
    zc_shot_cmd="[\"$JAVA_HOME/bin/java\",\"@$zc_shot_args\"]"
  fi
  eval "$2=\$zc_shot_cmd"
  work=$(mktemp -d "${TMPDIR:-/tmp}/zc-$1-shot.XXXXXX")
  session="zc-$1-shot-$$"
  trap '[ -n "${ZC_SHOT_KEEP:-}" ] || zc_shot_clean' EXIT INT TERM
  cp -r "$root/examples/housing-cell" "$root/examples/zc-library" "$work/"
}

zc_shot_clean() {
  tmux kill-session -t "$session" 2>/dev/null || true
  # zcw lsp may still be writing its cache below $work (XDG_CACHE_HOME or HOME) while it exits
  rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work"; }
}

zc_shot_wait() {
  zc_shot_pattern=$1 zc_shot_what=$2
  shift 2
  zc_shot_waited=0
  until tmux capture-pane -t "$session" -p | grep -q "$zc_shot_pattern"; do
    [ "$zc_shot_waited" -lt "${ZC_SHOT_WAIT:-120}" ] || { echo "no $zc_shot_what after $zc_shot_waited s" >&2; exit 1; }
    sleep 2
    zc_shot_waited=$((zc_shot_waited + 2))
    [ $# -eq 0 ] || tmux send-keys -t "$session" "$@"
  done
}

zc_shot_draw() {
  mkdir -p "$(dirname "$2")"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1380,820 --screenshot="$2" "file://$1" >/dev/null 2>&1
  echo "wrote $2"
}
