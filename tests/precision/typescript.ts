// A small in-process job queue with priorities, retries and timeouts.
import type { EventEmitter } from "node:events";
//     ^ typescript/import-type
import { env } from "node:process";
import { setTimeout as delay } from "node:timers/promises";

/** Replaced by the bundler at build time. */
declare const __QUEUE_VERSION__: string;
// <- typescript/ambient-declaration

export type Priority = "low" | "normal" | "high";
//          ^ typescript/type-alias
//                           ^ typescript/union-type

export enum JobState {
//     ^ typescript/enum
  Queued = "queued",
  Running = "running",
  Done = "done",
  Failed = "failed",
}

const enum Limits {
// <- typescript/const-enum
  MaxRetries = 5,
  DefaultTimeoutMs = 30_000,
}

export interface JobOptions {
//     ^ typescript/interface
  readonly id: string;
//^ typescript/readonly
  priority?: Priority;
  //      ^ typescript/optional-property
  retries?: number;
  timeoutMs?: number;
}

export interface Job<T = unknown> extends JobOptions {
//                  ^ typescript/generics
//                       ^ typescript/unknown
  run(signal: AbortSignal): Promise<T>;
  //        ^ typescript/type-annotation
}

export type JobResult<T> =
  | { ok: true; id: string; value: T }
  | { ok: false; id: string; error: Error };

export type ResultOf<J> = J extends Job<infer R> ? R : never;
//                          ^ typescript/conditional-type
//                                      ^ typescript/infer
//                                                     ^ typescript/never

interface QueueEvents {
  started: { id: string };
  finished: { id: string; durationMs: number };
  failed: { id: string; error: Error };
}

type EventKey = keyof QueueEvents;
//              ^ typescript/keyof
type Listener<E extends EventKey> = (payload: QueueEvents[E]) => void;
//              ^ typescript/generic-constraint
//                                                            ^ typescript/function-type
//                                            ^ typescript/indexed-access-type
type HandlerName = `on${Capitalize<EventKey>}`;
//                 ^ typescript/template-literal-type
type Stats = [queued: number, running: number, failed: number];
//           ^ typescript/tuple-type
type Snapshot = Readonly<Record<JobState, number>>;
//              ^ typescript/utility-partial
type Settable<T> = { -readonly [K in keyof T]?: T[K] };
//                   ^ typescript/mapped-type

const PRIORITY_WEIGHT = { low: 1, normal: 5, high: 10 } as const satisfies Record<Priority, number>;
//                                                         ^ typescript/as-const
//                                                               ^ typescript/satisfies
//                                                                         ^ typescript/utility-record

export namespace Defaults {
//     ^ typescript/namespace
  export const concurrency = Number(env["QUEUE_CONCURRENCY"] ?? 4);
  export const priority: Priority = "normal";
  export const version = __QUEUE_VERSION__;
}

export class TimeoutError extends Error {
  constructor(public readonly jobId: string, readonly afterMs: number) {
  //          ^ typescript/parameter-properties
    super(`job ${jobId} timed out after ${afterMs}ms`);
    //           ^ !typescript/parameter-properties
  }
}

export function isJob(value: unknown): value is Job {
//                                     ^ typescript/type-predicate
  return typeof value === "object" && value !== null && "run" in value;
  //                  ^ typescript/narrowing
  //                                                          ^ typescript/narrowing
}

function assertPositive(n: number, name: string): asserts n {
//                                                ^ typescript/assertion-function
  if (!(n > 0)) throw new RangeError(`${name} must be positive, got ${n}`);
}

function unreachable(state: never): never {
  throw new Error(`unexpected state: ${String(state)}`);
}

function traced<This, Args extends unknown[], R>(
  method: (this: This, ...args: Args) => R,
  context: ClassMethodDecoratorContext<This>,
): (this: This, ...args: Args) => R {
  return function (this: This, ...args: Args): R {
    if (env["QUEUE_TRACE"]) console.debug(`[queue] ${String(context.name)}`);
    return method.apply(this, args);
  };
}

abstract class BaseQueue<T> {
// <- typescript/abstract-class
  protected readonly listeners = new Map<EventKey, Set<Listener<any>>>();
//^ typescript/access-modifiers
  //                                                            ^ typescript/any
  //                                    ^ typescript/type-arguments
  protected running = 0;

  protected abstract next(): Job<T> | undefined;

  on<E extends EventKey>(event: E, listener: Listener<E>): () => void {
  //                                                     ^ typescript/return-type
    let set = this.listeners.get(event);
    //             ^ !typescript/type-arguments
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => set!.delete(listener);
    //              ^ typescript/non-null-assertion
  }

