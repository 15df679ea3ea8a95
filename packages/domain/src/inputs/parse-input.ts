/**
 * `parseInput`: validates a mutation input with its schema and returns the refusals as `UserError`s
 * (`VALIDATION_FAILED`, a sentence naming the field, and the field's path), the shape the API puts in
 * `userErrors` and the admin app maps back onto form fields. Nothing throws.
 */
import type { z } from 'zod';

import type { UserError } from '../errors.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(value, { error: describeIssue });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map(toUserError) };
}

function toUserError(issue: z.core.$ZodIssue): UserError {
  const field = issue.path.map(String);
  return field.length > 0
    ? { code: 'VALIDATION_FAILED', message: issue.message, field }
    : { code: 'VALIDATION_FAILED', message: issue.message };
}

/** `primaryDomain` → "Primary domain"; `term_end` → "Term end"; list positions name their list. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const name = [...path]
    .reverse()
    .find((segment): segment is string => typeof segment === 'string');
  if (!name) return 'The input';
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/\bid(s?)\b/g, 'ID$1');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  date: 'a date',
};

/** `A, B or C` */
function listValues(values: readonly unknown[]): string {
  const words = values.map((value) => String(value));
  const last = words.pop();
  return words.length > 0 ? `${words.join(', ')} or ${last}` : (last ?? '');
}

/**
 * Plain-language fallbacks for zod's issues. A schema's own message (set where a rule deserves
 * its own words, e.g. quantity) wins over these.
 */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const label = fieldLabel(issue.path ?? []);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return `${label} is required.`;
      return `${label} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}.`;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return minimum <= 1
          ? `${label} cannot be empty.`
          : `${label} must be at least ${minimum} characters.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return minimum <= 1
          ? `${label} must list at least one item.`
          : `${label} must list at least ${minimum} items.`;
      }
      return `${label} must be at least ${minimum}.`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `${label} must be at most ${maximum} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `${label} must list at most ${maximum} items.`;
      return `${label} must be at most ${maximum}.`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `${label} must be ${listValues(issue.values)}.`
        : `${label} must be one of ${listValues(issue.values)}.`;
    case 'invalid_format':
      return `${label} is not a valid ${issue.format.replace(/_/g, ' ')}.`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      return `${label} is not valid.`;
    default:
      return undefined;
  }
}
