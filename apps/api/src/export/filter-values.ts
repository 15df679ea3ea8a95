/**
 * Query-string values of the export filters, parsed the way the GraphQL list queries parse their
 * arguments: enum values as the API spells them, DateTime as the scalar accepts it, ids as global ids.
 */
import { z } from 'zod';
import { databaseIdOf } from '../schema/global-id.js';
import { parseDateTime } from '../schema/scalars.js';

/** An instant as the `DateTime` scalar accepts it. */
export const dateTimeValue = z.string().transform((value, context) => {
  try {
    return parseDateTime(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'Not a DateTime.' });
    return z.NEVER;
  }
});

/** The global id of a `typename` object, as the database id the filters compare with. */
export function globalIdValue(typename: string) {
  return z.string().transform((value, context) => {
    const id = databaseIdOf(value, typename);
    if (id) return id;
    context.addIssue({ code: 'custom', message: `Not a ${typename} id.` });
    return z.NEVER;
  });
}
