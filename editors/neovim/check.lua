-- Headless check of the Neovim set-up (zerocarbon.lua): opens one .zc file, waits for the server's diagnostics of
-- it and its code lenses, writes both as JSON to a file and quits. The language server tests run it; by hand:
--
--   ZC_NVIM_FILE=examples/housing-cell/model/cell.zc ZC_NVIM_ROOT=examples/housing-cell \
--   ZC_NVIM_FOLDERS='["examples/zc-library"]' ZC_NVIM_OUT=/tmp/zc.json ZC_NVIM_CMD='["./zcw","lsp"]' \
--     nvim --headless -u NONE -i NONE -n -c 'luafile editors/neovim/check.lua'
--
-- Environment: ZC_NVIM_FILE the file, ZC_NVIM_OUT where the JSON goes, ZC_NVIM_CMD the server command (a JSON array,
-- default ["zcw","lsp"]), ZC_NVIM_ROOT the first workspace folder (default: found from the file),
-- ZC_NVIM_FOLDERS more folders (a JSON array), ZC_NVIM_TIMEOUT milliseconds to wait (default 60000).
-- Output: {"diagnostics": [{"line", "character", "severity", "code", "message"}], "lenses": [{"line", "title"}],
-- "timedOut": false, "server": {"zerocarbon": {"codeLens": true}}} with zero-based lines as in the protocol; exit code 0, or 1 after a time-out.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)') or './'
local zerocarbon = dofile(here .. 'zerocarbon.lua')

local function env(name, default)
  local value = os.getenv(name)
  if value == nil or value == '' then
    return default
  end
  return value
end

local file = vim.fn.fnamemodify(assert(env('ZC_NVIM_FILE'), 'ZC_NVIM_FILE is not set'), ':p')
local out = assert(env('ZC_NVIM_OUT'), 'ZC_NVIM_OUT is not set')
local timeout = tonumber(env('ZC_NVIM_TIMEOUT', '60000'))
local uri = vim.uri_from_fname(file)

local published = false
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  default_handler(err, result, ctx, config)
  if result and result.uri == uri then
    published = true
  end
end

local root = env('ZC_NVIM_ROOT')
zerocarbon.setup({
  cmd = vim.fn.json_decode(env('ZC_NVIM_CMD', '["zcw","lsp"]')),
  root = root and vim.fn.fnamemodify(root, ':p'):gsub('/$', '') or nil,
  folders = vim.fn.json_decode(env('ZC_NVIM_FOLDERS', '[]')),
})
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()

local function titled_lenses()
  local lenses = vim.lsp.codelens.get(bufnr)
  for _, lens in ipairs(lenses) do
    if lens.command == nil or lens.command.title == nil then
      return false
    end
  end
  return #lenses > 0
end

local ok = vim.wait(timeout, function() return published end, 50)
if ok then
  -- the first refresh may have been answered before the build; ask until the lenses are there
  ok = vim.wait(timeout, function()
    if titled_lenses() then
      return true
    end
    zerocarbon.refresh(bufnr)
    return false
  end, 250)
end

local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(diagnostics, {
    line = d.lnum,
    character = d.col,
    severity = d.severity,
    code = lsp.code or d.code or vim.NIL,
    message = d.message,
  })
end
local lenses = {}
for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
  table.insert(lenses, { line = lens.range.start.line, title = lens.command and lens.command.title or vim.NIL })
end
local server = {}
for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
  server[client.name] = { codeLens = client.server_capabilities.codeLensProvider ~= nil }
end
local json = vim.fn.json_encode({ diagnostics = diagnostics, lenses = lenses, timedOut = not ok, server = server })
vim.fn.writefile({ json }, out)
if ok then
  vim.cmd('qa!')
else
  vim.cmd('cquit 1')
end
