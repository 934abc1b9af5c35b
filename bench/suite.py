#!/usr/bin/env python3
"""Runs every benchmark and writes bench/RESULTS.md. bench/run calls this after
building; it can also be run alone once build/ and bench/inputs/ exist.

    bench/suite.py [--quick] [--out bench/RESULTS.md] [--raw build/bench-results]

Stages: Google Benchmark micro-benchmarks (if built), LSP round trips for Gloss
and the null responder over 1k/10k/100k-line Python, every language at 10k
lines (and with a syntax error near the top), memory with 50 open documents,
peers (bash-language-server, pyright) on the same files in the same run, and
`gloss coverage` against `ast-grep scan` over the Python standard library.
Raw JSON of every stage goes to --raw; the tables go to --out.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in bench/
import lsp_bench  # noqa: E402

BUILD = os.path.join(REPO, "build")
GLOSS = os.path.join(BUILD, "gloss")
NULL = os.path.join(BUILD, "gloss_null_responder")
MICRO = os.path.join(BUILD, "gloss_micro_benchmarks")
NODE_BIN = os.path.join(HERE, "node_modules", ".bin")
INPUTS = os.path.join(HERE, "inputs")

# The targets of issue 7, as (limit, unit) — see the table builder below.
TARGETS = {
    "hover_p99_10k": 1.0,
    "hover_vs_null": 3.0,
    "edit_hover_p99_10k": 2.0,
    "initialize": 20.0,
    "first_hover": 50.0,
    "rss_many": 50.0,
}


def ast_grep_binary():
    """The native ast-grep from its platform package (what the postinstall script
    would link; bench/ is installed with --ignore-scripts), else the npm wrapper."""
    native = sorted(glob.glob(os.path.join(HERE, "node_modules", "@ast-grep", "cli-*", "ast-grep")))
    return native[0] if native else os.path.join(NODE_BIN, "ast-grep")


def log(message):
    print(f"[suite {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Suite:
    def __init__(self, options):
        self.options = options
        self.raw = options.raw
        os.makedirs(self.raw, exist_ok=True)
        self.results = {}
        self.notes = []
        with open(os.path.join(INPUTS, "manifest.json"), encoding="utf-8") as manifest:
            self.manifest = json.load(manifest)

    def input(self, language, size):
        entry = self.manifest["languages"][language]
        relative = entry["error"] if size == "error" else entry["sizes"][str(size)]
        return os.path.join(INPUTS, relative), entry["language_id"]

    def save(self, name, value):
        self.results[name] = value
        with open(os.path.join(self.raw, name + ".json"), "w", encoding="utf-8") as out:
            json.dump(value, out, indent=2)

    # -- LSP

    def lsp(self, name, command, file=None, language_id=None, many=None, **settings):
        argv = []
        if many:
            argv += ["--many", many]
        else:
            argv += ["--file", file, "--language-id", language_id]
        for key, value in settings.items():
            argv += ["--" + key.replace("_", "-"), str(value)]
        options = lsp_bench.parser().parse_args(argv + ["--label", name, "--"] + command)
        log(f"lsp {name}: {' '.join(os.path.relpath(c, REPO) if c.startswith(REPO) else c for c in command)} "
            f"{os.path.relpath(many or file, REPO)}")
        try:
            result = lsp_bench.measure(options, command)
            print(lsp_bench.describe(result), flush=True)
        except lsp_bench.ServerError as error:
            result = {"label": name, "error": str(error)[:2000]}
            log(f"  failed: {str(error).splitlines()[0]}")
        self.save(name, result)
        return result

    def check_inputs(self):
        """The generated files must parse without errors (and the error variants
        with): counted with `gloss coverage`, per language."""
        def errors(paths):
            completed = subprocess.run([GLOSS, "coverage", "--json", "--top", "1000000"] + paths,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            report = json.loads(completed.stdout)
            # A file whose parse runs out of Gloss's time budget is left out of the report.
            return {l["language"]: sum(c["occurrences"] for c in l["constructs"] if c["type"] == "ERROR")
                    for l in report["languages"] if l["files"]}
        names = list(self.manifest["languages"])
        languages = self.manifest["languages"].values()
        clean = [os.path.join(INPUTS, e["sizes"][size]) for e in languages for size in e["sizes"] if size != "100000"]
        clean += [os.path.join(INPUTS, d["path"]) for d in self.manifest["many"]]
        counted = errors(clean)
        broken = {language: n for language, n in counted.items() if n}
        if broken:
            self.notes.append("Generated inputs with syntax errors (ERROR nodes per language): "
                              + ", ".join(f"{k} {v}" for k, v in sorted(broken.items())))
        counted = errors([os.path.join(INPUTS, e["error"]) for e in languages])
        unbroken = [language for language in names if counted.get(language) == 0]
        unparsed = [language for language in names if language not in counted]
        if unbroken:
            self.notes.append("Error variants that parse without an ERROR node: " + ", ".join(unbroken))
        if unparsed:
            self.notes.append("`gloss coverage` could not parse these error variants within its 2 s parse budget "
                              "(so it left them out of its report, and did not count them as skipped): "
                              + ", ".join(unparsed))
        log(f"inputs checked: {'clean' if not broken else broken}; error variants without errors: {unbroken or 'none'}, "
            f"not parsed in time: {unparsed or 'none'}")

    def run_lsp(self):
        self.check_inputs()
        q = self.options.quick
        runs = 2 if q else self.options.runs
        gloss, null = [GLOSS, "lsp"], [NULL]
        full = dict(runs=runs, hovers=200 if q else 500, actions=100 if q else 200, warmup=20)
        for size in (1000, 10000, 100000):
            file, language_id = self.input("python", size)
            edits = (20 if q else 100) if size == 10000 else 0
            for name, command in (("gloss", gloss), ("null", null)):
                self.lsp(f"{name}_python_{size}", command, file, language_id, edits=edits, **full)

        per_language = dict(runs=2 if q else 3, hovers=100 if q else 300, actions=50 if q else 100, warmup=20,
                            edits=10 if q else 25)
        for language in self.manifest["languages"]:
            for size in (10000, "error"):
                if language == "python" and size == 10000:
                    continue  # measured above
                file, language_id = self.input(language, size)
                # With a syntax error near the top, an edit can cost a second: fewer of them.
                settings = dict(per_language, edits=2 if q else 4) if size == "error" else per_language
                self.lsp(f"gloss_{language}_{size}", gloss, file, language_id, **settings)

        big, small = self.results.get("gloss_python_100000", {}), self.results.get("gloss_python_10000", {})
        if big.get("per_run") and small.get("hover_answered_fraction"):
            answered = [run.get("hover_answered_fraction", 0) for run in big["per_run"]]
            if min(answered) < 0.8 * small["hover_answered_fraction"]:
                self.notes.append(
                    "At 100k lines Gloss answered fewer hovers than at 10k (per run: "
                    + ", ".join(f"{a * 100:.0f}%" for a in answered)
                    + "): a run below the 10k figure had its document parse stopped by the 2 s parse budget "
                    "(wall clock, so a loaded machine hits it sooner), and hovers without a tree are answered "
                    "null without matching — fast, but not a measurement of matching.")

        many = os.path.join(INPUTS, "manifest.json")
        for name, command in (("gloss", gloss), ("null", null)):
            self.lsp(f"{name}_many", command, many=many, runs=runs)

    def run_peers(self):
        q = self.options.quick
        bash_ls = os.path.join(NODE_BIN, "bash-language-server")
        pyright = os.path.join(NODE_BIN, "pyright-langserver")
        if not (os.access(bash_ls, os.X_OK) and os.access(pyright, os.X_OK)):
            self.notes.append("Peers skipped: bench/node_modules is missing (run `npm ci` in bench/).")
            log("peers skipped: no bench/node_modules")
            return
        # Peers hover on identifiers (a keyword gives a type-aware server nothing to
        # say); Gloss is measured again on exactly the same positions and settings.
        peer = dict(runs=2 if q else 3, hover_on="identifier", warmup=5, hovers=20 if q else 30, actions=20,
                    edits=3 if q else 5)
        file, language_id = self.input("bash", 10000)
        for name, command in (("gloss", [GLOSS, "lsp"]), ("bash-language-server", [bash_ls, "start"])):
            self.lsp(f"peer_bash_10000_{name}", command, file, language_id, **peer)
        # pyright re-checks the whole file after each edit (about 4 s per edit at
        # 10k lines here), so its full measurement is on the 1k-line file; the
        # 10k-line file gets one run without edits.
        python = dict(peer, hovers=50 if not q else 20, edits=10 if not q else 3)
        for size, settings in ((1000, python), (10000, dict(python, runs=1, edits=0))):
            file, language_id = self.input("python", size)
            for name, command in (("gloss", [GLOSS, "lsp"]), ("pyright", [pyright, "--stdio"])):
                self.lsp(f"peer_python_{size}_{name}", command, file, language_id,
                         wait_diagnostics=300 if name == "pyright" else 0, **settings)

    # -- coverage

    def run_coverage(self):
        stdlib = sorted(glob.glob("/usr/lib/python3.*[0-9]"))
        ast_grep = ast_grep_binary()
        if not stdlib:
            self.notes.append("Coverage skipped: no /usr/lib/python3.* on this machine.")
            return
        stdlib = stdlib[-1]
        commands = {"gloss": [GLOSS, "coverage", stdlib, "--json"]}
        if os.access(ast_grep, os.X_OK):
            commands["ast-grep"] = [ast_grep, "scan", "-c", os.path.join(HERE, "ast-grep", "sgconfig.yml"), "--json",
                                    stdlib]
        else:
            self.notes.append("ast-grep skipped: bench/node_modules is missing (run `npm ci` in bench/).")
        runs = 2 if self.options.quick else 5  # the two are close: more runs, a steadier median
        times = {name: [] for name in commands}
        cpu = {name: [] for name in commands}
        gloss_report = None
        log(f"coverage over {stdlib}: {runs} runs each, alternating")
        for _ in range(runs):
            for name, command in commands.items():
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                completed = subprocess.run(command, stdout=subprocess.PIPE if name == "gloss" else subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, cwd=REPO)
                elapsed = time.perf_counter() - started
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                if completed.returncode != 0:
                    self.notes.append(f"`{name}` over {stdlib} exited with {completed.returncode}.")
                times[name].append(elapsed)
                cpu[name].append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
                if name == "gloss" and completed.returncode == 0:
                    gloss_report = json.loads(completed.stdout)
        result = {"path": stdlib, "runs": runs, "cores": os.cpu_count(), "tools": {}}
        for name in commands:
            result["tools"][name] = {"wall_s": statistics.median(times[name]), "cpu_s": statistics.median(cpu[name]),
                                     "all_wall_s": times[name], "command": commands[name]}
        if gloss_report:
            python = [l for l in gloss_report["languages"] if l["language"] == "python"]
            result["tools"]["gloss"].update(
                files=gloss_report["files"],
                python_files=python[0]["files"] if python else 0,
                lines=sum(l["lines"] for l in gloss_report["languages"]),
                by_language={l["language"]: l["files"] for l in gloss_report["languages"]})
        if "ast-grep" in commands:  # one more run, untimed, to count the files it scanned
            inspect = subprocess.run(commands["ast-grep"][:-1] + ["--inspect", "summary", stdlib],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=REPO)
            for line in inspect.stderr.splitlines():
                if "scannedFileCount=" in line:
                    fields = dict(part.split("=") for part in line.split("file:")[-1].strip().split(","))
                    result["tools"]["ast-grep"].update(files=int(fields["scannedFileCount"]),
                                                       skipped=int(fields.get("skippedFileCount", 0)))
                if "effectiveRuleCount=" in line:
                    result["tools"]["ast-grep"]["rules"] = int(line.split("effectiveRuleCount=")[1].split(",")[0])
        self.save("coverage", result)
        for name, tool in result["tools"].items():
            log(f"  {name}: median {tool['wall_s']:.2f} s wall, {tool['cpu_s']:.2f} s CPU, files {tool.get('files')}")

    # -- micro-benchmarks

    def run_micro(self):
        if not os.access(MICRO, os.X_OK):
            self.notes.append("Micro-benchmarks skipped: build/gloss_micro_benchmarks is not built "
                              "(bench/micro_benchmarks.cpp missing or the bench/ subdirectory not in the build).")
            log("micro-benchmarks skipped: not built")
            return
        listed = subprocess.run([MICRO, "--benchmark_list_tests"], stdout=subprocess.PIPE, text=True, timeout=60)
        benchmarks, timed_out = [], []
        limit = 30 if self.options.quick else 60
        for name in listed.stdout.split():
            log(f"micro {name}")
            out = os.path.join(self.raw, "micro.tmp.json")
            try:
                subprocess.run([MICRO, f"--benchmark_filter=^{name}$", "--benchmark_format=json",
                                f"--benchmark_out={out}", "--benchmark_out_format=json",
                                "--benchmark_min_time=" + ("0.05" if self.options.quick else "0.2")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=limit, check=True)
                with open(out, encoding="utf-8") as report:
                    benchmarks += json.load(report)["benchmarks"]
            except subprocess.TimeoutExpired:
                timed_out.append(name)
            except (subprocess.CalledProcessError, OSError, ValueError) as error:
                timed_out.append(f"{name} (failed: {error})")
        if os.path.exists(os.path.join(self.raw, "micro.tmp.json")):
            os.remove(os.path.join(self.raw, "micro.tmp.json"))
        self.save("micro", {"benchmarks": benchmarks, "timed_out": timed_out, "limit_s": limit})


# ---------------------------------------------------------------- the report

def machine():
    info = {"cores": os.cpu_count(), "kernel": platform.release()}
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as meminfo:
        info["ram_gib"] = int(meminfo.readline().split()[1]) / 1024 / 1024
    compilers = {"CXX": "unknown", "C": "unknown"}  # C: tree-sitter and the grammars
    cache = os.path.join(BUILD, "CMakeCache.txt")
    if os.path.exists(cache):
        with open(cache) as lines:
            for line in lines:
                for language in compilers:
                    if line.startswith(f"CMAKE_{language}_COMPILER:"):
                        path = line.split("=", 1)[1].strip()
                        try:
                            compilers[language] = subprocess.run([path, "--version"], stdout=subprocess.PIPE,
                                                                 text=True).stdout.split("\n")[0]
                        except OSError:
                            compilers[language] = path
    info["compiler"] = f"C++: {compilers['CXX']}; C: {compilers['C']}"
    try:
        info["commit"] = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                                        text=True).stdout.strip()
        # RESULTS.md itself does not count: the last run rewrote it.
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no", "--", ".",
                                ":!bench/RESULTS.md"], stdout=subprocess.PIPE, text=True).stdout.strip()
        info["dirty"] = bool(dirty)
    except OSError:
        info["commit"], info["dirty"] = "unknown", False
    return info


def peer_versions():
    versions = {}
    for package in ("pyright", "bash-language-server", "@ast-grep/cli"):
        path = os.path.join(HERE, "node_modules", package, "package.json")
        if os.path.exists(path):
            with open(path) as meta:
                versions[package] = json.load(meta)["version"]
    return versions


def ms(value):
    return "—" if value is None else f"{value:.3f}"


def mark(ok):
    return "—" if ok is None else ("pass" if ok else "**FAIL**")


def pct(fraction):
    return "—" if fraction is None else f"{fraction * 100:.0f}%"


def mb(value):
    return "—" if value is None else f"{value:.1f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def times(value):
    return "—" if value is None else f"{value:.1f}×"


def get(results, name, *path):
    value = results.get(name)
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def write_report(suite, path, started, finished, info, loads):
    r = suite.results
    runs = get(r, "gloss_python_10000", "runs")
    lines = ["# Benchmark results", "",
             "Written by `bench/run` (see bench/README.md for what each figure means and how it is taken).", "",
             f"- Machine: {info.get('cpu', '?')}, {info['cores']} cores, {info['ram_gib']:.1f} GiB RAM, "
             f"Linux {info['kernel']}, {info['compiler']}",
             f"- Date: {started.strftime('%Y-%m-%d %H:%M')} UTC; the measurements took {(finished - started).seconds // 60} min "
             f"{(finished - started).seconds % 60} s (the build before them is not counted)",
             f"- Commit: {info['commit']}{' with uncommitted changes' if info['dirty'] else ''}",
             f"- Load average (1 min) at start and end: {loads[0]:.2f}, {loads[1]:.2f} "
             "(anything well above 0 means other work shared the cores and the figures are pessimistic)",
             f"- Each LSP figure is the median over runs (Gloss and the null responder: {runs} runs) of that "
             "figure within a run; warm-up hovers (20; 5 for the peer comparison) are not counted. "
             "Times are milliseconds of round trip over stdio pipes, as a client sees them.",
             ""]

    # Targets
    hover10 = get(r, "gloss_python_10000", "hover", "p99")
    null10 = get(r, "null_python_10000", "hover", "p99")
    edit10 = get(r, "gloss_python_10000", "edit_hover", "p99")
    init = get(r, "gloss_python_1000", "initialize_ms")
    first = get(r, "gloss_python_1000", "first_hover_ms")
    rss = get(r, "gloss_many", "peak_rss_mb")
    cov = get(r, "coverage", "tools")
    cov_gloss = get(r, "coverage", "tools", "gloss", "wall_s")
    cov_sg = get(r, "coverage", "tools", "ast-grep", "wall_s")
    floor = {"hover": null10, "edit": get(r, "null_python_10000", "edit_hover", "p99"),
             "init": get(r, "null_python_1000", "initialize_ms"), "first": get(r, "null_python_1000", "first_hover_ms"),
             "rss": get(r, "null_many", "peak_rss_mb")}
    lines += ["## Targets", "",
              "The null responder's figure for the same measurement is the floor: what the pipes, the framing, "
              "JSON, process start and this client cost on this machine at that moment.", "",
              "| target | Gloss | null responder | limit | result |", "|---|---|---|---|---|",
              f"| hover round trip p99, 10k-line Python file | {ms(hover10)} ms | {ms(floor['hover'])} ms | ≤ {TARGETS['hover_p99_10k']:g} ms | "
              f"{mark(None if hover10 is None else hover10 <= TARGETS['hover_p99_10k'])} |",
              f"| hover p99 ÷ null responder's p99, same file | {times(ratio(hover10, null10))} | | ≤ {TARGETS['hover_vs_null']:g}× (aim) | "
              f"{mark(None if ratio(hover10, null10) is None else ratio(hover10, null10) <= TARGETS['hover_vs_null'])} |",
              f"| one-character edit + hover p99, 10k-line Python file | {ms(edit10)} ms | {ms(floor['edit'])} ms | ≤ {TARGETS['edit_hover_p99_10k']:g} ms | "
              f"{mark(None if edit10 is None else edit10 <= TARGETS['edit_hover_p99_10k'])} |",
              f"| process start → `initialize` answer | {ms(init)} ms | {ms(floor['init'])} ms | ≤ {TARGETS['initialize']:g} ms | "
              f"{mark(None if init is None else init <= TARGETS['initialize'])} |",
              f"| process start → first hover answer, whole built-in pack, 1k-line Python file | {ms(first)} ms | {ms(floor['first'])} ms | "
              f"≤ {TARGETS['first_hover']:g} ms | {mark(None if first is None else first <= TARGETS['first_hover'])} |",
              f"| peak RSS, 50 open documents × 2k lines (9 languages) | {mb(rss)} MB | {mb(floor['rss'])} MB | "
              f"≤ {TARGETS['rss_many']:g} MB | {mark(None if rss is None else rss <= TARGETS['rss_many'])} |",
              f"| `gloss coverage` over the Python standard library vs `ast-grep scan` (wall, median) | "
              f"{'—' if cov_gloss is None else f'{cov_gloss:.2f} s'} | ast-grep: {'—' if cov_sg is None else f'{cov_sg:.2f} s'} | faster | "
              f"{mark(None if cov_gloss is None or cov_sg is None else cov_gloss < cov_sg)} |",
              ""]

    # Hover by size
    lines += ["## Hover round trip by file size (Python)", "",
              "Hovers at 500 positions spread over the file, on the first interesting token of a line "
              "(`def`, `for`, `if`, `lambda`, `=>`, …). The null responder answers every hover with a constant "
              "and never looks at the document: its figures are the cost of the pipes, the framing, JSON and this "
              "Python client. When its p99 is far above its p50, the tail is the machine's (other processes "
              "taking the cores), not either server's.", "",
              "| lines | server | p50 | p95 | p99 | max | Gloss p99 ÷ null p99 | answered with a tip | start → first hover |",
              "|---|---|---|---|---|---|---|---|---|"]
    for size in (1000, 10000, 100000):
        for name in ("gloss", "null"):
            key = f"{name}_python_{size}"
            h = get(r, key, "hover") or {}
            other = get(r, f"null_python_{size}", "hover", "p99")
            lines.append(f"| {size:,} | {'Gloss' if name == 'gloss' else 'null responder'} | {ms(h.get('p50'))} | "
                         f"{ms(h.get('p95'))} | {ms(h.get('p99'))} | {ms(h.get('max'))} | "
                         f"{times(ratio(h.get('p99'), other)) if name == 'gloss' else ''} | "
                         f"{pct(get(r, key, 'hover_answered_fraction')) if name == 'gloss' else ''} | "
                         f"{ms(get(r, key, 'first_hover_ms'))} |")
    lines.append("")

    lines += ["## Edit + hover and code actions (Python, 10k lines)", "",
              "Edit + hover: a space typed at the end of a line (incremental `didChange`), sent together with a hover "
              "on that line, timed as the hover's round trip; then the space is deleted the same way. "
              "Code actions: at the hover positions, an empty range.", "",
              "How Gloss answers it: edits are parsed when a request needs the tree. A document whose reparse is "
              "expected to take over 10 ms is reparsed on a parser thread instead, and a request that arrives before "
              "that reparse finishes, like this hover sent in the same write as its edit, is answered from the edited "
              "tree of the previous parse (positions already follow the text). A reparse is expected to take as long "
              "as the last one, and at least a quarter of the document's full parse: tree-sitter-python reparses "
              "much of a 10k-line module after an edit at a line end (8-40 ms) and little of it after one mid-line, "
              "so a few quick reparses say nothing about the next. A 10k-line module takes this path from its first "
              "edit.", "",
              "| measurement | server | p50 | p95 | p99 | max | n |", "|---|---|---|---|---|---|---|"]
    for kind, title in (("edit_hover", "edit + hover"), ("code_action", "code action")):
        for name in ("gloss", "null"):
            f = get(r, f"{name}_python_10000", kind) or {}
            lines.append(f"| {title} | {'Gloss' if name == 'gloss' else 'null responder'} | {ms(f.get('p50'))} | "
                         f"{ms(f.get('p95'))} | {ms(f.get('p99'))} | {ms(f.get('max'))} | {f.get('count', '—')} |")
    lines.append("")

    lines += ["## Start-up (whole built-in pack)", "",
              "From spawning the process. The first hover is sent right after `initialized` and `didOpen`, "
              "so it includes parsing the document. A document over 256 KB (the 10k- and 100k-line files) is "
              "parsed on the server's parser thread: requests about it wait for that parse, the others do not. "
              "The last column is a hover on a short document sent in the same write as the opening of the file "
              "(a second copy, late in the run), timed from that write.", "",
              "| file | server | start → initialize | start → first hover | hover elsewhere while it opens |",
              "|---|---|---|---|---|"]
    for size in (1000, 10000, 100000):
        for name in ("gloss", "null"):
            key = f"{name}_python_{size}"
            lines.append(f"| Python {size:,} lines | {'Gloss' if name == 'gloss' else 'null responder'} | "
                         f"{ms(get(r, key, 'initialize_ms'))} | {ms(get(r, key, 'first_hover_ms'))} | "
                         f"{ms(get(r, key, 'hover_elsewhere_while_opening_ms'))} |")
    lines.append("")

    lines += ["## Every language, 10k lines (Gloss)", "",
              "Fewer samples than above: 3 runs of 300 hovers, 100 code actions and 25 edit pairs (4 on the "
              "\"error\" files, so their edit p99 is nearly the maximum). \"error\" is the same file with an "
              "unclosed bracket a few lines from the top.", "",
              "| language | file | hover p50 | hover p99 | answered | code action p99 | edit+hover p50 | edit+hover p99 | "
              "start → first hover | peak RSS MB |", "|---|---|---|---|---|---|---|---|---|---|"]
    for language in suite.manifest["languages"]:
        for size in (10000, "error"):
            key = "gloss_python_10000" if (language, size) == ("python", 10000) else f"gloss_{language}_{size}"
            res = r.get(key) or {}
            if "error" in res and isinstance(res.get("error"), str):
                lines.append(f"| {language} | {size} | failed: {res['error'].splitlines()[0][:80]} | | | | | | | |")
                continue
            lines.append(f"| {language} | {'10k' if size == 10000 else 'error'} | {ms(get(r, key, 'hover', 'p50'))} | "
                         f"{ms(get(r, key, 'hover', 'p99'))} | {pct(res.get('hover_answered_fraction'))} | "
                         f"{ms(get(r, key, 'code_action', 'p99'))} | {ms(get(r, key, 'edit_hover', 'p50'))} | "
                         f"{ms(get(r, key, 'edit_hover', 'p99'))} | {ms(res.get('first_hover_ms'))} | "
                         f"{mb(res.get('peak_rss_mb'))} |")
    lines.append("")

    lines += ["## Memory", "",
              "50 documents of 2k lines in all nine languages opened in one server, one hover in each, "
              "then VmHWM (peak resident set) read from /proc.", "",
              "| server | peak RSS | resident at the end | open + hover all 50 |", "|---|---|---|---|"]
    for name in ("gloss", "null"):
        key = f"{name}_many"
        lines.append(f"| {'Gloss' if name == 'gloss' else 'null responder'} | {mb(get(r, key, 'peak_rss_mb'))} MB | "
                     f"{mb(get(r, key, 'rss_mb'))} MB | "
                     f"{ms(get(r, key, 'open_and_hover_all_ms'))} ms |")
    lines.append("")

    versions = peer_versions()
    lines += ["## Peers", "",
              f"Measured in the same run on the same files and positions: bash-language-server "
              f"{versions.get('bash-language-server', '?')} and pyright {versions.get('pyright', '?')} (npm, pinned in "
              "bench/package-lock.json). Hovers are on each chosen line's first identifier, where these servers "
              "have something to say, so Gloss is measured again there (it answers fewer of those). "
              "**pyright does far more than Gloss**: it type-checks the whole file (and what it imports from "
              "typeshed) and answers with inferred types, so its start-up and edit figures measure that "
              "analysis; the client waits for pyright's first `publishDiagnostics` for the file (the end of its "
              "initial check) before the warm-up and the timed hovers. pyright re-checks the file after every "
              "edit, which takes seconds at 10k lines, so its full comparison uses the 1k-line file and the "
              "10k-line file gets one run without edits. bash-language-server parses the file with "
              "web-tree-sitter and looks up documentation for the word under the cursor. Node servers: RSS "
              "is summed over the server's process tree (the figure says how many processes).", "",
              "| file | server | start → initialize | start → first hover | hover p50 | hover p99 | answered | "
              "edit+hover p50 | edit+hover p99 | peak RSS MB | processes |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    pairs = (("peer_bash_10000", "bash-language-server", "Bash 10k"), ("peer_python_1000", "pyright", "Python 1k"),
             ("peer_python_10000", "pyright", "Python 10k"))
    for prefix, peer, title in pairs:
        for name in ("gloss", peer):
            res = r.get(f"{prefix}_{name}")
            if not res:
                continue
            if isinstance(res.get("error"), str):
                lines.append(f"| {title} | {name} | failed: {res['error'].splitlines()[0][:80]} | | | | | | | | |")
                continue
            hover, edit = res.get("hover") or {}, res.get("edit_hover") or {}
            lines.append(f"| {title} | {'Gloss' if name == 'gloss' else name} | {ms(res.get('initialize_ms'))} | "
                         f"{ms(res.get('first_hover_ms'))} | {ms(hover.get('p50'))} | "
                         f"{ms(hover.get('p99'))} | {pct(res.get('hover_answered_fraction'))} | "
                         f"{ms(edit.get('p50'))} | {ms(edit.get('p99'))} | {mb(res.get('peak_rss_mb'))} | "
                         f"{res.get('processes', '—')} |")
    lines += ["", "Ratios (peer ÷ Gloss; above 1 means Gloss is faster or smaller):", "",
              "| file | peer | start → first hover | hover p50 | hover p99 | edit+hover p50 | peak RSS |",
              "|---|---|---|---|---|---|---|"]
    for prefix, peer, title in pairs:
        g, p = r.get(f"{prefix}_gloss") or {}, r.get(f"{prefix}_{peer}") or {}
        if not g or not p or "hover" not in g or "hover" not in p:
            continue
        lines.append(f"| {title} | {peer} | {times(ratio(p.get('first_hover_ms'), g.get('first_hover_ms')))} | "
                     f"{times(ratio(p['hover']['p50'], g['hover']['p50']))} | {times(ratio(p['hover']['p99'], g['hover']['p99']))} | "
                     f"{times(ratio((p.get('edit_hover') or {}).get('p50'), (g.get('edit_hover') or {}).get('p50')))} | "
                     f"{times(ratio(p.get('peak_rss_mb'), g.get('peak_rss_mb')))} |")
    lines.append("")

    if cov:
        c = r["coverage"]
        g, s = cov.get("gloss", {}), cov.get("ast-grep", {})
        lines += ["## `gloss coverage` vs `ast-grep scan` (Python standard library)", "",
                  f"Both over `{c['path']}`, wall time, median of {c['runs']} runs each (alternating), both on all "
                  f"{c['cores']} cores as they are by default. `gloss coverage` parses every file, counts every "
                  "construct kind and runs every built-in tip's query; ast-grep runs 38 rules "
                  "(bench/ast-grep/rules/, one per built-in Python tip, matching the same node kinds) and writes "
                  "JSON to /dev/null. Both skip hidden files and honour .gitignore files (the tree has none); "
                  "Gloss also reads files of other languages it knows.", "",
                  "| tool | files | wall (median) | CPU user+sys (median) | runs (wall, s) |", "|---|---|---|---|---|",
                  f"| `gloss coverage --json` | {g.get('files', '—')} ({g.get('python_files', '—')} Python; "
                  f"{g.get('lines', 0):,} lines) | {g.get('wall_s', 0):.2f} s | {g.get('cpu_s', 0):.2f} s | "
                  f"{', '.join(f'{t:.2f}' for t in g.get('all_wall_s', []))} |"]
        if s:
            lines.append(f"| `ast-grep scan --json` ({s.get('rules', '?')} rules) | {s.get('files', '—')} "
                         f"(skipped {s.get('skipped', '—')}) | {s['wall_s']:.2f} s | {s['cpu_s']:.2f} s | "
                         f"{', '.join(f'{t:.2f}' for t in s['all_wall_s'])} |")
            lines += ["", f"Gloss ÷ ast-grep, wall: {times(ratio(g.get('wall_s'), s['wall_s']))}; CPU: "
                      f"{times(ratio(g.get('cpu_s'), s['cpu_s']))}. "
                      f"Gloss throughput: {g.get('lines', 0) / g['wall_s']:,.0f} lines/s."]
        lines.append("")

    micro = r.get("micro")
    if micro:
        lines += ["## Micro-benchmarks (Google Benchmark, bench/micro_benchmarks.cpp)", "",
                  "Each benchmark run alone (`--benchmark_filter`), with a time limit. Note: Debian's libbenchmark "
                  "reports itself as a debug build; that concerns the library's own bookkeeping, not Gloss's code.", "",
                  "| benchmark | real time | CPU time | iterations |", "|---|---|---|---|"]
        for b in micro["benchmarks"]:
            unit = b.get("time_unit", "ns")
            lines.append(f"| {b['name']} | {b['real_time']:.3f} {unit} | {b['cpu_time']:.3f} {unit} | {b['iterations']} |")
        for name in micro["timed_out"]:
            lines.append(f"| {name} | did not finish within {micro['limit_s']} s | | |")
        lines.append("")

    if suite.notes:
        lines += ["## Notes", ""] + [f"- {note}" for note in suite.notes] + [""]
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and samples: a smoke test, not figures")
    parser.add_argument("--runs", type=int, default=5, help="runs for Gloss and the null responder")
    parser.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    parser.add_argument("--raw", default=os.path.join(BUILD, "bench-results"))
    parser.add_argument("--only", help="comma-separated stages: micro,lsp,peers,coverage")
    parser.add_argument("--report-only", action="store_true",
                        help="measure nothing: rewrite --out from the raw JSON of the last run")
    options = parser.parse_args()
    stages = (options.only or "micro,lsp,peers,coverage").split(",")
    for needed in (GLOSS, NULL):
        if not os.access(needed, os.X_OK):
            sys.exit(f"suite: {needed} is missing; run bench/run (it builds it)")
    suite = Suite(options)
    meta_path = os.path.join(options.raw, "meta.json")
    if options.report_only:
        with open(meta_path, encoding="utf-8") as meta_file:
            meta = json.load(meta_file)
        for path in glob.glob(os.path.join(options.raw, "*.json")):
            name = os.path.basename(path)[:-len(".json")]
            if name != "meta":
                with open(path, encoding="utf-8") as raw:
                    suite.results[name] = json.load(raw)
        suite.notes = meta["notes"]
        started, finished = (datetime.datetime.fromisoformat(meta[key]) for key in ("started", "finished"))
        write_report(suite, options.out, started, finished, meta["machine"], meta["loads"])
        log(f"rewrote {os.path.relpath(options.out, os.getcwd())} from {os.path.relpath(options.raw, os.getcwd())}")
        print_targets(options.out)
        return
    started = datetime.datetime.now(datetime.timezone.utc)
    loads = [os.getloadavg()[0]]
    info = machine()
    for stage in stages:
        getattr(suite, "run_" + stage)()
    loads.append(os.getloadavg()[0])
    finished = datetime.datetime.now(datetime.timezone.utc)
    with open(meta_path, "w", encoding="utf-8") as meta_file:
        json.dump({"started": started.isoformat(), "finished": finished.isoformat(), "machine": info, "loads": loads,
                   "notes": suite.notes}, meta_file, indent=2)
    write_report(suite, options.out, started, finished, info, loads)
    log(f"wrote {os.path.relpath(options.out, os.getcwd())} (raw JSON in {os.path.relpath(options.raw, os.getcwd())})")
    print_targets(options.out)


def print_targets(report_path):
    """Prints the report's targets table, the figures one command is run for."""
    with open(report_path, encoding="utf-8") as report:
        text = report.read()
    table = [line for line in text.split("## Targets", 1)[1].split("\n## ", 1)[0].splitlines() if line.startswith("|")]
    print("\n".join(table))


if __name__ == "__main__":
    main()
