#!/usr/bin/env python3
"""Measures a language server the way an editor user feels it, over stdio.

    bench/lsp_bench.py [options] --file FILE --language-id ID -- SERVER_COMMAND…
    bench/lsp_bench.py [options] --many MANIFEST -- SERVER_COMMAND…

One run starts the server and times, from the moment the process is spawned:
the `initialize` answer, and the first hover answer (sent right after
`initialized` and `didOpen`). Then, after warm-up hovers that are not counted,
it measures round trips for hovers at positions spread over the file on
interesting tokens, for code actions at the same positions, and for a
one-character edit (incremental `didChange`, a space at the end of a line, then
its removal) sent together with a hover, timed as the hover's round trip. Last
it reads the server's peak RSS (VmHWM from /proc, summed over the server and
its child processes) and shuts the server down. Several runs (default 5): each
figure reported is the median of that figure over the runs.

--many opens every document listed under "many" in a generate_inputs.py
manifest, hovers once in each, and reports peak RSS and the time to do so.

The client answers the requests servers send (workspace/configuration,
client/registerCapability, window/workDoneProgress/create, …) and records
notifications (publishDiagnostics). Python standard library only.
"""

import argparse
import json
import os
import re
import selectors
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


class ServerError(Exception):
    pass


def now():
    return time.perf_counter()


def file_uri(path):
    return "file://" + os.path.abspath(path)


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


# Tokens worth hovering on: keywords and operators that start constructs in the
# languages Gloss supports. The first one on a line is where the cursor goes.
INTERESTING = re.compile(
    r"\b(?:for|def|class|lambda|if|elif|while|with|yield|await|async|return|try|except|match|case|"
    r"fn|func|impl|struct|let|const|switch|go|select|defer|function|new|local|enum|template|auto|"
    r"static|record|interface|type)\b|=>|:=|\?\?|\.\.\.")


KEYWORDS = set(INTERESTING.pattern.replace("\\b", "").replace("(?:", "").split(")")[0].split("|")) | {
    "in", "not", "and", "or", "is", "else", "import", "from", "as", "pub", "mut", "var", "int", "void", "char",
    "public", "private", "final", "self", "this", "true", "false", "None", "True", "False", "null", "nil"}
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def first_identifier(line):
    """Where the first identifier that is not a keyword starts on line, or None."""
    for found in IDENTIFIER.finditer(line):
        if found.group() not in KEYWORDS:
            return found.start()
    return None


def pick_positions(lines, count, on="keyword"):
    """`count` (line, UTF-16 character) pairs spread evenly over the file, on lines
    that have an interesting token: on that token ("keyword", where Gloss's tips
    are) or on the line's first identifier ("identifier", where type-aware servers
    have something to say). Deterministic; positions repeat when the file is small."""
    candidates = []
    for number, line in enumerate(lines):
        found = INTERESTING.search(line)
        column = found.start() if found and on == "keyword" else first_identifier(line) if found else None
        if column is not None:
            candidates.append((number, utf16_length(line[:column])))
    if not candidates:
        candidates = [(n, utf16_length(l) - utf16_length(l.lstrip())) for n, l in enumerate(lines) if l.strip()]
    if not candidates:
        return [(0, 0)] * count
    step = len(candidates) / count
    return [candidates[int(i * step) % len(candidates)] for i in range(count)]


def percentiles(samples_ms):
    """p50/p95/p99/max of samples in ms (linear interpolation between ranks)."""
    if not samples_ms:
        return None
    ordered = sorted(samples_ms)

    def at(q):
        rank = q * (len(ordered) - 1)
        low = int(rank)
        high = min(low + 1, len(ordered) - 1)
        return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)

    return {"p50": at(0.50), "p95": at(0.95), "p99": at(0.99), "max": ordered[-1], "count": len(ordered)}


