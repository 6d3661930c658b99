#!/bin/sh
# Draws docs/screenshots/lsp-neovim.png: Neovim (in a 160x45 tmux window) with editors/neovim/zerocarbon.lua on
# examples/housing-cell/model/cell.zc, TC1's rating lowered to 12 kW so that the validator warns on its processing
# state; the code lenses show the footprints of the line and its machines. tmux's capture (with colours) is turned
# into HTML and drawn by headless Chromium.
# Needs: nvim, tmux, python3, chromium, and a server: the argument file the language server tests write
# (./mvnw -B -o verify -pl bundles/org.zerocarbon.lsp,tests/org.zerocarbon.lsp.tests), or ZC_NVIM_CMD as a JSON
# array (e.g. '["/path/to/zcw","lsp"]').
# Usage: editors/neovim/screenshot.sh [out.png]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/docs/screenshots/lsp-neovim.png}
. "$root/editors/screenshot-common.sh"
zc_shot_start nvim ZC_NVIM_CMD
sed -i '0,/rated 30 kW/s//rated 12 kW/' "$work/housing-cell/model/cell.zc"
cat > "$work/init.lua" <<EOF
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.background = 'dark'
vim.o.termguicolors = true
vim.o.laststatus = 2
vim.o.updatetime = 300
dofile('$root/editors/neovim/zerocarbon.lua').setup({
  cmd = vim.fn.json_decode([==[$ZC_NVIM_CMD]==]),
  root = '$work/housing-cell',
  folders = { '$work/zc-library' },
})
EOF
tmux new-session -d -s "$session" -x 160 -y 45 \
  "env XDG_CACHE_HOME=$work/xdg XDG_STATE_HOME=$work/xdg nvim -u $work/init.lua -i NONE -n +29 +'normal! zt' +47 $work/housing-cell/model/cell.zc"
# wait for the server: its first build and diagnostics, then the lenses (the first footprints of a cold JVM read
# the measured data too); moving the cursor asks for the lenses again (CursorHold)
zc_shot_wait 'kg CO2e per machine-hour' 'code lens' j k
sleep 1
tmux capture-pane -t "$session" -p -e > "$work/capture.ansi"
python3 - "$work/capture.ansi" "$work/capture.html" <<'PY'
import html, re, sys
text = open(sys.argv[1], encoding='utf-8').read()
base = [(0,0,0),(205,49,49),(13,188,121),(229,229,16),(36,114,200),(188,63,188),(17,168,205),(229,229,229),
        (102,102,102),(241,76,76),(35,209,139),(245,245,67),(59,142,234),(214,112,214),(41,184,219),(255,255,255)]
def c256(n):
    if n < 16: return base[n]
    if n < 232:
        n -= 16; v = [0, 95, 135, 175, 215, 255]
        return (v[n // 36], v[n // 6 % 6], v[n % 6])
    g = 8 + (n - 232) * 10; return (g, g, g)
fg0, bg0 = (212, 212, 212), (24, 24, 24)
out, fg, bg, bold = [], fg0, bg0, False
for part in re.split(r'(\x1b\[[0-9;]*m)', text):
    m = re.fullmatch(r'\x1b\[([0-9;]*)m', part)
    if not m:
        if part:
            style = 'color:rgb%s;background:rgb%s%s' % (fg, bg, ';font-weight:bold' if bold else '')
            out.append('<span style="%s">%s</span>' % (style, html.escape(part)))
        continue
    codes = [int(c) if c else 0 for c in m.group(1).split(';')] or [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0: fg, bg, bold = fg0, bg0, False
        elif c == 1: bold = True
        elif c == 22: bold = False
        elif c == 7: fg, bg = bg, fg
        elif 30 <= c <= 37: fg = base[c - 30]
        elif 90 <= c <= 97: fg = base[c - 82]
        elif 40 <= c <= 47: bg = base[c - 40]
        elif 100 <= c <= 107: bg = base[c - 92]
        elif c == 39: fg = fg0
        elif c == 49: bg = bg0
        elif c in (38, 48) and i + 1 < len(codes):
            if codes[i + 1] == 5 and i + 2 < len(codes):
                colour = c256(codes[i + 2]); i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                colour = tuple(codes[i + 2:i + 5]); i += 4
            else:
                colour = fg0 if c == 38 else bg0
            if c == 38: fg = colour
            else: bg = colour
        i += 1
page = ('<!DOCTYPE html><html><body style="margin:0;background:rgb%s"><pre style="margin:8px;font:14px/1.25 \'DejaVu Sans Mono\','
        'monospace;color:rgb%s">%s</pre></body></html>') % (bg0, fg0, ''.join(out))
open(sys.argv[2], 'w', encoding='utf-8').write(page)
PY
zc_shot_draw "$work/capture.html" "$out"
