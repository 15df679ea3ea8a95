/**
 * Can these subscriptions move, and if not, why (domain.md §7; GC's `ListTransferableSkus`).
 * `checkTransferEligibility` answers per subscription; `checkTransferCreate` checks a whole
 * `transferCreate` and plans it. The API enforces with them and the admin app explains a disabled
 * button with the very same reasons, so every reason is written for a partner's staff.
 */
import { CHANNEL_RULES } from '../channels.js';
import type { Channel, TransferKind } from '../channels.js';
import { CLOUD_CAPABILITIES } from '../clouds.js';
import type { LicenseTransferPolicy } from '../clouds.js';
import { addDays, formatDate } from '../dates.js';
import type { UserError } from '../errors.js';
import type {
  CustomerFacts,
  IndirectLinkFacts,
  OfferFacts,
  PartnerFacts,
  RelationshipFacts,
  SubscriptionFacts,
} from '../facts.js';
import type { TransferCreateInput } from '../inputs/transfer-inputs.js';
import type { BillingCycle, BillingModel, Term } from '../offers.js';
import { userError } from '../rule-result.js';
import { TRANSFER_TTL_DAYS } from '../transfers.js';
import type { TransferEffective, TransferLineItemStatus } from '../transfers.js';
import { startTerm } from './renew-subscription.js';
import type { SubscriptionTerm } from './renew-subscription.js';
import {
  cloudMismatch,
  findActiveRelationship,
  partnerTenantNotAllowed,
  relationshipRequired,
} from './reasons.js';
import { checkOfferTerms, resolveBillingPartner } from './sell-subscription.js';
import { channelLabel, subscriptionIs, subscriptionName } from './wording.js';

/** How a subscription reaches (or moves within) CSP; `null`: it cannot move (Syndication). */
export function transferKindFor(
  subscription: Pick<SubscriptionFacts, 'channel' | 'billingModel'>,
): TransferKind | null {
  return CHANNEL_RULES[subscription.channel].transferPath[subscription.billingModel];
}

const KIND_WORDS: Record<TransferKind, string> = {
  PARTNER_SWITCH: 'a partner switch',
  USAGE_MIGRATION: 'a usage migration',
  LICENSE_TRANSITION: 'a license transition',
};

const BILLING_MODEL_WORDS: Record<BillingModel, string> = {
  LICENSE_BASED: 'license-based',
  USAGE_BASED: 'usage-based (Azure)',
};

export interface TransferEligibilityContext {
  /** Defaults to the subscription's own path (`transferKindFor`), as the `transferEligibility` field asks. */
  kind?: TransferKind;
  customer: CustomerFacts;
  /** The customer's relationships (the requester's `ACTIVE` one is looked up among them). */
  relationships: readonly RelationshipFacts[];
  /** The requester's indirect links, when it is an indirect reseller. */
  indirectLinks?: readonly IndirectLinkFacts[];
  /** The provider an indirect reseller names for the move; else the one on its relationship. */
  indirectProviderId?: string | undefined;
  /** `PARTNER_SWITCH` only: when license-based items move. Defaults to `IMMEDIATELY`. */
  effective?: TransferEffective;
  /** Defaults to the requester's cloud's policy in CLOUD_CAPABILITIES. */
  licenseTransferPolicy?: LicenseTransferPolicy;
  /** `PARTNER_SWITCH` only: the partner the other items come from, to catch `MIXED_SOURCE_PARTNERS`. */
  sourcePartnerId?: string | undefined;
  now: Date;
}

export interface TransferEligibility {
  subscriptionId: string;
  /** The kind the answer is about. `null` when the subscription has no path at all (Syndication). */
  kind: TransferKind | null;
  eligible: boolean;
  reasons: UserError[];
  /** When it would move; absent: as soon as the transfer completes. */
  scheduleAt?: Date;
}

/**
 * Reasons about the requester and the customer, the same for every subscription of the transfer:
 * the customer's permission (relationship), cloud, partner tenant, and who would bill the move.
 */
function requesterReasons(
  requester: PartnerFacts,
  context: TransferEligibilityContext,
): UserError[] {
  const { customer } = context;
  const reasons: UserError[] = [];
  if (customer.cloud !== requester.cloud) reasons.push(cloudMismatch('This customer'));
  if (customer.isPartnerTenant) reasons.push(partnerTenantNotAllowed());
  const relationship = findActiveRelationship(context.relationships, requester.id, customer.id);
  if (!relationship) reasons.push(relationshipRequired());
  const billing = resolveBillingPartner({
    seller: requester,
    relationship,
    indirectLinks: context.indirectLinks ?? [],
    indirectProviderId: context.indirectProviderId,
  });
  if (!billing.ok) reasons.push(...billing.errors);
  return reasons;
}