def process_tree(pid):
    """pid and all its descendants that are still alive."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending += [int(child) for child in children.read().split()]
        except OSError:
            pass
    return found


def memory_kib(pid):
    """(sum of VmHWM, sum of VmRSS) over pid's process tree in KiB, and the
    number of processes: the peak so far, and what is resident now."""
    peak, now_resident, processes = 0, 0, 0
    for member in process_tree(pid):
        try:
            with open(f"/proc/{member}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak += int(line.split()[1])
                        processes += 1
                    elif line.startswith("VmRSS:"):
                        now_resident += int(line.split()[1])
        except OSError:
            pass
    return peak, now_resident, processes


class Connection:
    """One server process and the client half of its JSON-RPC session."""

    def __init__(self, command, workspace, env, log_path):
        self.workspace = workspace
        self.log = open(log_path, "wb")
        self.started = now()
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                        cwd=workspace, env=env, bufsize=0)
        self.stdin = self.process.stdin.fileno()
        self.stdout = self.process.stdout.fileno()
        os.set_blocking(self.stdin, False)
        self.reader = selectors.DefaultSelector()
        self.reader.register(self.stdout, selectors.EVENT_READ)
        self.buffer = bytearray()
        self.next_id = 0
        self.responses = {}  # id -> (message, time received)
        self.diagnostics = {}  # uri -> time of the first publishDiagnostics
        self.server_requests = {}  # method -> count
        self.outbox = []  # answers to the server's requests, sent between our own writes

    # -- sending

    def _write(self, data):
        view = memoryview(data)
        try:
            view = view[os.write(self.stdin, view):]
        except BlockingIOError:
            pass
        if not view:
            return
        # The pipe is full: keep reading while we write, or a server that is
        # writing to us at the same time would never read the rest.
        both = selectors.DefaultSelector()
        both.register(self.stdout, selectors.EVENT_READ)
        both.register(self.stdin, selectors.EVENT_WRITE)
        try:
            while view:
                for key, _ in both.select(timeout=60):
                    if key.fd == self.stdout:
                        self._read_some()
                    else:
                        try:
                            view = view[os.write(self.stdin, view):]
                        except BlockingIOError:
                            pass
                if self.process.poll() is not None:
                    raise ServerError(f"server exited with {self.process.returncode} while we wrote to it")
        finally:
            both.close()

    def send(self, *messages):
        data = bytearray()
        for message in messages:
            body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            data += b"Content-Length: %d\r\n\r\n" % len(body) + body
        self._write(data)
        self._flush_outbox()

    def _flush_outbox(self):
        while self.outbox:
            answers, self.outbox = self.outbox, []
            self.send(*answers)

    def request(self, method, params):
        self.next_id += 1
        return self.next_id, {"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params}

    def notification(self, method, params):
        return {"jsonrpc": "2.0", "method": method, "params": params}

    # -- receiving

    def _read_some(self):
        chunk = os.read(self.stdout, 1 << 20)
        if not chunk:
            raise ServerError(f"server closed its output (exit code {self.process.poll()})")
        received = now()
        self.buffer += chunk
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end < 0:
                return
            length = None
            for line in bytes(self.buffer[:header_end]).split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length is None:
                raise ServerError("a frame without Content-Length")
            if len(self.buffer) < header_end + 4 + length:
                return
            body = bytes(self.buffer[header_end + 4:header_end + 4 + length])
            del self.buffer[:header_end + 4 + length]
            self._dispatch(json.loads(body), received)

    def _dispatch(self, message, received):
        method = message.get("method")
        if method is None:  # a response
            self.responses[message.get("id")] = (message, received)
        elif "id" in message:  # a request from the server
            self.server_requests[method] = self.server_requests.get(method, 0) + 1
            self.outbox.append({"jsonrpc": "2.0", "id": message["id"], "result": self._answer(method, message.get("params"))})
        elif method == "textDocument/publishDiagnostics":
            self.diagnostics.setdefault(message["params"]["uri"], received)

    def _answer(self, method, params):
        if method == "workspace/configuration":  # defaults for every section asked about
            return [None for _ in (params or {}).get("items", [])]
        if method == "workspace/workspaceFolders":
            return [{"uri": file_uri(self.workspace), "name": "bench"}]
        return None  # registerCapability, workDoneProgress/create, showMessageRequest, …

    def wait(self, request_id, timeout):
        """The response to request_id and the time it was read."""
        deadline = now() + timeout
        while request_id not in self.responses:
            left = deadline - now()
            if left <= 0:
                raise ServerError(f"no answer to request {request_id} within {timeout} s")
            if self.reader.select(timeout=left):
                self._read_some()
                self._flush_outbox()
            elif self.process.poll() is not None:
                raise ServerError(f"server exited with {self.process.returncode}")
        message, received = self.responses.pop(request_id)
        if "error" in message:
            raise ServerError(f"request {request_id} failed: {message['error']}")
        return message.get("result"), received

    def wait_until(self, condition, timeout):
        """Reads and dispatches until condition() holds; False on timeout."""
        deadline = now() + timeout
        while not condition():
            left = deadline - now()
            if left <= 0:
                return False
            if self.reader.select(timeout=min(left, 0.05)):
                self._read_some()
                self._flush_outbox()
        return True

    def call(self, method, params, timeout=60):
        """Sends one request; (result, round trip in ms)."""
        request_id, message = self.request(method, params)
        sent = now()
        self.send(message)
        result, received = self.wait(request_id, timeout)
        return result, (received - sent) * 1000

    def close(self, timeout=10):
        try:
            request_id, message = self.request("shutdown", None)
            self.send(message)
            self.wait(request_id, timeout)
            self.send(self.notification("exit", None))
            self.process.wait(timeout=timeout)
        except (ServerError, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self.reader.close()
            self.log.close()


CLIENT_CAPABILITIES = {
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {
        "synchronization": {"dynamicRegistration": False, "didSave": False},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["", "quickfix", "refactor", "source"]}}},
        "publishDiagnostics": {"relatedInformation": False},
    },
    "workspace": {"configuration": True, "workspaceFolders": True,
                  "didChangeWatchedFiles": {"dynamicRegistration": True}},
    "window": {"workDoneProgress": True},
}


def start(command, workspace, log_path, timeout):
    """Spawns the server and initializes it; (connection, ms to the initialize answer)."""
    env = dict(os.environ)
    # Nothing of the user's: Gloss's learner state and user content live in the run's own folder.
    env["XDG_STATE_HOME"] = os.path.join(workspace, ".state")
    env["XDG_CONFIG_HOME"] = os.path.join(workspace, ".config")
    connection = Connection(command, workspace, env, log_path)
    request_id, message = connection.request("initialize", {
        "processId": os.getpid(),
        "clientInfo": {"name": "gloss-lsp-bench"},
        "rootUri": file_uri(workspace),
        "rootPath": workspace,
        "workspaceFolders": [{"uri": file_uri(workspace), "name": "bench"}],
        "capabilities": CLIENT_CAPABILITIES,
    })
    connection.send(message)
    _, received = connection.wait(request_id, timeout)
    return connection, (received - connection.started) * 1000


def did_open(connection, uri, language_id, text):
    return connection.notification("textDocument/didOpen", {
        "textDocument": {"uri": uri, "languageId": language_id, "version": 1, "text": text}})


def hover_params(uri, position):
    return {"textDocument": {"uri": uri}, "position": {"line": position[0], "character": position[1]}}


def one_run(options, command, run, scratch):
    """One server process, every measurement; a dict of figures."""
    workspace = os.path.join(scratch, f"run{run}")
    os.makedirs(workspace)
    name = os.path.basename(options.file)
    shutil.copyfile(options.file, os.path.join(workspace, name))
    with open(options.file, encoding="utf-8") as source:
        text = source.read()
    lines = text.split("\n")
    uri = file_uri(os.path.join(workspace, name))
    positions = pick_positions(lines, options.hovers, options.hover_on)
    figures = {}

    connection, figures["initialize_ms"] = start(command, workspace, os.path.join(scratch, f"run{run}.log"),
                                                 options.timeout)
    try:
        # The first hover, sent with `initialized` and `didOpen` as an editor does.
        request_id, hover = connection.request("textDocument/hover", hover_params(uri, positions[0]))
        connection.send(connection.notification("initialized", {}), did_open(connection, uri, options.language_id, text),
                        hover)
        first, received = connection.wait(request_id, options.timeout)
        figures["first_hover_ms"] = (received - connection.started) * 1000
        figures["first_hover_answered"] = first is not None

        if options.wait_diagnostics:
            arrived = connection.wait_until(lambda: uri in connection.diagnostics, options.wait_diagnostics)
            figures["diagnostics_ms"] = ((connection.diagnostics[uri] - connection.started) * 1000
                                         if arrived else None)

        for i in range(options.warmup):  # not counted
            connection.call("textDocument/hover", hover_params(uri, positions[(i * 7) % len(positions)]),
                            options.timeout)

        samples, answered = [], 0
        for position in positions:
            result, ms = connection.call("textDocument/hover", hover_params(uri, position), options.timeout)
            samples.append(ms)
            answered += result is not None
        figures["hover"] = percentiles(samples)
        figures["hover_answered_fraction"] = answered / len(positions)

        samples = []
        for position in positions[:options.actions]:
            _, ms = connection.call("textDocument/codeAction", {
                "textDocument": {"uri": uri},
                "range": {"start": {"line": position[0], "character": position[1]},
                          "end": {"line": position[0], "character": position[1]}},
                "context": {"diagnostics": []}}, options.timeout)
            samples.append(ms)
        figures["code_action"] = percentiles(samples)

        # Edits: a space typed at the end of a line (before a trailing backslash,
        # which continues the line), then deleted; each followed by a hover.
        samples, version = [], 1
        edit_positions = positions[::2][:options.edits] if options.edits else []
        for line_number, character in edit_positions:
            line = lines[line_number]
            if options.edit_at == "token":
                at = {"line": line_number, "character": character}
            else:
                column = len(line) - 1 if line.endswith("\\") else len(line)
                at = {"line": line_number, "character": utf16_length(line[:column])}
            after = {"line": line_number, "character": at["character"] + 1}
            for change in ({"range": {"start": at, "end": at}, "text": " "},
                           {"range": {"start": at, "end": after}, "text": ""}):
                version += 1
                request_id, hover = connection.request("textDocument/hover",
                                                       hover_params(uri, (line_number, character)))
                sent = now()
                connection.send(connection.notification("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}), hover)
                _, received = connection.wait(request_id, options.timeout)
                samples.append((received - sent) * 1000)
        figures["edit_hover"] = percentiles(samples)

        figures["peak_rss_kib"], figures["rss_kib"], figures["processes"] = memory_kib(connection.process.pid)
        figures["hover_elsewhere_while_opening_ms"] = hover_elsewhere_while_opening(connection, options, workspace,
                                                                                   name, text, positions)
        figures["server_requests"] = dict(connection.server_requests)
    finally:
        connection.close()
    return figures


def hover_elsewhere_while_opening(connection, options, workspace, name, text, positions):
    """How long a hover on a short document waits when it is sent in the same
    write as the opening of this file (a second copy, under another URI)."""
    short_lines = text.split("\n")[:positions[0][0] + 1]
    short_uri = file_uri(os.path.join(workspace, "short-" + name))
    connection.send(did_open(connection, short_uri, options.language_id, "\n".join(short_lines) + "\n"))
    connection.call("textDocument/hover", hover_params(short_uri, positions[0]), options.timeout)
    copy_uri = file_uri(os.path.join(workspace, "copy-" + name))
    request_id, hover = connection.request("textDocument/hover", hover_params(short_uri, positions[0]))
    sent = now()
    connection.send(did_open(connection, copy_uri, options.language_id, text), hover)
    _, received = connection.wait(request_id, options.timeout)
    return (received - sent) * 1000


def many_run(options, command, run, scratch):
    """Opens every document of the manifest's "many" list; hovers once in each."""
    workspace = os.path.join(scratch, f"many{run}")
    os.makedirs(workspace)
    base = os.path.dirname(os.path.abspath(options.many))
    with open(options.many, encoding="utf-8") as manifest_file:
        documents = json.load(manifest_file)["many"]
    connection, initialize_ms = start(command, workspace, os.path.join(scratch, f"many{run}.log"), options.timeout)
    figures = {"initialize_ms": initialize_ms, "documents": len(documents)}
    try:
        connection.send(connection.notification("initialized", {}))
        began, total_lines = now(), 0
        for document in documents:
            path = os.path.join(workspace, os.path.basename(document["path"]))
            shutil.copyfile(os.path.join(base, document["path"]), path)
            with open(path, encoding="utf-8") as source:
                text = source.read()
            total_lines += text.count("\n")
            uri = file_uri(path)
            request_id, hover = connection.request("textDocument/hover",
                                                   hover_params(uri, pick_positions(text.split("\n"), 1)[0]))
            connection.send(did_open(connection, uri, document["language_id"], text), hover)
            connection.wait(request_id, options.timeout)
        figures["open_and_hover_all_ms"] = (now() - began) * 1000
        figures["lines"] = total_lines
        if options.wait_diagnostics:
            figures["diagnostics_for"] = 0
            connection.wait_until(lambda: len(connection.diagnostics) >= len(documents), options.wait_diagnostics)
            figures["diagnostics_for"] = len(connection.diagnostics)
        figures["peak_rss_kib"], figures["rss_kib"], figures["processes"] = memory_kib(connection.process.pid)
    finally:
        connection.close()
    return figures


