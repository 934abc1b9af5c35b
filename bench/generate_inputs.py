#!/usr/bin/env python3
"""Generates the source files bench/run measures on, deterministically.

For each language Gloss supports it writes files of 1k, 10k and 100k lines
made of ordinary code (functions, classes, loops, comprehensions, lambdas,
error handling, …) that parses without errors, one 10k-line variant with a
syntax error near the top (an unclosed bracket: the case DESIGN.md asks to
benchmark), and 50 documents of 2k lines in mixed languages for the memory
figure. The same seed gives the same bytes on every machine.

    bench/generate_inputs.py [OUTPUT_DIR] [--seed N] [--sizes 1000,10000,100000]

Layout: OUTPUT_DIR/<language>/<lines>.<ext>, <language>/error_10000.<ext>,
many/doc_NN.<ext>, and manifest.json (files, LSP language ids, line counts).
"""

import argparse
import json
import os
import random
import sys

WORDS = [
    "order", "user", "item", "price", "total", "cache", "record", "event", "buffer", "queue",
    "node", "token", "account", "report", "invoice", "session", "packet", "metric", "widget",
    "config", "client", "server", "batch", "entry", "ledger", "stock", "route", "frame", "sample",
    "vector", "matrix", "signal", "window", "cursor", "parcel", "ticket", "budget", "schema",
]
# A little non-ASCII text in strings and comments, so that UTF-16 columns differ from bytes.
PHRASES = ["naïve café", "Grüße", "résumé", "façade", "déjà vu", "smörgåsbord", "plain text", "ok"]


class Unit:
    """Draws names and literals for one generated unit of code."""

    def __init__(self, rng, n):
        self.rng = rng
        self.n = n

    def word(self):
        return self.rng.choice(WORDS)

    def name(self, style="snake"):
        a, b = self.word(), self.word()
        if style == "camel":
            return f"{a}{b.capitalize()}{self.n}"
        if style == "pascal":
            return f"{a.capitalize()}{b.capitalize()}{self.n}"
        return f"{a}_{b}_{self.n}"

    def num(self, low=1, high=100):
        return self.rng.randint(low, high)

    def phrase(self):
        return self.rng.choice(PHRASES)


# ---------------------------------------------------------------- Python

def py_header(rng):
    return ["\"\"\"Generated for Gloss benchmarks: ordinary Python.\"\"\"",
            "import functools", "import itertools", "from dataclasses import dataclass, field",
            "from typing import Iterable, Iterator, Optional", ""]