/** Why the subscription's channel does not move by `kind`, pointing at the path it does have. */
function channelNotMigratable(subscription: SubscriptionFacts, kind: TransferKind): UserError {
  const name = subscriptionName(subscription);
  const path = transferKindFor(subscription);
  if (subscription.channel === 'SYNDICATION') {
    return userError(
      'CHANNEL_NOT_MIGRATABLE',
      `${name} was bought from a Syndication partner: it cannot be moved to or within CSP.`,
    );
  }
  if (subscription.channel === 'CSP') {
    return userError(
      'CHANNEL_NOT_MIGRATABLE',
      `${name} is already a CSP subscription: to take it over from its partner, request a partner switch.`,
    );
  }
  return userError(
    'CHANNEL_NOT_MIGRATABLE',
    `${name} was bought through ${channelLabel(subscription.channel)}, so it does not move by ${KIND_WORDS[kind]}${path ? `; it moves by ${KIND_WORDS[path]}` : ''}.`,
  );
}

function billingModelMismatch(
  subscription: SubscriptionFacts,
  kind: TransferKind,
  expected: BillingModel,
): UserError {
  return userError(
    'BILLING_MODEL_MISMATCH',
    `${subscriptionName(subscription)} is ${BILLING_MODEL_WORDS[subscription.billingModel]}, and ${KIND_WORDS[kind]} moves only ${BILLING_MODEL_WORDS[expected]} subscriptions.`,
  );
}

interface SubscriptionVerdict {
  reasons: UserError[];
  scheduleAt?: Date;
}

/** Reasons about this subscription alone, and when it would move. */
function subscriptionReasons(
  subscription: SubscriptionFacts,
  requester: PartnerFacts,
  kind: TransferKind,
  context: TransferEligibilityContext,
): SubscriptionVerdict {
  const reasons: UserError[] = [];
  const name = subscriptionName(subscription);
  if (subscription.cloud !== requester.cloud) reasons.push(cloudMismatch(name));
  if (subscription.status !== 'ACTIVE') {
    reasons.push(
      userError(
        'SUBSCRIPTION_NOT_ACTIVE',
        `${subscriptionIs(subscription)}: only active subscriptions move.`,
      ),
    );
  }
  if (subscription.isInOpenTransfer) {
    reasons.push(
      userError(
        'ALREADY_IN_TRANSFER',
        `${name} is already part of an open transfer: it can be in only one at a time.`,
      ),
    );
  }

  switch (kind) {
    case 'PARTNER_SWITCH':
      return partnerSwitchVerdict(subscription, requester, context, reasons);
    case 'USAGE_MIGRATION':
      if (subscription.billingModel !== 'USAGE_BASED')
        reasons.push(billingModelMismatch(subscription, kind, 'USAGE_BASED'));
      if (CHANNEL_RULES[subscription.channel].transferPath.USAGE_BASED !== 'USAGE_MIGRATION') {
        reasons.push(channelNotMigratable(subscription, kind));
      }
      if (
        subscription.billingModel === 'USAGE_BASED' &&
        subscription.services &&
        !subscription.services.some((service) => service.status === 'ACTIVE')
      ) {
        reasons.push(
          userError('SERVICE_NOT_ACTIVE', `${name} has no active services left to migrate.`),
        );
      }
      return { reasons };
    case 'LICENSE_TRANSITION':
      if (subscription.billingModel !== 'LICENSE_BASED') {
        reasons.push(billingModelMismatch(subscription, kind, 'LICENSE_BASED'));
      }
      if (CHANNEL_RULES[subscription.channel].transferPath.LICENSE_BASED !== 'LICENSE_TRANSITION') {
        reasons.push(channelNotMigratable(subscription, kind));
      }
      if (!subscription.termEnd) {
        reasons.push(
          userError(
            'VALIDATION_FAILED',
            `The term end of ${name} is not recorded, and a license transition happens at the term end: record it first.`,
          ),
        );
        return { reasons };
      }
      // Always at the source's term end: CSP takes over when the other channel's term runs out.
      return { reasons, scheduleAt: subscription.termEnd };
  }
}

