-- ZeroCarbon language server (`zcw lsp`) for Neovim 0.7 or later, with Neovim's built-in LSP client only (no
-- plugins). In init.lua:
--
--   dofile('/path/to/zerocarbon/editors/neovim/zerocarbon.lua').setup({
--     cmd = { '/path/to/zerocarbon/zcw', 'lsp' },   -- default: zcw on the PATH
--     folders = { '~/models/factor-library' },       -- more workspace folders (multi-root), optional
--   })
--
-- It detects *.zc files (filetype zc), starts one server for them, attaches every .zc buffer, shows the code
-- lenses with the footprints (refreshed when you open a file, leave insert mode, pause or save, and whenever
-- the server asks) and maps, in .zc buffers: K hover, gd definition, gr references, <leader>rn rename,
-- <leader>ca code action, <leader>f format, <leader>cl run the code lens on the line.
local M = {}

M.defaults = {
  cmd = { 'zcw', 'lsp' },
  -- the first workspace folder: the nearest directory above the file that has one of these, else the file's
  root_markers = { '.git', 'pom.xml' },
  folders = {},
  keymaps = true,
  -- called with (client, bufnr) after a buffer is attached
  on_attach = nil,
}

local client_id = nil

local function root_of(file, markers)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  for _, marker in ipairs(markers) do
    local hit = vim.fn.findfile(marker, dir .. ';')
    if hit ~= '' then
      return vim.fn.fnamemodify(hit, ':p:h')
    end
    hit = vim.fn.finddir(marker, dir .. ';')
    if hit ~= '' then
      return vim.fn.fnamemodify(hit, ':p:h:h')
    end
  end
  return dir
end

local function folder(path)
  local full = vim.fn.fnamemodify(vim.fn.expand(path), ':p'):gsub('/$', '')
  return { uri = vim.uri_from_fname(full), name = vim.fn.fnamemodify(full, ':t') }
end

--- Asks for the code lenses of the buffer when it is the current one and the server is attached to it (Neovim
--- 0.7's refresh would otherwise fail, and then never ask again).
function M.refresh(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if bufnr ~= vim.api.nvim_get_current_buf() then
    return
  end
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'zerocarbon' and client.server_capabilities and client.server_capabilities.codeLensProvider then
      vim.lsp.codelens.refresh()
      return
    end
  end
end

local function keymaps(bufnr)
  local function map(lhs, rhs)
    vim.api.nvim_buf_set_keymap(bufnr, 'n', lhs, '', { noremap = true, silent = true, callback = rhs })
  end
  map('K', vim.lsp.buf.hover)
  map('gd', vim.lsp.buf.definition)
  map('gr', vim.lsp.buf.references)
  map('<leader>rn', vim.lsp.buf.rename)
  map('<leader>ca', vim.lsp.buf.code_action)
  map('<leader>f', function() (vim.lsp.buf.format or vim.lsp.buf.formatting)() end)
  map('<leader>cl', vim.lsp.codelens.run)
end

--- Starts the server (once) and attaches the buffer to it.
function M.attach(bufnr, opts)
  if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
    local file = vim.api.nvim_buf_get_name(bufnr)
    local root = opts.root or root_of(file, opts.root_markers)
    local folders = { folder(root) }
    for _, extra in ipairs(opts.folders) do
      table.insert(folders, folder(extra))
    end
    local capabilities = vim.lsp.protocol.make_client_capabilities()
    capabilities.workspace = capabilities.workspace or {}
    -- the server asks for a lens refresh after each build
    capabilities.workspace.codeLens = { refreshSupport = true }
    client_id = vim.lsp.start_client({
      name = 'zerocarbon',
      cmd = opts.cmd,
      root_dir = root,
      workspace_folders = folders,
      capabilities = capabilities,
      handlers = {
        ['workspace/codeLens/refresh'] = function()
          vim.schedule(function() M.refresh(0) end)
          return vim.NIL
        end,
      },
      on_attach = function(client, attached)
        if opts.keymaps then
          keymaps(attached)
        end
        vim.api.nvim_create_autocmd({ 'BufEnter', 'CursorHold', 'InsertLeave', 'BufWritePost' }, {
          buffer = attached,
          callback = function(args) M.refresh(args.buf) end,
        })
        vim.schedule(function() M.refresh(attached) end)
        if opts.on_attach then
          opts.on_attach(client, attached)
        end
      end,
    })
  end
  if client_id then
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  return client_id
end

--- Registers the file type and the autocommands; opts as M.defaults.
function M.setup(opts)
  opts = vim.tbl_extend('force', M.defaults, opts or {})
  local group = vim.api.nvim_create_augroup('zerocarbon', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group,
    pattern = '*.zc',
    callback = function(args) vim.bo[args.buf].filetype = 'zc' end,
  })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'zc',
    callback = function(args)
      vim.bo[args.buf].commentstring = '// %s'
      M.attach(args.buf, opts)
    end,
  })
  return M
end

return M