def py_units():
    def comprehension(u):
        f, xs = u.name(), u.word() + "s"
        return [f"def {f}({xs}, limit={u.num()}):",
                f"    \"\"\"Summarise {xs} ({u.phrase()}).\"\"\"",
                f"    squares = [x * x for x in {xs} if x % {u.num(2, 9)} == 0]",
                f"    table = {{key: value for key, value in zip({xs}, squares)}}",
                f"    unique = {{x // 2 for x in squares}}",
                f"    total = sum(x for x in squares if x < limit)",
                f"    if total > limit:",
                f"        label = f\"{{total}} over {{limit}}\"",
                f"    elif total == limit:",
                f"        label = \"exact\"",
                f"    else:",
                f"        label = None",
                f"    return table, unique, label",
                ""]

    def klass(u):
        c = u.name("pascal")
        a, b = u.word(), u.word() + "_count"
        return ["@dataclass",
                f"class {c}:",
                f"    {a}: str",
                f"    {b}: int = {u.num()}",
                f"    tags: list = field(default_factory=list)",
                "",
                f"    @property",
                f"    def weight(self) -> float:",
                f"        return self.{b} * {u.num()} / 100.0",
                "",
                f"    def describe(self, *, prefix: str = \"{u.phrase()}\") -> str:",
                f"        parts = [prefix, self.{a}, str(self.{b})]",
                f"        return \" \".join(parts[:2]) + parts[-1]",
                "",
                f"    @classmethod",
                f"    def build(cls, *args, **kwargs):",
                f"        return cls(*args, **kwargs)",
                ""]

    def generator(u):
        f = u.name()
        return [f"def {f}(path: str) -> Iterator[str]:",
                f"    try:",
                f"        with open(path, encoding=\"utf-8\") as handle:",
                f"            for number, line in enumerate(handle, start=1):",
                f"                if not line.strip() or line.startswith(\"#\"):",
                f"                    continue",
                f"                yield f\"{{number}}: {{line.rstrip()}}\"",
                f"    except FileNotFoundError as error:",
                f"        raise RuntimeError(f\"missing {{path}}\") from error",
                f"    finally:",
                f"        print(\"done\", path)",
                ""]

    def asynchronous(u):
        f, g = u.name(), u.name()
        return [f"async def {f}(session, urls):",
                f"    results = []",
                f"    for url in urls:",
                f"        response = await session.get(url, timeout={u.num()})",
                f"        if response.status != 200:",
                f"            continue",
                f"        results.append(await response.json())",
                f"    async with session.lock() as guard:",
                f"        guard.record(len(results))",
                f"    return results",
                "",
                f"async def {g}(stream):",
                f"    async for chunk in stream:",
                f"        yield chunk.upper()",
                ""]

    def functional(u):
        f = u.name()
        return [f"def {f}(records, key=None):",
                f"    key = key or (lambda r: r.get(\"{u.word()}\", 0))",
                f"    ordered = sorted(records, key=key, reverse=True)",
                f"    if (count := len(ordered)) > {u.num(5, 50)}:",
                f"        ordered = ordered[:count // 2]",
                f"    head, *rest = ordered or [None]",
                f"    status = \"many\" if len(rest) > 3 else \"few\"",
                f"    pairs = list(itertools.pairwise(ordered[::2]))",
                f"    return functools.reduce(lambda a, b: a + key(b), rest, 0), status, pairs",
                ""]

    def matching(u):
        f = u.name()
        return [f"def {f}(command):",
                f"    match command:",
                f"        case {{\"action\": \"move\", \"x\": x, \"y\": y}}:",
                f"            return x + y",
                f"        case [first, *others] if len(others) > {u.num(1, 4)}:",
                f"            return first",
                f"        case str() | bytes() as raw:",
                f"            return len(raw)",
                f"        case _:",
                f"            return None",
                ""]

    def context(u):
        c = u.name("pascal")
        return [f"class {c}(object):",
                f"    \"\"\"Times a block ({u.phrase()}).\"\"\"",
                "",
                f"    def __init__(self, name, clock=None):",
                f"        self.name = name",
                f"        self.clock = clock",
                f"        self.elapsed = 0.0",
                "",
                f"    def __enter__(self):",
                f"        self.started = self.clock() if self.clock else 0",
                f"        return self",
                "",
                f"    def __exit__(self, kind, value, traceback):",
                f"        self.elapsed = (self.clock() if self.clock else 0) - self.started",
                f"        return False",
                ""]

    def loops(u):
        f = u.name()
        return [f"def {f}(items, target={u.num()}):",
                f"    seen = 0",
                f"    def bump():",
                f"        nonlocal seen",
                f"        seen += 1",
                f"    index = 0",
                f"    while index < len(items):",
                f"        if items[index] is None or items[index] in (0, -1):",
                f"            index += 1",
                f"            continue",
                f"        bump()",
                f"        if 0 < items[index] <= target and items[index] is not True:",
                f"            break",
                f"        index += 1",
                f"    else:",
                f"        assert seen >= 0, \"never negative\"",
                f"    for a, b in zip(items, items[1:]):",
                f"        del a",
                f"    return seen",
                ""]

    return [comprehension, klass, generator, asynchronous, functional, matching, context, loops]


def py_footer(rng):
    return ["if __name__ == \"__main__\":", "    print(\"generated\")"]


# ---------------------------------------------------------------- JavaScript / TypeScript

