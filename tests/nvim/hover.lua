-- Drives `gloss lsp` through Neovim's own LSP client (Neovim 0.7+ API):
-- opens a Python file, hovers a list comprehension and asks for code
-- actions, then exits 0 only if both answers carry the expected tip.
local gloss = assert(os.getenv('GLOSS_BINARY'), 'GLOSS_BINARY not set')
local fixture = assert(os.getenv('GLOSS_FIXTURE'), 'GLOSS_FIXTURE not set')

local function finish(ok, message)
  io.stdout:write(message .. '\n')
  io.stdout:flush()
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(fixture))

local client_id = vim.lsp.start_client({
  name = 'gloss',
  cmd = { gloss, 'lsp' },
  root_dir = vim.fn.fnamemodify(fixture, ':h'),
})
if not client_id then return finish(false, 'FAIL: could not start gloss') end
vim.lsp.buf_attach_client(0, client_id)

local ready = vim.wait(10000, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.server_capabilities ~= nil and vim.lsp.buf_is_attached(0, client_id)
end, 20)
if not ready then return finish(false, 'FAIL: gloss did not initialize') end

-- The cursor goes on the "for" of the comprehension (0-based LSP position).
local line_number, column
for index, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
  local found = line:find(' for ', 1, true)
  if found then
    line_number, column = index - 1, found
    break
  end
end
local position = { line = line_number, character = column }
local document = { uri = vim.uri_from_bufnr(0) }

local hovers = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = document, position = position }, 10000)
local hover_text = ''
for _, response in pairs(hovers or {}) do
  if response.result and response.result.contents then hover_text = response.result.contents.value or '' end
end
if not hover_text:find('List comprehension', 1, true) then
  return finish(false, 'FAIL: hover did not show the list comprehension tip; got: ' .. vim.inspect(hovers))
end

local actions = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', {
  textDocument = document,
  range = { start = position, ['end'] = position },
  context = { diagnostics = {} },
}, 10000)
local titles = {}
for _, response in pairs(actions or {}) do
  for _, action in ipairs(response.result or {}) do table.insert(titles, action.title) end
end
if not vim.tbl_contains(titles, 'Explain this: List comprehension') then
  return finish(false, 'FAIL: no "Explain this" action; got: ' .. vim.inspect(titles))
end

finish(true, 'PASS: Neovim hover: ' .. hover_text:gsub('\n.*', '') .. ' | actions: ' .. table.concat(titles, ', '))
