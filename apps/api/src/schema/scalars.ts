/** Custom scalars. `DateTime`: an ISO-8601 instant with time zone, always serialised in UTC. */
import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.js';

export function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError('DateTime must be an ISO-8601 date and time with a time zone, e.g. 2026-01-31T09:00:00Z.', {
    extensions: { code: 'VALIDATION_FAILED' },
  });
}

builder.scalarType('DateTime', {
  description: 'An instant as an ISO-8601 string with a time zone, e.g. `2026-01-31T09:00:00.000Z`.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new Error(`Cannot serialise ${String(value)} as a DateTime`);
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string.', { extensions: { code: 'VALIDATION_FAILED' } });
    return parseDateTime(ast.value);
  },
});
