/**
 * Every public mutation's input schema in one table, so the API can parse generically and a test
 * can prove that no mutation lacks a schema (the `satisfies` below fails the build if one does).
 */
import type { z } from 'zod';

import type { MutationName } from '../mutations.js';
import {
  apiKeyCreateInputSchema,
  apiKeyRevokeInputSchema,
  userInviteInputSchema,
  userUpdateInputSchema,
} from './access-inputs.js';
import { customerCreateInputSchema, customerUpdateInputSchema } from './customer-inputs.js';
import {
  indirectLinkAcceptInputSchema,
  indirectLinkInviteInputSchema,
  indirectLinkUpdateInputSchema,
} from './indirect-link-inputs.js';
import {
  relationshipRequestAcceptInputSchema,
  relationshipRequestCreateInputSchema,
  relationshipRequestDeclineInputSchema,
  relationshipRequestRevokeInputSchema,
  relationshipTerminateInputSchema,
} from './relationship-inputs.js';
import {
  subscriptionCancelInputSchema,
  subscriptionCreateInputSchema,
  subscriptionManageInputSchema,
  subscriptionReactivateInputSchema,
  subscriptionRegisterExternalInputSchema,
  subscriptionServiceCancelInputSchema,
  subscriptionSuspendInputSchema,
  subscriptionUpdateInputSchema,
} from './subscription-inputs.js';
import {
  transferAcceptInputSchema,
  transferCancelInputSchema,
  transferCreateInputSchema,
  transferRejectInputSchema,
} from './transfer-inputs.js';

export const MUTATION_INPUT_SCHEMAS = {
  customerCreate: customerCreateInputSchema,
  customerUpdate: customerUpdateInputSchema,
  relationshipRequestCreate: relationshipRequestCreateInputSchema,
  relationshipRequestAccept: relationshipRequestAcceptInputSchema,
  relationshipRequestDecline: relationshipRequestDeclineInputSchema,
  relationshipRequestRevoke: relationshipRequestRevokeInputSchema,
  relationshipTerminate: relationshipTerminateInputSchema,
  subscriptionCreate: subscriptionCreateInputSchema,
  subscriptionRegisterExternal: subscriptionRegisterExternalInputSchema,
  subscriptionManage: subscriptionManageInputSchema,
  subscriptionUpdate: subscriptionUpdateInputSchema,
  subscriptionSuspend: subscriptionSuspendInputSchema,
  subscriptionReactivate: subscriptionReactivateInputSchema,
  subscriptionCancel: subscriptionCancelInputSchema,
  subscriptionServiceCancel: subscriptionServiceCancelInputSchema,
  transferCreate: transferCreateInputSchema,
  transferAccept: transferAcceptInputSchema,
  transferReject: transferRejectInputSchema,
  transferCancel: transferCancelInputSchema,
  indirectLinkInvite: indirectLinkInviteInputSchema,
  indirectLinkAccept: indirectLinkAcceptInputSchema,
  indirectLinkUpdate: indirectLinkUpdateInputSchema,
  apiKeyCreate: apiKeyCreateInputSchema,
  apiKeyRevoke: apiKeyRevokeInputSchema,
  userInvite: userInviteInputSchema,
  userUpdate: userUpdateInputSchema,
} as const satisfies Record<MutationName, z.ZodType>;

/** The parsed input of a mutation, by name: `MutationInput<'transferCreate'>`. */
export type MutationInput<M extends MutationName> = z.output<(typeof MUTATION_INPUT_SCHEMAS)[M]>;
