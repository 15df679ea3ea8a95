/** A logger whose JSON lines a test can read: `const { logger, lines } = collectingLogger();`. */
import { createLogger } from '../logger.js';
import type { LogLevel } from '../env.js';

export interface LoggedLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export function collectingLogger(level: LogLevel = 'debug') {
  const lines: LoggedLine[] = [];
  const text: string[] = [];
  const logger = createLogger(level, {
    destination: {
      write(line: string) {
        text.push(line);
        lines.push(JSON.parse(line) as LoggedLine);
      },
    },
  });
  return { logger, lines, text: () => text.join('') };
}
