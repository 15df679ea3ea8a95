/**
 * GraphQL enums generated from the domain's constants (packages/domain): the values are typed once,
 * there. Feature files import the refs from here.
 */
import {
  BILLING_CYCLES,
  BILLING_MODELS,
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
  CANCEL_SOURCE,
} from '@switchyard/domain';
import { builder } from '../builder.js';
import { ACTOR_TYPES } from '../db/schema/enums.js';

export const CloudEnum = builder.enumType('Cloud', { values: CLOUDS });
export const PartnerKindEnum = builder.enumType('PartnerKind', { values: PARTNER_KINDS });
export const IndirectLinkStatusEnum = builder.enumType('IndirectLinkStatus', { values: INDIRECT_LINK_STATUSES });
export const RoleEnum = builder.enumType('Role', { values: ROLES });
export const ChannelEnum = builder.enumType('Channel', { values: CHANNELS });
export const BillingModelEnum = builder.enumType('BillingModel', { values: BILLING_MODELS });
export const TermEnum = builder.enumType('Term', { values: TERMS });
export const BillingCycleEnum = builder.enumType('BillingCycle', { values: BILLING_CYCLES });
export const SubscriptionStatusEnum = builder.enumType('SubscriptionStatus', { values: SUBSCRIPTION_STATUSES });
export const ServiceStatusEnum = builder.enumType('ServiceStatus', { values: SERVICE_STATUSES });
export const RelationshipRequestStatusEnum = builder.enumType('RelationshipRequestStatus', { values: RELATIONSHIP_REQUEST_STATUSES });
export const RelationshipStatusEnum = builder.enumType('RelationshipStatus', { values: RELATIONSHIP_STATUSES });
export const RelationshipTypeEnum = builder.enumType('RelationshipType', { values: RELATIONSHIP_TYPES });
export const TransferKindEnum = builder.enumType('TransferKind', { values: TRANSFER_KINDS });
export const TransferStatusEnum = builder.enumType('TransferStatus', { values: TRANSFER_STATUSES });
export const TransferLineItemStatusEnum = builder.enumType('TransferLineItemStatus', { values: TRANSFER_LINE_ITEM_STATUSES });
export const TransferEffectiveEnum = builder.enumType('TransferEffective', { values: TRANSFER_EFFECTIVE });
export const CancelSourceEnum = builder.enumType('CancelSource', { values: CANCEL_SOURCE });
export const ActorTypeEnum = builder.enumType('ActorType', { values: ACTOR_TYPES });