function partnerSwitchVerdict(
  subscription: SubscriptionFacts,
  requester: PartnerFacts,
  context: TransferEligibilityContext,
  reasons: UserError[],
): SubscriptionVerdict {
  const name = subscriptionName(subscription);
  if (subscription.channel !== 'CSP') {
    reasons.push(channelNotMigratable(subscription, 'PARTNER_SWITCH'));
    return { reasons };
  }
  if (subscription.sellerPartnerId === requester.id) {
    reasons.push(userError('SELF_TRANSFER', `Your organisation already sells ${name}.`));
  } else if (
    context.sourcePartnerId !== undefined &&
    subscription.sellerPartnerId !== context.sourcePartnerId
  ) {
    reasons.push(
      userError(
        'MIXED_SOURCE_PARTNERS',
        `${name} is sold by a different partner than the other subscriptions: a transfer takes subscriptions from one partner. Request a separate transfer for it.`,
      ),
    );
  }
  if (subscription.billingModel === 'USAGE_BASED') return { reasons };

  const policy =
    context.licenseTransferPolicy ?? CLOUD_CAPABILITIES[requester.cloud].licenseTransferPolicy;
  const atTermEnd = context.effective === 'AT_TERM_END';
  if (atTermEnd) {
    if (subscription.termEnd) return { reasons, scheduleAt: subscription.termEnd };
    reasons.push(
      userError(
        'VALIDATION_FAILED',
        `The term end of ${name} is not recorded, so the move cannot be scheduled for it.`,
      ),
    );
    return { reasons };
  }
  if (policy === 'TERM_END_ONLY') {
    reasons.push(
      userError(
        'LICENSE_TERM_NOT_ENDED',
        `${name} is license-based: it can move to another partner only at the end of its term${subscription.termEnd ? ` (${formatDate(subscription.termEnd)})` : ''}. Choose "at term end" to schedule the move, or wait until then.`,
      ),
    );
  }
  return { reasons };
}

/**
 * Whether `requester` can move `subscription` by `context.kind` (or the subscription's own path),
 * with every reason it cannot and, for moves at term end, when it would happen.
 */
export function checkTransferEligibility(
  subscription: SubscriptionFacts,
  requester: PartnerFacts,
  context: TransferEligibilityContext,
): TransferEligibility {
  const kind = context.kind ?? transferKindFor(subscription);
  if (!kind) {
    return {
      subscriptionId: subscription.id,
      kind: null,
      eligible: false,
      reasons: [channelNotMigratable(subscription, 'PARTNER_SWITCH')],
    };
  }
  const verdict = subscriptionReasons(subscription, requester, kind, context);
  const reasons = [...requesterReasons(requester, context), ...verdict.reasons];
  return toEligibility(subscription.id, kind, reasons, verdict.scheduleAt);
}

function toEligibility(
  subscriptionId: string,
  kind: TransferKind,
  reasons: UserError[],
  scheduleAt: Date | undefined,
): TransferEligibility {
  return {
    subscriptionId,
    kind,
    eligible: reasons.length === 0,
    reasons,
    ...(scheduleAt && reasons.length === 0 ? { scheduleAt } : {}),
  };
}

export interface TransferCreateRequest {
  input: TransferCreateInput;
  requester: PartnerFacts;
  customer: CustomerFacts;
  relationships: readonly RelationshipFacts[];
  /** The subscriptions the input names that the requester can see; a missing one is `NOT_FOUND`. */
  subscriptions: readonly SubscriptionFacts[];
  indirectLinks?: readonly IndirectLinkFacts[];
  /** `USAGE_MIGRATION` only: the offer of the new CSP subscription. */
  newOffer?: OfferFacts | undefined;
  licenseTransferPolicy?: LicenseTransferPolicy;
  now: Date;
}

export interface PlannedLineItem {
  subscriptionId: string;
  status: Extract<TransferLineItemStatus, 'PENDING' | 'SCHEDULED' | 'COMPLETED'>;
  scheduleAt: Date | null;
  /** `USAGE_MIGRATION`: the services that move. */
  serviceIds?: string[];
}

/** The CSP subscription a usage migration creates, sold by the requester. */
export interface PlannedNewSubscription extends SubscriptionTerm {
  offerId: string;
  term: Term;
  billingCycle: BillingCycle;
  autoRenew: boolean;
  sellerPartnerId: string;
  billingPartnerId: string;
  managingPartnerId: string;
  migratedFromSubscriptionId: string;
}

