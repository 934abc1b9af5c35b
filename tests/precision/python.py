"""logdigest: summarise web server access logs.

Reads one or more access-log files, parses each request line, aggregates
per-path statistics and prints a short report. Client regions can be looked
up concurrently with --regions.
"""
from __future__ import annotations

import argparse
import asyncio
import functools
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

LINE_PATTERN = re.compile(
    r'(?P<ip>\S+) \S+ \S+ \[(?P<when>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) [^"]*" '
    r"(?P<status>\d{3}) (?P<size>\d+|-)"
)
CACHE_LIMIT = 256
_parse_errors = 0


class LogFormatError(Exception):
# <- python/class-definition
#                   ^^^^^^^^^^^ python/class-definition
    """Raised for lines that cannot be parsed in strict mode."""
    #  ^^^^^^ !python/class-definition


@dataclass(frozen=True)
# <- python/dataclass
class Request:
    ip: str
    #   ^^^ python/type-hints
    method: str
    path: str
    status: int
    size: int = 0

    @property
    # <- python/property
    def is_error(self) -> bool:
    #   ^^^^^^^^ python/function-definition
    #                  ^^ python/type-hints
        return 500 <= self.status < 600
        #          ^^ python/chained-comparison
        # <- !python/function-definition


@dataclass
class PathStats:
    hits: int = 0
    bytes_sent: int = 0
    statuses: Counter = field(default_factory=Counter)
    #                   ^^^^^ !python/dataclass

    def add(self, request: Request) -> None:
        self.hits += 1
        # <- !python/class-definition
        self.bytes_sent += request.size
        self.statuses[request.status] += 1


class Stopwatch:
    """Measures the wall time of a block: `with Stopwatch("parse") as sw: ...`."""

    def __init__(self, label: str = "block"):
        self.label = label
        self.elapsed = 0.0

    def __enter__(self):
    #   ^^^^^^^^^ python/context-manager-protocol
        self._start = time.perf_counter()
        #    ^^^^^^ !python/context-manager-protocol
        return self

    def __exit__(self, exc_type, exc_value, traceback):
    #   ^^^^^^^^ python/context-manager-protocol
        self.elapsed = time.perf_counter() - self._start
        if exc_type is not None:
        #           ^^^^^^ python/is-operator
            print(f"{self.label} failed after {self.elapsed:.3f}s", file=sys.stderr)
            #     ^^ python/f-string
        return False


def memoize(func):
    """Cache results by positional arguments, evicting the oldest entry."""
    cache = {}
    hits = 0

    @functools.wraps(func)
    # <- python/decorator
    def wrapper(*args):
    #           ^^^^^ python/args-kwargs
        nonlocal hits
        # <- python/global-nonlocal
        if args in cache:
        #       ^^ python/in-operator
            hits += 1
            return cache[args]
        cache[args] = result = func(*args)
        if len(cache) > CACHE_LIMIT:
            del cache[next(iter(cache))]
            # <- python/del
        return result

    wrapper.stats = lambda: {"hits": hits, "size": len(cache)}
    #               ^^^^^^ python/lambda
    return wrapper


def parse_line(line: str, *, strict: bool = False) -> Request | None:
#                         ^ python/keyword-only-parameters
#                            ^^^^^^ python/default-parameter
#                                    ^^^^ python/type-hints
    global _parse_errors
    # <- python/global-nonlocal
    found = LINE_PATTERN.match(line)
    if found is None:
    #        ^^ python/is-operator
        _parse_errors += 1
        if strict:
            raise LogFormatError(f"unparseable line: {line[:40]!r}")
            # <- python/raise
            #                                              ^^^ python/slicing
        return None
    ip, method, path = found["ip"], found["method"], found["path"]
    # <- python/unpacking-assignment
    #                  ^^^^^ !python/unpacking-assignment
    size = 0 if found["size"] == "-" else int(found["size"])
    #        ^^ python/conditional-expression
    #                                ^^^^ python/conditional-expression
    try:
    # <- python/try-except
        status = int(found["status"])
    except ValueError as err:
    # <- python/try-except
        raise LogFormatError(f"bad status in {line!r}") from err
        #                                               ^^^^^^^^ python/raise-from
    assert 100 <= status <= 599, status
    # <- python/assert
    #          ^^ python/chained-comparison
    return Request(ip, method, path.split("?", 1)[0], status, size)


def read_requests(*paths: Path, encoding="utf-8", **open_options) -> Iterator[Request]:
#                 ^^^^^^ python/args-kwargs
#                                                 ^^^^^^^^^^^^^^ python/args-kwargs
#                               ^^^^^^^^ python/default-parameter
    for path in paths:
        with open(path, encoding=encoding, **open_options) as handle:
        # <- python/with-statement
            for line in handle:
                if (request := parse_line(line)) is not None:
                #           ^^ python/walrus-operator
                    yield request
                    # <- python/yield


