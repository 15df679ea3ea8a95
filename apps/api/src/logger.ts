/** A minimal leveled logger writing to stderr (LOG_LEVEL); enough until we need structured logs. */
import type { LogLevel } from './env.js';

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(level: LogLevel): Logger {
  const write = (messageLevel: Exclude<LogLevel, 'silent'>) => (message: string, detail?: unknown) => {
    if (ORDER[messageLevel] < ORDER[level]) return;
    const line = `${new Date().toISOString()} ${messageLevel.toUpperCase()} ${message}`;
    if (detail === undefined) console.error(line);
    else console.error(line, detail);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