def js_units(typed):
    t = (lambda s: s) if typed else (lambda s: "")

    def arrows(u):
        f = u.name("camel")
        return [f"export const {f} = (items{t(': number[]')}, limit{t(': number')} = {u.num()}) => {{",
                f"  const squares = items.filter((x) => x % {u.num(2, 9)} === 0).map((x) => x * x);",
                f"  const total = squares.reduce((sum, x) => sum + x, 0);",
                f"  const label = total > limit ? `${{total}} over ${{limit}}` : '{u.phrase()}';",
                f"  return {{ squares, total, label }};",
                f"}};",
                ""]

    def klass(u):
        c = u.name("pascal")
        a = u.word()
        lines = [f"export class {c} {{"]
        if typed:
            lines += [f"  private {a}: string;", f"  count: number;", ""]
        lines += [f"  constructor({a}{t(': string')}, count{t(': number')} = {u.num()}) {{",
                  f"    this.{a} = {a};",
                  f"    this.count = count;",
                  f"  }}",
                  "",
                  f"  get weight(){t(': number')} {{",
                  f"    return this.count * {u.num()} / 100;",
                  f"  }}",
                  "",
                  f"  static from(record{t(': any')}) {{",
                  f"    return new {c}(record.{a} ?? 'none', record?.count);",
                  f"  }}",
                  "",
                  f"  describe(prefix = '{u.phrase()}') {{",
                  f"    return [prefix, this.{a}, String(this.count)].join(' ');",
                  f"  }}",
                  f"}}",
                  ""]
        return lines

    def asynchronous(u):
        f = u.name("camel")
        return [f"export async function {f}(urls{t(': string[]')}){t(': Promise<unknown[]>')} {{",
                f"  const results{t(': unknown[]')} = [];",
                f"  for (const url of urls) {{",
                f"    try {{",
                f"      const response = await fetch(url, {{ method: 'GET' }});",
                f"      if (!response.ok) continue;",
                f"      results.push(await response.json());",
                f"    }} catch (error) {{",
                f"      console.error(`failed ${{url}}`, error);",
                f"    }} finally {{",
                f"      console.log('done');",
                f"    }}",
                f"  }}",
                f"  return Promise.all(results.map(async (r) => r));",
                f"}}",
                ""]

    def destructuring(u):
        f = u.name("camel")
        return [f"function {f}({{ {u.word()}, rest = [] }}{t(': any')}, ...others{t(': any[]')}) {{",
                f"  const [head, ...tail] = rest;",
                f"  const merged = {{ ...head, extra: tail.length, others }};",
                f"  let index = 0;",
                f"  while (index < tail.length) {{",
                f"    if (tail[index] === null || tail[index] === undefined) {{",
                f"      index += 1;",
                f"      continue;",
                f"    }}",
                f"    index++;",
                f"  }}",
                f"  for (const key in merged) {{",
                f"    if (Object.hasOwn(merged, key)) delete merged[key];",
                f"  }}",
                f"  return merged;",
                f"}}",
                ""]

    def switching(u):
        f = u.name("camel")
        return [f"export function {f}(command{t(': string')}, value{t(': number')}) {{",
                f"  switch (command) {{",
                f"    case 'add':",
                f"      return value + {u.num()};",
                f"    case 'scale': {{",
                f"      const factor = value > 10 ? 2 : 1;",
                f"      return value * factor;",
                f"    }}",
                f"    default:",
                f"      throw new Error(`unknown command: ${{command}}`);",
                f"  }}",
                f"}}",
                ""]

    def generators(u):
        f = u.name("camel")
        return [f"function* {f}(limit{t(': number')}) {{",
                f"  for (let i = 0; i < limit; i += {u.num(1, 5)}) {{",
                f"    yield i * 2;",
                f"  }}",
                f"}}",
                "",
                f"const {f}Values = [...{f}({u.num(10, 40)})].map(function (x) {{ return x + 1; }});",
                ""]

    def promises(u):
        f = u.name("camel")
        return [f"export const {f} = (store) =>",
                f"  store",
                f"    .load('{u.word()}')",
                f"    .then((rows) => rows.filter(Boolean))",
                f"    .then((rows) => new Map(rows.map((row) => [row.id, row])))",
                f"    .catch(() => new Map());",
                ""]

    units = [arrows, klass, asynchronous, destructuring, switching, generators, promises]
    if typed:
        def types(u):
            i, e = u.name("pascal"), u.name("pascal")
            return [f"export interface {i} {{",
                    f"  id: number;",
                    f"  {u.word()}?: string;",
                    f"  readonly tags: ReadonlyArray<string>;",
                    f"}}",
                    "",
                    f"export enum {e} {{",
                    f"  Small = {u.num(1, 9)},",
                    f"  Large = {u.num(10, 99)},",
                    f"}}",
                    "",
                    f"export type {i}Map<T extends {i}> = Record<string, T | undefined>;",
                    "",
                    f"export function pick{i}<T extends {i}>(items: T[], id: number): T | undefined {{",
                    f"  return items.find((item) => item.id === id) as T | undefined;",
                    f"}}",
                    ""]
        units.append(types)
    return units


def js_header(rng):
    return ["// Generated for Gloss benchmarks: ordinary JavaScript.", "'use strict';", "",
            "import { readFile } from 'node:fs/promises';", ""]


def ts_header(rng):
    return ["// Generated for Gloss benchmarks: ordinary TypeScript.",
            "import { readFile } from 'node:fs/promises';", ""]


def js_footer(rng):
    return ["export default { readFile };"]


# ---------------------------------------------------------------- C

def c_header(rng):
    return ["/* Generated for Gloss benchmarks: ordinary C. */", "#include <stdio.h>",
            "#include <stdlib.h>", "#include <string.h>", "", "#define MAX_ITEMS 128",
            "#define SQUARE(x) ((x) * (x))", ""]


