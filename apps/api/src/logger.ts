/**
 * Structured logs: pino, one JSON object per line on stderr, at LOG_LEVEL. Every line written
 * while a request or a job is being handled carries its `requestId` (and `partnerId` once known)
 * or its `job` and `jobId`, however deep in the call stack it is written: the ids live in an
 * AsyncLocalStorage (`runWithLogContext`) that pino reads for each line, so services log with the
 * plain logger and need no logger threaded through them.
 *
 * Lines are written synchronously: a process that crashes or is killed loses none it logged.
 *
 * Secrets never reach a line: credentials, cookies, passwords, tokens and webhook secrets are
 * redacted wherever they appear in a logged object (three levels deep). `LOG_FORMAT=pretty` (the
 * default on a terminal) prints the same lines as `time LEVEL message {fields}` for a human.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino } from 'pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import type { LogFormat, LogLevel } from './env.js';

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** What identifies the work in progress; added to every line logged inside it. */
export interface LogContext {
  requestId?: string;
  partnerId?: string;
  job?: string;
  jobId?: string;
}

const logContext = new AsyncLocalStorage<LogContext>();

/** Runs `run` with `context` on every line it logs (and everything it awaits logs). */
export function runWithLogContext<T>(context: LogContext, run: () => T): T {
  return logContext.run(context, run);
}

/** Adds to the current context — e.g. the partner, once the request is authenticated. */
export function addToLogContext(fields: LogContext): void {
  const current = logContext.getStore();
  if (current) Object.assign(current, fields);
}

export function currentLogContext(): LogContext | undefined {
  return logContext.getStore();
}

const SECRET_KEYS = ['password', 'secret', 'token', 'authorization', 'cookie', 'apiKey', 'idempotencyKey'];
const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerOptions {
  format?: LogFormat;
  /** Where lines go (default stderr); tests pass a collecting stream. */
  destination?: DestinationStream;
}

export function createLogger(level: LogLevel, { format = 'json', destination }: LoggerOptions = {}): Logger {
  const stream = format === 'pretty' ? prettyStream(destination ?? process.stderr) : (destination ?? pino.destination({ dest: 2, sync: true }));
  const base = pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ ...logContext.getStore() }),
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    stream,
  );
  return wrap(base);
}

function wrap(logger: PinoLogger): Logger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, detail?: unknown) => {
    if (detail === undefined) logger[level](message);
    else if (detail instanceof Error) logger[level]({ err: detail }, message);
    else if (isPlainObject(detail)) logger[level](detail, message);
    else logger[level]({ detail }, message);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

const PRETTY_HIDDEN = new Set(['time', 'level', 'msg', 'pid', 'err']);

/**
 * `2026-01-01T10:00:00.000Z INFO  request {"requestId":"…","status":200}`: the same fields, for a
 * terminal; an error's stack follows on its own lines.
 */
function prettyStream(output: { write(text: string): unknown }): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const fields = Object.fromEntries(Object.entries(entry).filter(([key]) => !PRETTY_HIDDEN.has(key)));
      const rest = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
      const stack = (entry.err as { stack?: unknown } | undefined)?.stack;
      const trace = typeof stack === 'string' ? `\n  ${stack.split('\n').join('\n  ')}` : '';
      output.write(`${String(entry.time)} ${String(entry.level).toUpperCase().padEnd(5)} ${String(entry.msg)}${rest}${trace}\n`);
    },
  };
}