  protected emit<E extends EventKey>(event: E, payload: QueueEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}

export class JobQueue<T> extends BaseQueue<T> implements AsyncDisposable {
//                                            ^ typescript/implements
  private readonly pending: Job<T>[] = [];
  private readonly states: { [id: string]: JobState } = {};
  //                         ^ typescript/index-signature
  private drainTimer!: ReturnType<typeof setInterval>;
  //                ^ typescript/definite-assignment
  //                   ^ typescript/utility-returntype
  //                              ^ typescript/typeof-type
  #failures = 0;

  constructor(
    private readonly concurrency: number = Defaults.concurrency,
    private readonly emitter?: EventEmitter,
    //                      ^ typescript/optional-parameter
  ) {
    super();
    assertPositive(concurrency, "concurrency");
  }

  add(job: Job<T>): void;
//^ typescript/function-overloads
  add(jobs: Job<T>[]): void;
  add(input: Job<T> | Job<T>[]): void {
    const jobs = Array.isArray(input) ? input : [input];
    for (const job of jobs) {
      this.pending.push(job);
      this.states[job.id] = JobState.Queued;
    }
    this.pending.sort((a, b) => weight(b) - weight(a));
  }

  protected override next(): Job<T> | undefined {
  //        ^ typescript/override
    return this.pending.shift();
  }

  @traced
//^ typescript/decorator
  async runOnce(): Promise<JobResult<T> | undefined> {
    const job = this.next();
    if (job === undefined || this.running >= this.concurrency) return undefined;
    this.running++;
    const started = Date.now();
    this.states[job.id] = JobState.Running;
    this.emit("started", { id: job.id });
    try {
      const value = await withTimeout(job, job.timeoutMs ?? Limits.DefaultTimeoutMs);
      this.states[job.id] = JobState.Done;
      this.emit("finished", { id: job.id, durationMs: Date.now() - started });
      return { ok: true, id: job.id, value };
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      //                ^ typescript/narrowing
      this.#failures++;
      this.states[job.id] = JobState.Failed;
      //   ^ !typescript/index-signature
      this.emitter?.emit("error", error);
      this.emit("failed", { id: job.id, error });
      return { ok: false, id: job.id, error };
    } finally {
      this.running--;
    }
  }

  start(intervalMs = 50): void {
    this.drainTimer = setInterval(() => void this.runOnce(), intervalMs);
  }

  stats(): Stats {
    return [this.pending.length, this.running, this.#failures];
  }

  snapshot(): Snapshot {
    const counts = { queued: 0, running: 0, done: 0, failed: 0 } as Record<JobState, number>;
    //                                                           ^ typescript/as-assertion
    for (const state of Object.values(this.states)) counts[state] += 1;
    return counts;
  }

  describe(state: JobState): string {
    switch (state) {
      case JobState.Queued: return "waiting for a worker";
      case JobState.Running: return "in progress";
      case JobState.Done: return "finished";
      case JobState.Failed: return "failed";
      default: return unreachable(state);
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    clearInterval(this.drainTimer);
    while (this.running > 0) await delay(10);
    //          ^ !typescript/abstract-class
  }
}

function weight(job: Pick<JobOptions, "priority">): number {
//                   ^ typescript/utility-pick-omit
  return PRIORITY_WEIGHT[job.priority ?? Defaults.priority];
}

async function withTimeout<R>(job: Job<R>, ms: number): Promise<R> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError(job.id, ms)), ms);
  try {
    return await job.run(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

export function retrying<R>(job: Job<R>, attempts: number = job.retries ?? Limits.MaxRetries): Job<R> {
  return {
    ...job,
    async run(signal) {
      let last: unknown;
      for (let i = 0; i < attempts; i++) {
      //                  ^ !typescript/type-annotation
        try {
          return await job.run(signal);
        } catch (error) {
          last = error;
        }
      }
      throw last;
    },
  };
}

export function configure(options: Settable<JobOptions>, overrides?: Partial<Omit<JobOptions, "id">>): JobOptions {
  const merged = { ...options, ...overrides } as JobOptions;
  //    ^ !typescript/as-assertion
  if (typeof merged.id !== "string") throw new TypeError("id is required");
  return merged;
}

export const handlers: Partial<Record<HandlerName, (id: string) => void>> = {
  onFailed: (id) => console.warn(`job ${id} failed`),
};

export function parseJob(raw: string): Job | undefined {
  const parsed: unknown = JSON.parse(raw);
  return isJob(parsed) ? parsed : undefined;
}

export type QueueFactory = new (concurrency?: number) => JobQueue<unknown>;
export type RunResult = Awaited<ReturnType<JobQueue<string>["runOnce"]>>;
export type Ready = Exclude<JobState, JobState.Failed>;
//                  ^ typescript/utility-exclude-extract