def c_units():
    def structs(u):
        s = u.name()
        return [f"typedef struct {s} {{",
                f"    int id;",
                f"    double {u.word()};",
                f"    char name[32];",
                f"    struct {s} *next;",
                f"}} {s}_t;",
                "",
                f"static {s}_t *{s}_new(int id) {{",
                f"    {s}_t *node = malloc(sizeof *node);",
                f"    if (node == NULL) {{",
                f"        return NULL;",
                f"    }}",
                f"    memset(node, 0, sizeof *node);",
                f"    node->id = id;",
                f"    snprintf(node->name, sizeof node->name, \"%s-%d\", \"{u.word()}\", id);",
                f"    return node;",
                f"}}",
                ""]

    def loops(u):
        f = u.name()
        return [f"int {f}(const int *values, size_t count, int limit) {{",
                f"    int total = 0;",
                f"    for (size_t i = 0; i < count; ++i) {{",
                f"        if (values[i] % {u.num(2, 9)} == 0) {{",
                f"            total += SQUARE(values[i]);",
                f"        }} else if (values[i] < 0) {{",
                f"            continue;",
                f"        }} else {{",
                f"            total -= values[i];",
                f"        }}",
                f"    }}",
                f"    while (total > limit) {{",
                f"        total /= 2;",
                f"    }}",
                f"    return total > 0 ? total : -total;",
                f"}}",
                ""]

    def switching(u):
        f, e = u.name(), u.name()
        return [f"enum {e} {{ {e.upper()}_ADD, {e.upper()}_SCALE, {e.upper()}_RESET }};",
                "",
                f"static long {f}(enum {e} command, long value) {{",
                f"    switch (command) {{",
                f"    case {e.upper()}_ADD:",
                f"        return value + {u.num()};",
                f"    case {e.upper()}_SCALE:",
                f"        return value * {u.num(2, 5)};",
                f"    default:",
                f"        break;",
                f"    }}",
                f"    return 0;",
                f"}}",
                ""]

    def pointers(u):
        f = u.name()
        return [f"/* {u.phrase()} */",
                f"static void {f}(char *buffer, size_t size, int (*compare)(const void *, const void *)) {{",
                f"    char *end = buffer + size;",
                f"    unsigned int mask = 0xffu << {u.num(1, 8)};",
                f"    do {{",
                f"        *buffer = (char)(*buffer & (char)mask);",
                f"    }} while (++buffer < end);",
                f"    qsort(buffer - size, size, 1, compare);",
                f"}}",
                ""]

    def unions(u):
        s = u.name()
        return [f"union {s} {{",
                f"    int as_int;",
                f"    float as_float;",
                f"    unsigned char bytes[4];",
                f"}};",
                "",
                f"static const int {s}_table[] = {{ {u.num()}, {u.num()}, {u.num()}, {u.num()} }};",
                "",
                f"int {s}_lookup(int index) {{",
                f"    static int calls = 0;",
                f"    calls++;",
                f"    return index >= 0 && index < 4 ? {s}_table[index] : -1;",
                f"}}",
                ""]

    return [structs, loops, switching, pointers, unions]


def c_footer(rng):
    return ["int main(void) {", "    puts(\"generated\");", "    return EXIT_SUCCESS;", "}"]


# ---------------------------------------------------------------- C++

def cpp_header(rng):
    return ["// Generated for Gloss benchmarks: ordinary C++.", "#include <algorithm>",
            "#include <map>", "#include <memory>", "#include <numeric>", "#include <string>",
            "#include <vector>", "", "namespace generated {", ""]


def cpp_units():
    def klass(u):
        c = u.name("pascal")
        a = u.word()
        return [f"class {c} {{",
                f"public:",
                f"    explicit {c}(std::string {a}, int count = {u.num()}) : {a}_(std::move({a})), count_(count) {{}}",
                f"    virtual ~{c}() = default;",
                f"    [[nodiscard]] double weight() const noexcept {{ return count_ * {u.num()} / 100.0; }}",
                f"    virtual std::string describe() const {{ return \"{u.phrase()} \" + {a}_; }}",
                "",
                f"private:",
                f"    std::string {a}_;",
                f"    int count_;",
                f"}};",
                ""]

    def templates(u):
        f = u.name()
        return [f"template <typename T, typename F>",
                f"auto {f}(const std::vector<T> &items, F &&transform) -> std::vector<T> {{",
                f"    std::vector<T> result;",
                f"    result.reserve(items.size());",
                f"    for (const auto &item : items) {{",
                f"        if (item % {u.num(2, 9)} == 0) result.push_back(transform(item));",
                f"    }}",
                f"    std::sort(result.begin(), result.end(), [](const T &a, const T &b) {{ return a > b; }});",
                f"    return result;",
                f"}}",
                ""]

    def lambdas(u):
        f = u.name()
        return [f"int {f}(const std::map<std::string, int> &table, int limit) {{",
                f"    int total = 0;",
                f"    for (const auto &[key, value] : table) {{",
                f"        if (value > limit) continue;",
                f"        total += value;",
                f"    }}",
                f"    auto scaled = [total, &limit](int factor) mutable {{ return total * factor + limit; }};",
                f"    constexpr int factor = {u.num(2, 7)};",
                f"    return scaled(factor);",
                f"}}",
                ""]

    def pointers(u):
        f, s = u.name(), u.name("pascal")
        return [f"struct {s} {{",
                f"    int id = 0;",
                f"    std::unique_ptr<{s}> next;",
                f"}};",
                "",
                f"std::unique_ptr<{s}> {f}(int count) {{",
                f"    auto head = std::make_unique<{s}>();",
                f"    {s} *tail = head.get();",
                f"    for (int i = 1; i < count; ++i) {{",
                f"        tail->next = std::make_unique<{s}>();",
                f"        tail = tail->next.get();",
                f"        tail->id = i * {u.num()};",
                f"    }}",
                f"    return head;",
                f"}}",
                ""]

    def errors(u):
        f = u.name()
        return [f"long {f}(const std::string &text) {{",
                f"    try {{",
                f"        return std::stol(text);",
                f"    }} catch (const std::invalid_argument &error) {{",
                f"        return -{u.num()};",
                f"    }} catch (...) {{",
                f"        throw;",
                f"    }}",
                f"}}",
                "",
                f"enum class {u.name('pascal')} {{ Small = {u.num(1, 9)}, Large = {u.num(10, 99)} }};",
                ""]

    return [klass, templates, lambdas, pointers, errors]


