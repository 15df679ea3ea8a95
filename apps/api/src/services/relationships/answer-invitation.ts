/**
 * Token-authorised operations of the public invitation page (domain.md §6): the customer's
 * administrator reads an invitation and accepts or declines it holding only the token from its URL,
 * no partner credentials. Both go through the context's `actForTokenHolder`: the token's hash finds
 * the requesting partner, and the work runs in that partner's request transaction — the accept and
 * decline mutations through `runMutation` like any other (input parsing, Idempotency-Key, savepoint,
 * one audit event, outbox events), with the customer's administrator as the audit actor.
 *
 * What comes back is the `InvitationView` (what the page shows), never the partner's objects: the
 * customer's administrator is not a partner and sees nothing else of theirs.
 */
import { INVITATION_TOKEN_MAX_LENGTH, parseInput } from '@switchyard/domain';
import type { UserError } from '@switchyard/domain';
import type { z } from 'zod';
import type { Context } from '../../context.js';
import { runMutation } from '../mutation/run-mutation.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { findInvitationPartnerId, invitationTokenHash, loadInvitation } from './invitation.js';
import type { InvitationView, RelationshipRequestRow } from './invitation.js';
import { unknownInvitation } from './lock-invitation.js';

export interface InvitationAnswer {
  /** The invitation as it stands after the answer (or the refusal); null for an unknown token. */
  invitation: InvitationView | null;
  userErrors: UserError[];
}

type InvitationAnswerDefinition<S extends z.ZodType<{ token: string }>> = MutationDefinition<
  S,
  { relationshipRequest: RelationshipRequestRow }
>;

export async function answerInvitation<S extends z.ZodType<{ token: string }>>(
  context: Context,
  definition: InvitationAnswerDefinition<S>,
  rawInput: unknown,
): Promise<InvitationAnswer> {
  const parsed = parseInput(definition.input, rawInput);
  if (!parsed.ok) return { invitation: null, userErrors: parsed.errors.map(inInput) };
  const tokenHash = invitationTokenHash(parsed.value.token);
  const answer = await context.actForTokenHolder(
    (db) => findInvitationPartnerId(db, tokenHash),
    async (holder) => {
      const payload = await runMutation(holder, definition, rawInput);
      return {
        invitation: (await loadInvitation(holder.db, tokenHash, holder.requestedAt)) ?? null,
        userErrors: payload.userErrors,
      };
    },
  );
  return answer ?? { invitation: null, userErrors: [inInput(unknownInvitation().toUserError())] };
}

/** The public `invitation(token)` query: what the page shows, or null for a token that matches nothing. */
export async function findInvitation(
  context: Context,
  token: string,
): Promise<InvitationView | null> {
  const trimmed = token.trim();
  if (trimmed === '' || trimmed.length > INVITATION_TOKEN_MAX_LENGTH) return null;
  const tokenHash = invitationTokenHash(trimmed);
  const invitation = await context.actForTokenHolder(
    (db) => findInvitationPartnerId(db, tokenHash),
    (holder) => loadInvitation(holder.db, tokenHash, holder.requestedAt),
  );
  return invitation ?? null;
}

/** `field` paths are relative to the mutation's arguments, as runMutation reports them. */
function inInput(error: UserError): UserError {
  return error.field && error.field[0] !== 'input'
    ? { ...error, field: ['input', ...error.field] }
    : error;
}