@memoize
def classify(request: Request) -> str:
    match request:
    # <- python/match-statement
        case Request(status=status) if status >= 500:
        #    ^^^^^^^^^^^^^^^^^^^^^^ python/match-patterns
        #                           ^^^^^^^^^^^^^^^^ python/case-guard
            return "server-error"
            # <- !python/match-statement
        case Request(status=404 | 410):
        #                       ^ python/match-patterns
            return "gone"
        case Request(method="GET" | "HEAD", path=path) if path.startswith("/static/"):
            return "asset"
        case _:
            return "page"


def first_server_error(requests: list[Request]) -> Request | None:
    for request in requests:
    # <- python/for-else
        if request.is_error:
        #  ^^^^^^^ !python/for-else
            break
    else:
    # <- python/for-else
        return None
    return request


def summarise(requests: Iterable[Request], top: int = 5) -> dict:
    per_path: dict[str, PathStats] = {}
    clients = set()
    kinds = Counter()
    for request in requests:
        per_path.setdefault(request.path, PathStats()).add(request)
        clients.add(request.ip)
        kinds[classify(request)] += 1
    ranked = sorted(per_path.items(), key=lambda item: item[1].hits, reverse=True)
    #                                     ^^^^^^ python/lambda
    busiest, *rest = ranked or [(None, PathStats())]
    # <- python/unpacking-assignment
    #                       ^^ python/boolean-operators
    return {
        "busiest": busiest[0],
        "top": {path: stats.hits for path, stats in ranked[:top]},
        #      ^^^^^ python/dict-comprehension
        #                                                  ^^^^ python/slicing
        "others": len(rest[top - 1:]),
        "clients": len(clients),
        "error_paths": sorted({path for path, stats in ranked if any(c >= 500 for c in stats.statuses)}),
        #                     ^^^^^ python/set-comprehension
        #                                                                     ^^^^^^^^ python/generator-expression
        "kinds": dict(kinds),
        "total_bytes": sum(stats.bytes_sent for _, stats in ranked),
        #                                   ^^^ python/generator-expression
    }


async def resolve_region(ip: str, delay: float = 0.0) -> str:
# <- python/async-await
    await asyncio.sleep(delay)
    # <- python/async-await
    first_octet = int(ip.split(".")[0]) if ip[:1].isdigit() else 0
    return "internal" if first_octet == 10 else "external"


async def enrich(ips: list[str], limit: int = 8) -> dict[str, str]:
    semaphore = asyncio.Semaphore(limit)

    async def one(ip):
        async with semaphore:
        # <- python/with-statement
            return ip, await resolve_region(ip)

    pairs = await asyncio.gather(*(one(ip) for ip in ips))
    return dict(pairs)


def format_report(summary: dict, *, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(summary, indent=2, sort_keys=True)
    lines = [f"busiest path: {summary['busiest'] or '-'}"]
    lines += [f"  {hits:>6}  {path}" for path, hits in summary["top"].items()]
    #                                ^^^ python/list-comprehension
    if summary["others"] > 0 and summary["top"]:
    #                        ^^^ python/boolean-operators
        lines.append(f"  ... and {summary['others']} more paths")
    for kind, count in sorted(summary["kinds"].items()):
        lines.append(f"{kind:<14}{count}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # <- !python/function-definition
    parser.add_argument("logs", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--regions", action="store_true")
    options = parser.parse_args(argv)

    try:
    # <- python/try-except
        with Stopwatch("parse") as watch:
        #    ^^^^^^^^^ !python/try-except
            requests = list(read_requests(*options.logs))
    except OSError as err:
        print(f"logdigest: {err}", file=sys.stderr)
        return 2
    else:
    # <- python/try-except
        summary = summarise(requests, top=options.top)
    finally:
    # <- python/try-except
        print(f"{_parse_errors} unparseable lines", file=sys.stderr)

    if options.regions:
        summary["regions"] = asyncio.run(enrich(sorted({r.ip for r in requests})))
    if (failure := first_server_error(requests)) is not None:
        summary["first_error"] = failure.path
    summary["seconds"] = round(watch.elapsed, 3)
    print(format_report(summary, as_json=options.json))
    return 0


if __name__ == "__main__":
# <- python/if-name-main
#  ^^^^^^^^^^^^^^^^^^^^^^ python/if-name-main
    sys.exit(main())
    # <- !python/if-name-main