def cpp_footer(rng):
    return ["} // namespace generated", "", "int main() { return 0; }"]


# ---------------------------------------------------------------- Go

def go_header(rng):
    return ["// Generated for Gloss benchmarks: ordinary Go.", "package generated", "", "import (",
            "\t\"errors\"", "\t\"fmt\"", "\t\"sort\"", "\t\"strings\"", "\t\"sync\"", ")", ""]


def go_units():
    def structs(u):
        s = u.name("pascal")
        a = u.word().capitalize()
        return [f"type {s} struct {{",
                f"\tID    int",
                f"\t{a}  string",
                f"\tTags  []string",
                f"\tmu    sync.Mutex",
                f"}}",
                "",
                f"func (r *{s}) Describe(prefix string) string {{",
                f"\tr.mu.Lock()",
                f"\tdefer r.mu.Unlock()",
                f"\treturn fmt.Sprintf(\"%s %s %d ({u.phrase()})\", prefix, r.{a}, r.ID)",
                f"}}",
                ""]

    def loops(u):
        f = u.name("camel")
        return [f"func {f}(items []int, limit int) (int, error) {{",
                f"\ttotal := 0",
                f"\tfor i, x := range items {{",
                f"\t\tif x%{u.num(2, 9)} == 0 {{",
                f"\t\t\ttotal += x * i",
                f"\t\t}} else if x < 0 {{",
                f"\t\t\tcontinue",
                f"\t\t}}",
                f"\t}}",
                f"\tif total > limit {{",
                f"\t\treturn 0, errors.New(\"over the limit\")",
                f"\t}}",
                f"\treturn total, nil",
                f"}}",
                ""]

    def channels(u):
        f = u.name("camel")
        return [f"func {f}(jobs <-chan string, done chan<- struct{{}}) {{",
                f"\tresults := make(chan int, {u.num(1, 16)})",
                f"\tgo func() {{",
                f"\t\tdefer close(results)",
                f"\t\tfor job := range jobs {{",
                f"\t\t\tresults <- len(strings.TrimSpace(job))",
                f"\t\t}}",
                f"\t}}()",
                f"\tfor {{",
                f"\t\tselect {{",
                f"\t\tcase n, ok := <-results:",
                f"\t\t\tif !ok {{",
                f"\t\t\t\tdone <- struct{{}}{{}}",
                f"\t\t\t\treturn",
                f"\t\t\t}}",
                f"\t\t\t_ = n",
                f"\t\t}}",
                f"\t}}",
                f"}}",
                ""]

    def interfaces(u):
        i, f = u.name("pascal"), u.name("camel")
        return [f"type {i} interface {{",
                f"\tLoad(key string) ([]byte, error)",
                f"\tStore(key string, value []byte) error",
                f"}}",
                "",
                f"func {f}(store {i}, keys []string) map[string]int {{",
                f"\tsizes := make(map[string]int, len(keys))",
                f"\tfor _, key := range keys {{",
                f"\t\tif data, err := store.Load(key); err == nil {{",
                f"\t\t\tsizes[key] = len(data)",
                f"\t\t}}",
                f"\t}}",
                f"\tsort.Strings(keys)",
                f"\treturn sizes",
                f"}}",
                ""]

    def closures(u):
        f = u.name("camel")
        return [f"func {f}(base int) func(int) int {{",
                f"\tcount := 0",
                f"\tswitch {{",
                f"\tcase base > {u.num()}:",
                f"\t\tbase /= 2",
                f"\tcase base < 0:",
                f"\t\tbase = -base",
                f"\tdefault:",
                f"\t}}",
                f"\treturn func(x int) int {{",
                f"\t\tcount++",
                f"\t\treturn base*x + count",
                f"\t}}",
                f"}}",
                ""]

    return [structs, loops, channels, interfaces, closures]


def go_footer(rng):
    return ["var _ = fmt.Sprint"]


# ---------------------------------------------------------------- Rust

def rust_header(rng):
    return ["//! Generated for Gloss benchmarks: ordinary Rust.", "use std::collections::HashMap;",
            "use std::fmt;", ""]