def median_of(runs, *path):
    values = []
    for figures in runs:
        value = figures
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            values.append(value)
    return statistics.median(values) if values else None


def summarise(options, command, runs):
    """Medians over runs of every figure, in the JSON shape bench/suite.py reads."""
    result = {"label": options.label or os.path.basename(command[0]), "command": command, "runs": len(runs),
              "warmup_hovers": options.warmup, "per_run": runs}
    if options.many:
        result.update(mode="many", manifest=options.many)
        for key in ("initialize_ms", "open_and_hover_all_ms", "peak_rss_kib", "rss_kib", "documents", "lines", "processes",
                    "diagnostics_for"):
            result[key] = median_of(runs, key)
    else:
        with open(options.file, encoding="utf-8") as source:
            result.update(mode="file", file=options.file, language_id=options.language_id,
                          lines=source.read().count("\n"))
        for key in ("initialize_ms", "first_hover_ms", "diagnostics_ms", "peak_rss_kib", "rss_kib", "processes",
                    "hover_answered_fraction", "hover_elsewhere_while_opening_ms"):
            result[key] = median_of(runs, key)
        for kind in ("hover", "code_action", "edit_hover"):
            if runs[0].get(kind):
                result[kind] = {q: median_of(runs, kind, q) for q in ("p50", "p95", "p99", "max", "count")}
    for key in ("processes", "documents", "lines"):  # counts stay whole numbers
        if isinstance(result.get(key), float):
            result[key] = round(result[key])
    for kind in ("hover", "code_action", "edit_hover"):
        if isinstance((result.get(kind) or {}).get("count"), float):
            result[kind]["count"] = round(result[kind]["count"])
    for key in ("peak_rss", "rss"):
        if result.get(key + "_kib") is not None:
            result[key + "_mb"] = result[key + "_kib"] / 1024
    return result


