-- Drives headless Neovim (0.7+) as a real LSP client of govlint-language-server:
-- opens a report, waits for the t3-row-total error on its （七）总计 row, hovers
-- the wrong cell, corrects it by editing the buffer, and waits for the error to
-- go. Writes what it saw as JSON to $GOVLINT_OUT, then quits.
local server = assert(os.getenv('GOVLINT_SERVER'), 'GOVLINT_SERVER not set')
local report = assert(os.getenv('GOVLINT_REPORT'), 'GOVLINT_REPORT not set')
local out_path = assert(os.getenv('GOVLINT_OUT'), 'GOVLINT_OUT not set')
local node = os.getenv('GOVLINT_NODE') or 'node'

local result = { steps = {} }

local function finish()
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local function step(name, value)
  table.insert(result.steps, name)
  if value ~= nil then result[name] = value end
end

-- vim.diagnostic keeps byte columns; LSP counts UTF-16 units: convert back to compare with the server.
local function utf16_position(bufnr, lnum, col)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ''
  local _, character = vim.str_utfindex(line, math.min(col, #line))
  return { line = lnum, character = character }
end

local function row_total_errors(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if (lsp.code or d.code) == 't3-row-total' then
      table.insert(found, {
        lnum = d.lnum,
        message = d.message,
        severity = d.severity,
        source = d.source,
        range = {
          start = utf16_position(bufnr, d.lnum, d.col),
          ['end'] = utf16_position(bufnr, d.end_lnum, d.end_col),
        },
      })
    end
  end
  return found
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(report))
  local bufnr = vim.api.nvim_get_current_buf()

  local client_id = vim.lsp.start_client({
    name = 'govlint',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(report, ':h'),
    -- Neovim calls plain text `text`; the server expects LSP's `plaintext`.
    get_language_id = function(_, filetype)
      return (filetype == 'text' or filetype == '') and 'plaintext' or filetype
    end,
  })
  if not client_id then error('vim.lsp.start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('attached')

  local initialized = vim.wait(15000, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end, 20)
  if not initialized then error('server did not initialize') end
  local client = vim.lsp.get_client_by_id(client_id)
  step('positionEncoding', client.server_capabilities.positionEncoding)

  if not vim.wait(15000, function() return #row_total_errors(bufnr) > 0 end, 20) then
    error('no t3-row-total diagnostic arrived')
  end
  local errors = row_total_errors(bufnr)
  step('errors', errors)

  -- Hover over the wrong cell.
  local range = errors[1].range
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = range.start,
  }, 10000)
  for _, response in pairs(hover or {}) do
    if response.result and response.result.contents then
      step('hover', response.result.contents.value)
    end
  end

  -- Correct the cell: replace its text (the diagnostic's range) with the row's sum.
  local line = vim.api.nvim_buf_get_lines(bufnr, range.start.line, range.start.line + 1, true)[1]
  step('cellLine', line)
  local expected = os.getenv('GOVLINT_FIX_VALUE') or '12'
  -- nvim_buf_set_text takes byte columns: the diagnostic's own.
  local first = errors[1]
  local diagnostic = vim.tbl_filter(function(d)
    return d.lnum == first.lnum and d.message == first.message
  end, vim.diagnostic.get(bufnr))[1]
  vim.api.nvim_buf_set_text(bufnr, diagnostic.lnum, diagnostic.col, diagnostic.end_lnum, diagnostic.end_col, { expected })
  step('edited', vim.api.nvim_buf_get_lines(bufnr, range.start.line, range.start.line + 1, true)[1])

  local cleared = vim.wait(15000, function() return #row_total_errors(bufnr) < #errors end, 20)
  step('remaining', row_total_errors(bufnr))
  step('cleared', cleared)
  vim.lsp.stop_client(client_id)
end

-- A safety net: never leave a headless editor running.
vim.defer_fn(function()
  result.error = 'timed out'
  finish()
end, 60000)

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
finish()