def rust_units():
    def structs(u):
        s = u.name("pascal")
        a = u.word()
        return [f"#[derive(Debug, Clone, PartialEq)]",
                f"pub struct {s} {{",
                f"    pub id: u32,",
                f"    {a}: String,",
                f"    tags: Vec<String>,",
                f"}}",
                "",
                f"impl {s} {{",
                f"    pub fn new(id: u32, {a}: &str) -> Self {{",
                f"        Self {{ id, {a}: {a}.to_string(), tags: vec![] }}",
                f"    }}",
                "",
                f"    pub fn weight(&self) -> f64 {{",
                f"        f64::from(self.id) * {u.num()}.0 / 100.0",
                f"    }}",
                f"}}",
                "",
                f"impl fmt::Display for {s} {{",
                f"    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{",
                f"        write!(f, \"{{}} ({u.phrase()})\", self.{a})",
                f"    }}",
                f"}}",
                ""]

    def iterators(u):
        f = u.name()
        return [f"pub fn {f}(items: &[i64], limit: i64) -> Option<i64> {{",
                f"    let total: i64 = items",
                f"        .iter()",
                f"        .filter(|&&x| x % {u.num(2, 9)} == 0)",
                f"        .map(|x| x * x)",
                f"        .sum();",
                f"    if total > limit {{",
                f"        None",
                f"    }} else {{",
                f"        Some(total)",
                f"    }}",
                f"}}",
                ""]

    def enums(u):
        e, f = u.name("pascal"), u.name()
        return [f"pub enum {e} {{",
                f"    Add(i64),",
                f"    Scale {{ factor: i64 }},",
                f"    Reset,",
                f"}}",
                "",
                f"pub fn {f}(command: &{e}, value: i64) -> i64 {{",
                f"    match command {{",
                f"        {e}::Add(n) if *n > {u.num()} => value + n,",
                f"        {e}::Add(n) => value - n,",
                f"        {e}::Scale {{ factor }} => value * factor,",
                f"        {e}::Reset => 0,",
                f"    }}",
                f"}}",
                ""]

    def errors(u):
        f = u.name()
        return [f"pub fn {f}(text: &str) -> Result<HashMap<String, usize>, std::num::ParseIntError> {{",
                f"    let mut counts = HashMap::new();",
                f"    for (index, word) in text.split_whitespace().enumerate() {{",
                f"        let n: usize = word.parse()?;",
                f"        *counts.entry(word.to_owned()).or_insert(0) += n + index;",
                f"    }}",
                f"    let mut i = 0;",
                f"    while i < {u.num(2, 20)} {{",
                f"        i += 1;",
                f"    }}",
                f"    Ok(counts)",
                f"}}",
                ""]

    def traits(u):
        t, f = u.name("pascal"), u.name()
        return [f"pub trait {t} {{",
                f"    fn load(&self, key: &str) -> Option<Vec<u8>>;",
                f"    fn size(&self, key: &str) -> usize {{",
                f"        self.load(key).map_or(0, |data| data.len())",
                f"    }}",
                f"}}",
                "",
                f"pub fn {f}<'a, S: {t}>(store: &S, keys: &'a [&'a str]) -> Vec<(&'a str, usize)> {{",
                f"    let sizes: Vec<_> = keys.iter().map(|k| (*k, store.size(k))).collect();",
                f"    let closure = move |x: usize| x + {u.num()};",
                f"    let _ = closure(1);",
                f"    sizes",
                f"}}",
                ""]

    return [structs, iterators, enums, errors, traits]


def rust_footer(rng):
    return ["pub fn main() {", "    println!(\"generated\");", "}"]


# ---------------------------------------------------------------- Java

def java_header(rng):
    return ["// Generated for Gloss benchmarks: ordinary Java.", "package bench.generated;", "",
            "import java.util.ArrayList;", "import java.util.HashMap;", "import java.util.List;",
            "import java.util.Map;", "import java.util.stream.Collectors;", "",
            "public class Generated {", ""]


