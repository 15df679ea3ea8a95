/**
 * Builds a mutation's payload type: the objects it changed (null when it was refused) and its
 * `userErrors`. Every mutation returns one of these (domain.md §9), built by `runMutation`.
 */
import type { ObjectRef } from '@pothos/core';
import { builder } from '../builder.js';
import type { SchemaTypes } from '../builder.js';
import type { MutationPayload } from '../services/mutation/run-mutation.js';
import { UserErrorType } from './user-error.js';

type Ref = ObjectRef<PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>, unknown>;
type PayloadFieldRef = Ref | [Ref];

interface PayloadField {
  type: PayloadFieldRef;
  description: string;
}

export function mutationPayload(name: string, options: { description: string; fields: Record<string, PayloadField> }) {
  return builder.objectRef<MutationPayload<Record<string, never>>>(`${name}Payload`).implement({
    description: options.description,
    fields: (t) => {
      const fields = Object.fromEntries(
        Object.entries(options.fields).map(([fieldName, field]) => [
          fieldName,
          t.field({
            type: field.type,
            nullable: true,
            description: field.description,
            resolve: (payload) => (payload as Record<string, unknown>)[fieldName] ?? null,
          }),
        ]),
      );
      return {
        ...fields,
        userErrors: t.field({
          type: [UserErrorType],
          description: 'Empty when the mutation succeeded; otherwise why it was refused (and nothing was changed).',
          resolve: (payload) => payload.userErrors,
        }),
      };
    },
  });
}