def describe(result):
    def ms(value):
        return "—" if value is None else f"{value:.3f} ms"

    out = [f"{result['label']}: {' '.join(result['command'])}"]
    if result["mode"] == "many":
        out.append(f"  {result['documents']} documents, {result['lines']} lines: open+hover all {ms(result['open_and_hover_all_ms'])}, "
                   f"peak RSS {result['peak_rss_mb']:.1f} MB, resident at the end {result['rss_mb']:.1f} MB "
                   f"({result['processes']:.0f} process(es))")
    else:
        out.append(f"  {result['file']} ({result['lines']} lines, {result['language_id']}), median of {result['runs']} runs, "
                   f"{result['warmup_hovers']} warm-up hovers not counted")
        out.append(f"  start → initialize {ms(result['initialize_ms'])}; start → first hover {ms(result['first_hover_ms'])}"
                   + (f"; start → diagnostics {ms(result['diagnostics_ms'])}" if result.get("diagnostics_ms") else ""))
        for kind in ("hover", "code_action", "edit_hover"):
            if result.get(kind):
                f = result[kind]
                out.append(f"  {kind:<12} p50 {ms(f['p50'])}  p95 {ms(f['p95'])}  p99 {ms(f['p99'])}  max {ms(f['max'])}"
                           f"  (n={f['count']:.0f})")
        out.append(f"  hovers answered with content: {result['hover_answered_fraction'] * 100:.0f}%; "
                   f"peak RSS {result['peak_rss_mb']:.1f} MB ({result['processes']:.0f} process(es))")
    return "\n".join(out)