def java_units():
    def streams(u):
        f = u.name("camel")
        return [f"    public static List<Integer> {f}(List<Integer> items, int limit) {{",
                f"        return items.stream()",
                f"            .filter(x -> x % {u.num(2, 9)} == 0)",
                f"            .map(x -> x * x)",
                f"            .filter(x -> x < limit)",
                f"            .collect(Collectors.toList());",
                f"    }}",
                ""]

    def klass(u):
        c = u.name("pascal")
        a = u.word()
        return [f"    static final class {c} implements Comparable<{c}> {{",
                f"        private final String {a};",
                f"        private int count = {u.num()};",
                "",
                f"        {c}(String {a}) {{",
                f"            this.{a} = {a};",
                f"        }}",
                "",
                f"        @Override",
                f"        public int compareTo({c} other) {{",
                f"            return Integer.compare(count, other.count);",
                f"        }}",
                "",
                f"        @Override",
                f"        public String toString() {{",
                f"            return \"{u.phrase()} \" + {a} + count;",
                f"        }}",
                f"    }}",
                ""]

    def loops(u):
        f = u.name("camel")
        return [f"    static int {f}(int[] values, int limit) {{",
                f"        int total = 0;",
                f"        for (int i = 0; i < values.length; i++) {{",
                f"            if (values[i] < 0) {{",
                f"                continue;",
                f"            }} else if (values[i] % {u.num(2, 9)} == 0) {{",
                f"                total += values[i];",
                f"            }}",
                f"        }}",
                f"        for (var value : values) {{",
                f"            total ^= value;",
                f"        }}",
                f"        while (total > limit) {{",
                f"            total >>= 1;",
                f"        }}",
                f"        return total > 0 ? total : -total;",
                f"    }}",
                ""]

    def errors(u):
        f = u.name("camel")
        return [f"    static Map<String, Integer> {f}(List<String> lines) {{",
                f"        Map<String, Integer> counts = new HashMap<>();",
                f"        for (String line : lines) {{",
                f"            try {{",
                f"                counts.merge(line.trim(), Integer.parseInt(line.trim()), Integer::sum);",
                f"            }} catch (NumberFormatException error) {{",
                f"                counts.put(line, -1);",
                f"            }} finally {{",
                f"                counts.remove(\"\");",
                f"            }}",
                f"        }}",
                f"        return counts;",
                f"    }}",
                ""]

    def switching(u):
        f, r = u.name("camel"), u.name("pascal")
        return [f"    record {r}(String name, int size) {{}}",
                "",
                f"    static int {f}(String command, int value) {{",
                f"        return switch (command) {{",
                f"            case \"add\" -> value + {u.num()};",
                f"            case \"scale\" -> {{",
                f"                int factor = value > 10 ? 2 : 1;",
                f"                yield value * factor;",
                f"            }}",
                f"            default -> throw new IllegalArgumentException(command);",
                f"        }};",
                f"    }}",
                ""]

    def generics(u):
        f = u.name("camel")
        return [f"    static <T extends Comparable<T>> List<T> {f}(List<T> items) {{",
                f"        List<T> result = new ArrayList<>(items);",
                f"        result.sort((a, b) -> b.compareTo(a));",
                f"        Runnable log = () -> System.out.println(result.size());",
                f"        log.run();",
                f"        return result;",
                f"    }}",
                ""]

    return [streams, klass, loops, errors, switching, generics]


def java_footer(rng):
    return ["    public static void main(String[] args) {", "        System.out.println(\"generated\");",
            "    }", "}"]


# ---------------------------------------------------------------- Bash

def bash_header(rng):
    return ["#!/usr/bin/env bash", "# Generated for Gloss benchmarks: ordinary Bash.", "set -euo pipefail", ""]


def bash_units():
    def functions(u):
        f = u.name()
        return [f"{f}() {{",
                f"  local name=\"${{1:-{u.word()}}}\"",
                f"  local -a items=(\"$@\")",
                f"  if [[ -z \"$name\" || ${{#items[@]}} -eq 0 ]]; then",
                f"    echo \"nothing to do\" >&2",
                f"    return 1",
                f"  elif [[ \"$name\" == *.txt ]]; then",
                f"    name=\"${{name%.txt}}\"",
                f"  fi",
                f"  for item in \"${{items[@]}}\"; do",
                f"    printf '%s: %s\\n' \"$name\" \"$item\"",
                f"  done",
                f"}}",
                ""]

    def loops(u):
        f = u.name()
        return [f"function {f} {{",
                f"  local total=0 count",
                f"  while IFS= read -r line; do",
                f"    [[ -n \"$line\" ]] || continue",
                f"    count=$(wc -c <<<\"$line\")",
                f"    total=$((total + count * {u.num(2, 9)}))",
                f"  done < \"${{1:-/dev/stdin}}\"",
                f"  for ((i = 0; i < {u.num(2, 20)}; i++)); do",
                f"    (( total > {u.num()} )) && break",
                f"  done",
                f"  echo \"$total\"",
                f"}}",
                ""]

    def cases(u):
        f = u.name()
        return [f"{f}() {{",
                f"  case \"$1\" in",
                f"    start|run)",
                f"      echo \"starting {u.phrase()}\"",
                f"      ;;",
                f"    stop)",
                f"      kill \"$(cat /tmp/{u.word()}.pid)\" 2>/dev/null || true",
                f"      ;;",
                f"    *)",
                f"      echo \"usage: $0 start|stop\" >&2",
                f"      exit 2",
                f"      ;;",
                f"  esac",
                f"}}",
                ""]

    def pipelines(u):
        f = u.name()
        return [f"{f}() {{",
                f"  local dir=\"${{1:?directory}}\"",
                f"  find \"$dir\" -name '*.{u.word()}' -type f -print0 |",
                f"    xargs -0 grep -l \"{u.word()}\" |",
                f"    sort -u > \"$dir/index.txt\"",
                f"  cat <<EOF",
                f"Indexed $(wc -l < \"$dir/index.txt\") files in $dir",
                f"EOF",
                f"  declare -A seen=()",
                f"  seen[\"$dir\"]=1",
                f"  echo \"${{!seen[@]}}\"",
                f"}}",
                ""]

    def tests(u):
        v = u.name().upper()
        return [f"{v}=\"${{{v}:-{u.num()}}}\"",
                f"if [ \"${v}\" -gt {u.num()} ] && command -v git >/dev/null 2>&1; then",
                f"  readonly {v}",
                f"else",
                f"  export {v}",
                f"fi",
                f"trap 'echo \"cleanup {u.word()}\"' EXIT",
                ""]

    return [functions, loops, cases, pipelines, tests]