export interface TransferPlan {
  kind: TransferKind;
  customerId: string;
  /** The partner giving the subscriptions up; `null` when they come from another channel. */
  sourcePartnerId: string | null;
  targetPartnerId: string;
  sourceChannel: Channel;
  /** Who bills the moved subscriptions: the requester, or the provider an indirect reseller sells through. */
  billingPartnerId: string;
  /** `PENDING` (partner switch: the source answers), `SCHEDULED` (license transition), `COMPLETED` (usage migration). */
  status: 'PENDING' | 'SCHEDULED' | 'COMPLETED';
  /** When it takes (or took) effect; `null` while that depends on the source's answer. */
  effectiveAt: Date | null;
  /** `PENDING` transfers expire after TRANSFER_TTL_DAYS without an answer. */
  expiresAt: Date | null;
  lineItems: PlannedLineItem[];
  /** `LICENSE_TRANSITION`: sources whose auto-renew is turned off at once (they end at term end). */
  turnsOffAutoRenewOf: string[];
  /** `USAGE_MIGRATION` only. */
  usageMigration?: {
    newSubscription: PlannedNewSubscription;
    migratedServiceIds: string[];
    /** `ENTIRE`: the source becomes `CANCELLED`; `SERVICES`: it keeps its other services. */
    cancelsSource: boolean;
  };
  eligibility: TransferEligibility[];
}

export type TransferCreateCheck =
  | ({ ok: true } & TransferPlan)
  | { ok: false; errors: UserError[]; eligibility: TransferEligibility[] };