def resolve(command):
    """The command with its program made absolute: servers run in their own workspace."""
    program = command[0]
    found = os.path.abspath(program) if os.sep in program else shutil.which(program)
    if not found or not os.access(found, os.X_OK):
        raise ServerError(f"{program}: not found or not executable")
    return [found] + command[1:]


def measure(options, command):
    """Runs options.runs server processes; the summary dict."""
    command = resolve(command)
    scratch = tempfile.mkdtemp(prefix="gloss-lsp-bench-")
    try:
        runs = [(many_run if options.many else one_run)(options, command, run, scratch) for run in range(options.runs)]
        return summarise(options, command, runs)
    except ServerError as error:
        logs = sorted(name for name in os.listdir(scratch) if name.endswith(".log"))
        tail = ""
        if logs:
            with open(os.path.join(scratch, logs[-1]), "rb") as log:
                tail = log.read()[-2000:].decode("utf-8", "replace")
        raise ServerError(f"{' '.join(command)}: {error}\n{tail}") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def parser():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                usage="%(prog)s [options] (--file FILE --language-id ID | --many MANIFEST) -- SERVER…")
    p.add_argument("--file", help="the document to measure on")
    p.add_argument("--language-id", help="its LSP languageId (python, shellscript, …)")
    p.add_argument("--many", metavar="MANIFEST", help="generate_inputs.py manifest: open its many documents")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--hovers", type=int, default=500, help="measured hovers per run")
    p.add_argument("--warmup", type=int, default=20, help="hovers before measuring, not counted")
    p.add_argument("--actions", type=int, default=500, help="code actions per run (at the hover positions)")
    p.add_argument("--edits", type=int, default=200, help="edit+hover pairs per run (each: insert, delete)")
    p.add_argument("--hover-on", choices=("keyword", "identifier"), default="keyword",
                   help="hover on each chosen line's interesting token (default) or its first identifier")
    p.add_argument("--edit-at", choices=("end", "token"), default="end",
                   help="type the space at the end of the line (default) or just before the hovered token")
    p.add_argument("--wait-diagnostics", type=float, default=0, metavar="SECONDS",
                   help="after didOpen, wait up to this long for the file's first publishDiagnostics before timing")
    p.add_argument("--timeout", type=float, default=120, help="seconds to wait for any one answer")
    p.add_argument("--label")
    p.add_argument("--json", metavar="OUT", help="write the summary as JSON here ('-' for stdout)")
    p.add_argument("server", nargs="+", help="the server command, after --")
    return p


def main():
    options = parser().parse_args()
    if not options.many and not (options.file and options.language_id):
        parser().error("give --file and --language-id, or --many")
    try:
        result = measure(options, options.server)
    except ServerError as error:
        print(f"lsp_bench: {error}", file=sys.stderr)
        return 1
    if options.json == "-":
        print(json.dumps(result, indent=2))
    else:
        if options.json:
            with open(options.json, "w", encoding="utf-8") as out:
                json.dump(result, out, indent=2)
        print(describe(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