def bash_footer(rng):
    return ["echo \"generated\""]


# ---------------------------------------------------------------- the table

# name: (extension, LSP languageId, line comment, header, units, footer, error line)
LANGUAGES = {
    "python": ("py", "python", "#", py_header, py_units, py_footer, "broken = (1, 2,"),
    "javascript": ("js", "javascript", "//", js_header, lambda: js_units(False), js_footer,
                   "const broken = { first: (1,"),
    "typescript": ("ts", "typescript", "//", ts_header, lambda: js_units(True), js_footer,
                   "const broken: number[] = [1, (2,"),
    "c": ("c", "c", "//", c_header, c_units, c_footer, "static int broken[] = { 1, (2,"),
    "cpp": ("cpp", "cpp", "//", cpp_header, cpp_units, cpp_footer, "static int broken[] = { 1, (2,"),
    "go": ("go", "go", "//", go_header, go_units, go_footer, "var broken = []int{1, (2,"),
    "rust": ("rs", "rust", "//", rust_header, rust_units, rust_footer, "static BROKEN: [i32; 2] = [1, (2,"),
    "java": ("java", "java", "//", java_header, java_units, java_footer, "    static int[] broken = { 1, (2,"),
    "bash": ("sh", "shellscript", "#", bash_header, bash_units, bash_footer, "broken() { ("),
}


def generate(language, lines, seed):
    """Exactly `lines` lines of `language`, as a string ending in a newline."""
    _, _, comment, header, units, footer, _ = LANGUAGES[language]
    rng = random.Random(f"{seed}:{language}:{lines}")
    head, tail, makers = header(rng), footer(rng), units()
    body = []
    n = 0
    while True:
        unit = rng.choice(makers)(Unit(rng, n))
        if len(head) + len(body) + len(unit) + len(tail) > lines:
            break
        body += unit
        n += 1
    while len(head) + len(body) + len(tail) < lines:  # pad to the exact count
        body.append(f"{comment} padding line {len(body)} ({rng.choice(PHRASES)})")
    return "\n".join(head + body + tail) + "\n"


def with_syntax_error(language, text):
    """`text` with an unclosed bracket a few lines from the top."""
    error_line = LANGUAGES[language][6]
    lines = text.split("\n")
    at = len(LANGUAGES[language][3](random.Random(0)))  # just after the header
    lines.insert(at, error_line)
    blank = lines.index("", at + 1)  # keep the line count: drop the next blank line
    del lines[blank]
    return "\n".join(lines)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as existing:
            if existing.read() == text:
                return
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", default=os.path.join(here, "inputs"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--many", type=int, default=50, help="documents of --many-lines lines, mixed languages")
    parser.add_argument("--many-lines", type=int, default=2000)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    manifest = {"seed": args.seed, "languages": {}, "many": []}
    for language, (ext, language_id, *_rest) in LANGUAGES.items():
        entry = {"language_id": language_id, "extension": ext, "sizes": {}}
        for lines in sizes:
            path = os.path.join(args.output, language, f"{lines}.{ext}")
            write(path, generate(language, lines, args.seed))
            entry["sizes"][str(lines)] = os.path.relpath(path, args.output)
        error_lines = 10000 if 10000 in sizes else sizes[0]
        path = os.path.join(args.output, language, f"error_{error_lines}.{ext}")
        write(path, with_syntax_error(language, generate(language, error_lines, args.seed)))
        entry["error"] = os.path.relpath(path, args.output)
        manifest["languages"][language] = entry
    names = list(LANGUAGES)
    for i in range(args.many):
        language = names[i % len(names)]
        ext, language_id = LANGUAGES[language][0], LANGUAGES[language][1]
        path = os.path.join(args.output, "many", f"doc_{i:02d}.{ext}")
        write(path, generate(language, args.many_lines, args.seed + 1000 + i))
        manifest["many"].append({"path": os.path.relpath(path, args.output), "language_id": language_id})
    write(os.path.join(args.output, "manifest.json"), json.dumps(manifest, indent=2) + "\n")
    print(f"generate_inputs: {args.output} ({len(LANGUAGES)} languages, sizes {sizes}, "
          f"{args.many} × {args.many_lines}-line documents)")


if __name__ == "__main__":
    sys.exit(main())
