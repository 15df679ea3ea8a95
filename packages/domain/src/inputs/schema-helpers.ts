/** Building blocks for the input schemas. Internal: the package exports the schemas, not these. */
import { z } from 'zod';

/** An opaque id. The API decodes global ids before parsing, so at this layer it is just a string. */
export const idSchema = z.string().trim().min(1).max(255);

/**
 * An optional field. GraphQL clients send `null` for "not given" as often as they leave it out, so
 * both mean absent here and the parsed value is never `null`.
 */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

/** Trimmed text that must not be empty. */
export function requiredText(maxLength: number) {
  return z.string().trim().min(1).max(maxLength);
}

/** Trimmed text that may be left out; blank counts as left out. */
export function optionalText(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength)
    .nullish()
    .transform((value) => (value ? value : undefined));
}

/** A non-empty list of distinct ids. */
export function idListSchema(maxItems: number) {
  return z
    .array(idSchema)
    .min(1)
    .max(maxItems)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'The same id appears twice.' });
}
