// http-client.js: a small JSON-over-HTTP client for the sync CLI.
// In-memory response cache with expiry, retries with exponential backoff,
// and batch fetching with a concurrency limit.
import { EventEmitter } from "node:events";
// <- javascript/import-declaration
import { readFile } from "node:fs/promises";

export const DEFAULT_OPTIONS = Object.freeze({
// <- javascript/export-declaration
//     ^ javascript/let-const
  baseUrl: "http://localhost:8080",
  retries: 3,
  backoffMs: 200,
  ttlMs: 60_000,
  concurrency: 4,
});

const RETRYABLE_STATUS = /^(?:408|429|5\d\d)$/;
//                          ^ javascript/regex-literal
const TOKEN_PATTERN = /\btok_[A-Za-z0-9]{8,}\b/g;

function redact(strings, ...values) {
  return strings.reduce((out, text, i) => {
    const value = values[i - 1];
    const shown = typeof value === "string" ? value.replace(TOKEN_PATTERN, "tok_***") : value;
//                ^ javascript/typeof
//                              ^ javascript/strict-equality
//                                          ^ javascript/ternary
//                                            ^ !javascript/ternary
    return out + shown + text;
  });
}

function createLogger(scope, sink = console) {
//                                ^ javascript/default-parameters
  let lines = 0;
  return (level, message) => {
//  ^ javascript/closure
    lines += 1;
//  ^ !javascript/closure
    const stamp = new Date().toISOString();
    sink[level === "error" ? "error" : "log"](`${stamp} [${scope}] #${lines} ${message}`);
  };
}

const log = createLogger("http");

export class HttpError extends Error {
//     ^ javascript/class-declaration
//               ^ javascript/class-declaration
//                     ^ javascript/class-extends
  constructor(status, url, body = "") {
//     ^ javascript/class-constructor
    super(`HTTP ${status} for ${url}`);
//  ^ javascript/super
    this.name = "HttpError";
    this.status = status;
//  ^ javascript/this-keyword
//                ^ !javascript/class-constructor
    this.url = url;
    this.body = body;
  }

  get retryable() {
//^ javascript/getter-setter
    return RETRYABLE_STATUS.test(String(this.status));
//         ^ !javascript/getter-setter
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
//           ^ javascript/promise-constructor
}

class ResponseCache {
  static #instances = 0;
//^ javascript/static-member
//        ^ javascript/class-private-field
  #entries = new Map();
  hits = 0;
//^ javascript/class-field
  misses = 0;

  constructor(ttlMs = DEFAULT_OPTIONS.ttlMs) {
    this.ttlMs = ttlMs;
    ResponseCache.#instances += 1;
  }

  static get instances() {
    return ResponseCache.#instances;
  }

  get size() {
    return this.#entries.size;
  }

  get(key) {
//^ javascript/class-method
    const entry = this.#entries.get(key);
    if (entry === undefined || Date.now() - entry.storedAt > this.ttlMs) {
//      ^ !javascript/class-method
      this.#entries.delete(key);
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    return entry.value;
  }

  set(key, value) {
    this.#entries.set(key, { value, storedAt: Date.now() });
//                           ^ javascript/object-shorthand
    return this;
  }

  *[Symbol.iterator]() {
//  ^ javascript/computed-property-name
    for (const [key, entry] of this.#entries) {
//                          ^ javascript/for-of
      yield [key, entry.value];
//                ^ !javascript/for-of
    }
  }
}

export class HttpClient extends EventEmitter {
  #cache;
  #token;

  constructor(options = {}) {
    super();
    Object.assign(this, DEFAULT_OPTIONS, options);
//         ^ javascript/object-assign
//  ^ !javascript/object-assign
    this.#cache = new ResponseCache(this.ttlMs);
    this.#token = options.token ?? process.env.SYNC_TOKEN;
    this.request = this.request.bind(this);
//                              ^ javascript/function-bind
  }

  buildHeaders(extra = {}) {
    const headers = { accept: "application/json" };
    if (this.#token) {
      headers.authorization = `Bearer ${this.#token}`;
    }
    for (const name in extra) {
//                  ^ javascript/for-in
      if (!Object.hasOwn(extra, name)) continue;
//                              ^ !javascript/for-in
      headers[name.toLowerCase()] = String(extra[name]);
    }
    return headers;
  }