/** The partner most items come from (ties: the earliest), so the odd ones out are the mixed ones. */
function mostCommonSeller(
  subscriptions: readonly SubscriptionFacts[],
  requesterId: string,
): string | undefined {
  const counts = new Map<string, number>();
  for (const subscription of subscriptions) {
    const seller = subscription.sellerPartnerId;
    if (seller && seller !== requesterId) counts.set(seller, (counts.get(seller) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [seller, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = seller;
  return best;
}

function latest(dates: readonly Date[]): Date | null {
  return dates.reduce<Date | null>(
    (max, date) => (max && max.getTime() >= date.getTime() ? max : date),
    null,
  );
}

/**
 * The whole `transferCreate`: every item eligible (each refusal's `field` points at its position in
 * `subscriptionIds`), the requester-level reasons once, the kind's own input checked (services and
 * the new subscription of a usage migration), and the resulting plan.
 */
export function checkTransferCreate(request: TransferCreateRequest): TransferCreateCheck {
  const { input, requester, customer, now } = request;
  const errors: UserError[] = [];
  const byId = new Map(
    request.subscriptions.map((subscription) => [subscription.id, subscription]),
  );
  const found: SubscriptionFacts[] = [];
  input.subscriptionIds.forEach((id, index) => {
    const subscription = byId.get(id);
    if (!subscription) {
      errors.push(userError('NOT_FOUND', 'No such subscription.', ['subscriptionIds', index]));
    } else if (subscription.customerId !== customer.id) {
      errors.push(
        userError(
          'VALIDATION_FAILED',
          `${subscriptionName(subscription)} belongs to another customer: a transfer moves the subscriptions of one customer.`,
          ['subscriptionIds', index],
        ),
      );
    } else {
      found.push(subscription);
    }
  });

  const indirectProviderId =
    input.kind === 'USAGE_MIGRATION'
      ? input.newSubscription.indirectProviderId
      : input.indirectProviderId;
  const sourcePartnerId =
    input.kind === 'PARTNER_SWITCH' ? mostCommonSeller(found, requester.id) : undefined;
  const context: TransferEligibilityContext = {
    kind: input.kind,
    customer,
    relationships: request.relationships,
    indirectLinks: request.indirectLinks ?? [],
    indirectProviderId,
    effective: input.effective,
    ...(request.licenseTransferPolicy
      ? { licenseTransferPolicy: request.licenseTransferPolicy }
      : {}),
    sourcePartnerId,
    now,
  };

  const shared = requesterReasons(requester, context);
  // For a usage migration the provider sits in newSubscription, so point the field there.
  errors.push(
    ...shared.map((reason) =>
      reason.field && input.kind === 'USAGE_MIGRATION'
        ? { ...reason, field: ['newSubscription', ...reason.field] }
        : reason,
    ),
  );
  const eligibility: TransferEligibility[] = [];
  const verdicts = new Map<string, SubscriptionVerdict>();
  for (const subscription of found) {
    const verdict = subscriptionReasons(subscription, requester, input.kind, context);
    verdicts.set(subscription.id, verdict);
    eligibility.push(
      toEligibility(
        subscription.id,
        input.kind,
        [...shared, ...verdict.reasons],
        verdict.scheduleAt,
      ),
    );
    const index = input.subscriptionIds.indexOf(subscription.id);
    errors.push(
      ...verdict.reasons.map((reason) => ({
        ...reason,
        field: ['subscriptionIds', String(index)],
      })),
    );
  }

  const [first] = found;
  let usageMigration: TransferPlan['usageMigration'];
  if (input.kind === 'USAGE_MIGRATION' && first) {
    const { newSubscription } = input;
    const activeServiceIds = new Set(
      (first.services ?? [])
        .filter((service) => service.status === 'ACTIVE')
        .map((service) => service.id),
    );
    input.serviceIds.forEach((serviceId, index) => {
      const service = first.services?.find((candidate) => candidate.id === serviceId);
      if (!service) {
        errors.push(
          userError('NOT_FOUND', `${subscriptionName(first)} has no such service.`, [
            'serviceIds',
            index,
          ]),
        );
      } else if (!activeServiceIds.has(serviceId)) {
        errors.push(
          userError(
            'SERVICE_NOT_ACTIVE',
            `The service ${service.name} is no longer active, so it cannot move.`,
            ['serviceIds', index],
          ),
        );
      }
    });
    const offer = request.newOffer;
    if (!offer) {
      errors.push(userError('NOT_FOUND', 'No such offer.', ['newSubscription', 'offerId']));
    } else {
      if (offer.billingModel !== 'USAGE_BASED') {
        errors.push(
          userError(
            'BILLING_MODEL_MISMATCH',
            `${offer.name ?? 'This offer'} is license-based; the new subscription of a usage migration needs a usage-based (Azure) offer.`,
            ['newSubscription', 'offerId'],
          ),
        );
      }
      errors.push(
        ...checkOfferTerms(offer, newSubscription.term, newSubscription.billingCycle, [
          'newSubscription',
        ]),
      );
    }
    usageMigration = {
      newSubscription: {
        offerId: newSubscription.offerId,
        term: newSubscription.term,
        billingCycle: newSubscription.billingCycle,
        autoRenew: newSubscription.autoRenew,
        ...startTerm(now, newSubscription.term, { channel: 'CSP', billingModel: 'USAGE_BASED' }),
        sellerPartnerId: requester.id,
        billingPartnerId: requester.id,
        managingPartnerId: requester.id,
        migratedFromSubscriptionId: first.id,
      },
      migratedServiceIds: [...input.serviceIds],
      cancelsSource: input.cancelSource === 'ENTIRE',
    };
  }

  if (errors.length > 0 || !first) {
    if (errors.length === 0)
      errors.push(
        userError('VALIDATION_FAILED', 'Choose at least one subscription.', ['subscriptionIds']),
      );
    return { ok: false, errors, eligibility };
  }

  const billing = resolveBillingPartner({
    seller: requester,
    relationship: findActiveRelationship(request.relationships, requester.id, customer.id),
    indirectLinks: request.indirectLinks ?? [],
    indirectProviderId,
  });
  const billingPartnerId = billing.ok ? billing.billingPartnerId : requester.id;
  if (usageMigration) usageMigration.newSubscription.billingPartnerId = billingPartnerId;

  const scheduleOf = (subscription: SubscriptionFacts) =>
    verdicts.get(subscription.id)?.scheduleAt ?? null;
  const schedules = found.map(scheduleOf).filter((date): date is Date => date !== null);
  const status =
    input.kind === 'PARTNER_SWITCH'
      ? 'PENDING'
      : input.kind === 'LICENSE_TRANSITION'
        ? 'SCHEDULED'
        : 'COMPLETED';
  const lineItemStatus = status;

  return {
    ok: true,
    kind: input.kind,
    customerId: customer.id,
    sourcePartnerId: input.kind === 'PARTNER_SWITCH' ? (sourcePartnerId ?? null) : null,
    targetPartnerId: requester.id,
    sourceChannel: first.channel,
    billingPartnerId,
    status,
    effectiveAt: status === 'COMPLETED' ? now : latest(schedules),
    expiresAt: status === 'PENDING' ? addDays(now, TRANSFER_TTL_DAYS) : null,
    lineItems: found.map((subscription) => ({
      subscriptionId: subscription.id,
      status: lineItemStatus,
      scheduleAt: scheduleOf(subscription),
      ...(input.kind === 'USAGE_MIGRATION' ? { serviceIds: [...input.serviceIds] } : {}),
    })),
    turnsOffAutoRenewOf:
      input.kind === 'LICENSE_TRANSITION' ? found.map((subscription) => subscription.id) : [],
    ...(usageMigration ? { usageMigration } : {}),
    eligibility,
  };
}
