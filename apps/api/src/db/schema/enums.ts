/**
 * PostgreSQL enums, generated from the domain's constants so the database refuses any value the
 * domain does not know. Never type these values twice: add them in packages/domain.
 */
import {
  BILLING_CYCLES,
  BILLING_MODELS,
  CANCEL_SOURCE,
  CHANNELS,
  CLOUDS,
  INDIRECT_LINK_STATUSES,
  PARTNER_KINDS,
  RELATIONSHIP_REQUEST_STATUSES,
  RELATIONSHIP_STATUSES,
  RELATIONSHIP_TYPES,
  ROLES,
  SERVICE_STATUSES,
  SUBSCRIPTION_STATUSES,
  TERMS,
  TRANSFER_EFFECTIVE,
  TRANSFER_KINDS,
  TRANSFER_LINE_ITEM_STATUSES,
  TRANSFER_STATUSES,
} from '@switchyard/domain';
import { pgEnum } from 'drizzle-orm/pg-core';

export const cloudEnum = pgEnum('cloud', CLOUDS);
export const partnerKindEnum = pgEnum('partner_kind', PARTNER_KINDS);
export const indirectLinkStatusEnum = pgEnum('indirect_link_status', INDIRECT_LINK_STATUSES);
export const channelEnum = pgEnum('channel', CHANNELS);
export const billingModelEnum = pgEnum('billing_model', BILLING_MODELS);
export const termEnum = pgEnum('term', TERMS);
export const billingCycleEnum = pgEnum('billing_cycle', BILLING_CYCLES);
export const subscriptionStatusEnum = pgEnum('subscription_status', SUBSCRIPTION_STATUSES);
export const serviceStatusEnum = pgEnum('service_status', SERVICE_STATUSES);
export const relationshipRequestStatusEnum = pgEnum('relationship_request_status', RELATIONSHIP_REQUEST_STATUSES);
export const relationshipTypeEnum = pgEnum('relationship_type', RELATIONSHIP_TYPES);
export const relationshipStatusEnum = pgEnum('relationship_status', RELATIONSHIP_STATUSES);
export const transferKindEnum = pgEnum('transfer_kind', TRANSFER_KINDS);
export const transferStatusEnum = pgEnum('transfer_status', TRANSFER_STATUSES);
export const transferLineItemStatusEnum = pgEnum('transfer_line_item_status', TRANSFER_LINE_ITEM_STATUSES);
export const transferEffectiveEnum = pgEnum('transfer_effective', TRANSFER_EFFECTIVE);
export const cancelSourceEnum = pgEnum('cancel_source', CANCEL_SOURCE);
export const roleEnum = pgEnum('role', ROLES);
/**
 * Who an audit event says acted: a user or an API key of the partner, the system (background job),
 * or the customer's administrator answering an invitation with its single-use token.
 */
export const ACTOR_TYPES = ['USER', 'API_KEY', 'SYSTEM', 'CUSTOMER'] as const;
export const actorTypeEnum = pgEnum('actor_type', ACTOR_TYPES);
export const idempotencyStatusEnum = pgEnum('idempotency_status', ['IN_PROGRESS', 'COMPLETED']);
