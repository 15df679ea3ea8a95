/**
 * `UserError`: how every mutation reports a refusal (domain.md §9, Shopify style). `code` is one of
 * the domain's ERROR_CODES — the same constants packages/domain exports — so integrators switch on
 * it; `field` is the path of the input it is about, e.g. `["input", "quantity"]`.
 */
import { ERROR_CODES } from '@switchyard/domain';
import type { UserError } from '@switchyard/domain';
import { builder } from '../builder.js';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'Why a request was refused. New codes may be added: treat an unknown code as a generic refusal.',
  values: ERROR_CODES,
});

export const UserErrorType = builder.objectRef<UserError>('UserError').implement({
  description: 'A refusal, as data: a stable code to switch on, a message for people, and the input field it concerns.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, description: 'Stable machine-readable reason.', resolve: (error) => error.code }),
    message: t.exposeString('message', { description: "A sentence for a partner's staff; wording may change." }),
    field: t.stringList({
      nullable: true,
      description: 'Path of the input field the error is about (e.g. ["input", "quantity"]); null when it concerns the whole request.',
      resolve: (error) => error.field ?? null,
    }),
  }),
});
