/**
 * Declares a mutation field the one way every mutation is declared: a permission from the domain's
 * role table, one `input` argument, and `runMutation` with the business function, whose payload
 * carries the changed objects and `userErrors`.
 */
import type { ObjectRef } from '@pothos/core';
import type { Permission } from '@switchyard/domain';
import type { z } from 'zod';
import { builder } from '../builder.js';
import type { SchemaTypes } from '../builder.js';
import type { MutationDefinition, PayloadShape } from '../services/mutation/run-mutation.js';
import { runMutation } from '../services/mutation/run-mutation.js';

type PayloadRef = ObjectRef<PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>, unknown>;
type InputRef = ReturnType<typeof builder.inputType>;

export interface MutationFieldOptions<S extends z.ZodType, P extends PayloadShape<P>> {
  payload: PayloadRef;
  definition: MutationDefinition<S, P>;
  input: InputRef;
  description: string;
  /** From `MUTATION_PERMISSIONS` in packages/domain: the only place that says who may do what. */
  permission: Permission;
}

export function defineMutationField<S extends z.ZodType, P extends PayloadShape<P>>(
  name: string,
  { payload, definition, input, description, permission }: MutationFieldOptions<S, P>,
): void {
  builder.mutationField(name, (t) =>
    t.field({
      type: payload,
      description,
      authScopes: { permission },
      args: { input: t.arg({ type: input, required: true }) },
      // The payload type is built from the same definition; Pothos cannot relate the two generically.
      resolve: (_root, args, context) => runMutation(context, definition, args.input) as never,
    }),
  );
}