  async request(path, { method = "GET", body, headers: extra } = {}) {
    const url = new URL(path, this.baseUrl).toString();
    const cacheKey = `${method} ${url}`;
    const cached = method === "GET" ? this.#cache.get(cacheKey) : undefined;
    if (cached !== undefined) return cached;

    let lastError = null;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      const started = Date.now();
      try {
//    ^ javascript/try-catch
        const response = await fetch(url, {
          method,
          headers: this.buildHeaders(extra),
//        ^ !javascript/object-shorthand
          body: body && JSON.stringify(body),
        });
        if (!response.ok) {
          throw new HttpError(response.status, url, await response.text());
        }
        const data = await response.json();
        if (method === "GET") this.#cache.set(cacheKey, data);
        this.emit("response", { url, status: response.status });
        return data;
      } catch (err) {
//             ^ javascript/try-catch
        lastError = err;
        const retry = err instanceof HttpError ? err.retryable : err?.name === "TypeError";
//                        ^ javascript/instanceof
        if (!retry) throw err;
//           ^ !javascript/try-catch
        const wait = this.backoffMs * 2 ** attempt;
//                                      ^ javascript/exponent
        log("warn", redact`retrying ${url} in ${wait} ms (token ${this.#token})`);
//                  ^ javascript/tagged-template
//                         ^ javascript/template-literal
        await delay(wait);
      } finally {
        this.emit("attempt", { url, attempt, ms: Date.now() - started });
      }
    }
    throw lastError;
  }

  async fetchAll(paths) {
    const results = [];
    for (let i = 0; i < paths.length; i += this.concurrency) {
      const chunk = paths.slice(i, i + this.concurrency);
      const settled = await Promise.allSettled(chunk.map((path) => this.request(path)));
//                                  ^ javascript/promise-combinators
      settled.forEach((outcome, j) => results.push({ path: chunk[j], ...outcome }));
    }

    const summary = { ok: [], failed: [], skipped: 0 };
    for (const { path, status, value, reason } of results) {
      switch (status) {
//    ^ javascript/switch-statement
        case "fulfilled":
          summary.ok.push({ path, value });
//        ^ !javascript/switch-statement
          break;
        case "rejected":
          summary.failed.push({ path, error: reason.message });
          break;
        default:
          summary.skipped += 1;
      }
    }
    return summary;
  }

  get cacheSize() {
    return this.#cache.size;
  }
}

async function loadColors(enabled) {
  if (!enabled) return null;
  try {
    const { default: chalk } = await import("chalk");
//                                   ^ javascript/dynamic-import
    return chalk;
  } catch {
    return null;
  }
}

async function readPathList(file) {
  const text = await readFile(file, "utf8");
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

function summarize({ ok, failed, skipped }, colors) {
  const paint = colors ?? { green: (s) => s, red: (s) => s };
  const parts = [paint.green(`${ok.length} ok`)];
  if (failed.length > 0) {
    parts.push(paint.red(`${failed.length} failed`));
  }
  parts.push(skipped ? `${skipped} skipped` : "none skipped");
  return parts.join(", ");
}

export async function main(argv = process.argv.slice(2)) {
  const [listFile, ...flags] = argv;
  const options = {};
  for (const flag of flags) {
    const [key, value] = flag.replace(/^--/, "").split("=");
    const numeric = Number(value);
    Object.assign(options, { [key]: Number.isNaN(numeric) ? value : numeric });
//                            ^ javascript/computed-property-name
  }
  options.concurrency ||= 2;
//                    ^ javascript/logical-assignment
  options.verbose &&= process.stdout.isTTY;
//                 ^ javascript/logical-assignment

  const client = new HttpClient(options);
//               ^ !javascript/promise-constructor
  if (options.verbose) {
    client.on("attempt", ({ url, attempt, ms }) => log("log", `${url} attempt ${attempt} took ${ms} ms`));
  }

  const [paths, colors] = await Promise.all([readPathList(listFile), loadColors(options.verbose === true)]);
//                              ^ javascript/promise-combinators
  const summary = await client.fetchAll(paths);
  console.log(summarize(summary, colors));
  return summary.failed.length === 0 ? 0 : 1;
}

export { ResponseCache, delay, redact };
export default HttpClient;
//     ^ javascript/export-declaration
