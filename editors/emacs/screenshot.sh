#!/bin/sh
# Draws docs/screenshots/lsp-emacs.png: Emacs (emacs -nw in a 160x45 tmux window) with editors/emacs/zerocarbon-mode.el
# and eglot on examples/housing-cell/model/cell.zc, TC1's processing state changed to 14.5 kg so that the validator
# reports a unit error; Flymake marks it and lists it below, and the line's footprint at the end of its line says
# why there is none (TC1's state cannot be used as a power). tmux's capture (with colours) is turned into HTML by
# aha and drawn by headless Chromium (editors/screenshot-common.sh: what this and editors/neovim/screenshot.sh share).
# Needs: emacs (Debian: emacs-nox and elpa-eglot on Emacs 28), tmux, aha, chromium, and a server: the argument file
# the language server tests write (./mvnw -B -o verify -pl bundles/org.zerocarbon.lsp,tests/org.zerocarbon.lsp.tests),
# or ZC_EMACS_CMD as a JSON array (e.g. '["/path/to/zcw","lsp"]').
# Usage: editors/emacs/screenshot.sh [out.png]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/docs/screenshots/lsp-emacs.png}
. "$root/editors/screenshot-common.sh"
zc_shot_start emacs ZC_EMACS_CMD
sed -i '0,/state processing 14.5 kW/s//state processing 14.5 kg/' "$work/housing-cell/model/cell.zc"
mkdir -p "$work/home"
cat > "$work/init.el" <<EOF
(setq inhibit-startup-screen t frame-background-mode 'dark
      ;; the Flymake list below the file, not beside it; no "You can run the command" over the message
      split-width-threshold nil suggest-key-bindings nil
      ;; no native compilation of elpa-eglot's dependencies in the fresh HOME, whose warnings would take the lower half
      native-comp-deferred-compilation nil native-comp-async-report-warnings-errors 'silent)
(menu-bar-mode -1)
(global-display-line-numbers-mode 1)
(load "$root/editors/emacs/zerocarbon-mode.el")
;; -q skips package activation, so nothing autoloads eglot-ensure (elpa-eglot is on the load path only)
(require 'eglot)
(require 'json)
(setq zerocarbon-server-command (let ((json-array-type 'list)) (json-read-from-string (getenv "ZC_EMACS_CMD")))
      zerocarbon-project-root "$work/housing-cell"
      zerocarbon-workspace-folders '("$work/zc-library")
      zerocarbon-footprints-delay 0.5)
(add-hook 'zerocarbon-mode-hook #'eglot-ensure)
;; eglot-ensure connects after a command; the file is opened by the command line, before any
(add-hook 'emacs-startup-hook (lambda () (run-hooks 'post-command-hook)))
(defun zerocarbon-shot-show ()
  "Point on the error, the line's first line (with its footprint) at the top, the Flymake list of the buffer below."
  (interactive)
  (save-selected-window
    (flymake-show-buffer-diagnostics)
    (fit-window-to-buffer (get-buffer-window (flymake--diagnostics-buffer-name)) 6 4))
  (set-window-start nil (save-excursion (goto-char (point-min)) (re-search-forward "^line ") (line-beginning-position -1)))
  (goto-char (point-min))
  (search-forward "14.5 kg")
  (backward-char 2)
  (message "%s" (mapconcat #'flymake-diagnostic-text (flymake-diagnostics (point)) "; ")))
EOF
tmux new-session -d -s "$session" -x 160 -y 45 \
  "env TERM=screen-256color HOME=$work/home ZC_EMACS_CMD='$ZC_EMACS_CMD' emacs -nw -q -l $work/init.el $work/housing-cell/model/cell.zc"
# wait for the server: its first build and diagnostics, then the footprints (the first of a cold JVM reads the
# measured data too); the line's is the one on the first screen
zc_shot_wait 'no footprint: machine TC1' footprints
tmux send-keys -t "$session" M-x 'zerocarbon-shot-show' Enter
sleep 3
tmux capture-pane -t "$session" -p -e > "$work/capture.ansi"
aha --black --title "Emacs: zcw lsp" < "$work/capture.ansi" \
  | sed 's|<pre>|<pre style="margin:8px;font:14px/1.25 '"'DejaVu Sans Mono'"',monospace">|' > "$work/capture.html"
zc_shot_draw "$work/capture.html" "$out"
