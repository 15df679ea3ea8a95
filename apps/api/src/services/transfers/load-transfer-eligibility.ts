/**
 * `Subscription.transferEligibility` (domain.md §7, §11; GC's `ListTransferableSkus`): whether the
 * caller could move a subscription now, and every reason it could not — the domain's
 * `checkTransferEligibility`, the very function `transferCreate` enforces. For a usage migration it
 * also prefills the new CSP subscription from the source (`prefillUsageMigrationSubscription`).
 *
 * A list of subscriptions asks once per subscription; `batchLoad` answers the asks of one tick
 * together (one load of subscriptions, customers, relationships, links and offers), so a page costs
 * a fixed number of queries, not a few per row.
 */
import { checkTransferEligibility, prefillUsageMigrationSubscription } from '@switchyard/domain';
import type { TransferEffective, TransferEligibility, TransferKind, UsageMigrationPrefill } from '@switchyard/domain';
import { eq, inArray } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { batchLoad } from '../../schema/batch-load.js';
import { customers, indirectLinks, offers, relationships } from '../../db/schema/index.js';
import {
  toCustomerFacts,
  toIndirectLinkFacts,
  toOfferFacts,
  toPartnerFacts,
  toRelationshipFacts,
} from '../subscriptions/subscription-facts.js';
import { licenseTransferPolicyOf } from './license-transfer-policy.js';
import { loadSubscriptions } from './transfer-facts.js';
import { together } from '../../db/together.js';

export interface SubscriptionTransferEligibility extends TransferEligibility {
  /** `USAGE_MIGRATION`: what the new CSP subscription starts with. */
  usageMigrationDefaults: UsageMigrationPrefill | null;
}

export interface EligibilityQuestion {
  kind?: TransferKind | undefined;
  effective?: TransferEffective | undefined;
}

/** One loader per question, so `batchLoad` batches (and caches) the subscriptions asked the same question. */
const loaders = new Map<string, (ids: string[], context: Context) => Promise<Map<string, SubscriptionTransferEligibility>>>();

export async function loadTransferEligibility(
  context: Context,
  subscriptionId: string,
  question: EligibilityQuestion,
): Promise<SubscriptionTransferEligibility> {
  const key = `${question.kind ?? ''}:${question.effective ?? ''}`;
  let loader = loaders.get(key);
  if (!loader) {
    loader = (ids, loaderContext) => answerAll(loaderContext, ids, question);
    loaders.set(key, loader);
  }
  const eligibility = await batchLoad(context, loader, subscriptionId);
  if (!eligibility) throw new Error(`No transfer eligibility for subscription ${subscriptionId}`);
  return eligibility;
}

async function answerAll(context: Context, ids: string[], question: EligibilityQuestion): Promise<Map<string, SubscriptionTransferEligibility>> {
  const { db: tx, partner, requestedAt: now } = context;
  const loaded = await loadSubscriptions(tx, ids);
  const customerIds = [...new Set(loaded.map((subscription) => subscription.row.customerId))];
  const offerIds = [...new Set(loaded.map((subscription) => subscription.row.offerId))];
  const [customerRows, relationshipRows, linkRows, offerRows] = await together([
    customerIds.length ? tx.select().from(customers).where(inArray(customers.id, customerIds)) : [],
    customerIds.length ? tx.select().from(relationships).where(inArray(relationships.customerId, customerIds)) : [],
    partner.kind === 'INDIRECT_RESELLER' ? tx.select().from(indirectLinks).where(eq(indirectLinks.resellerId, partner.id)) : [],
    offerIds.length ? tx.select().from(offers).where(inArray(offers.id, offerIds)) : [],
  ]);
  const customerById = new Map(customerRows.map((customer) => [customer.id, customer]));
  const offerById = new Map(offerRows.map((offer) => [offer.id, offer]));
  const requester = toPartnerFacts(partner);
  const answers = new Map<string, SubscriptionTransferEligibility>();
  for (const { row, facts } of loaded) {
    const customer = customerById.get(row.customerId);
    const offer = offerById.get(row.offerId);
    if (!customer || !offer) continue;
    const eligibility = checkTransferEligibility(facts, requester, {
      ...(question.kind ? { kind: question.kind } : {}),
      ...(question.effective ? { effective: question.effective } : {}),
      customer: toCustomerFacts(customer),
      relationships: relationshipRows.filter((relationship) => relationship.customerId === row.customerId).map(toRelationshipFacts),
      indirectLinks: linkRows.map(toIndirectLinkFacts),
      licenseTransferPolicy: licenseTransferPolicyOf(requester.cloud),
      now,
    });
    answers.set(row.id, {
      ...eligibility,
      usageMigrationDefaults:
        eligibility.kind === 'USAGE_MIGRATION'
          ? prefillUsageMigrationSubscription({ ...facts, offerId: row.offerId, billingCycle: row.billingCycle }, toOfferFacts(offer))
          : null,
    });
  }
  return answers;
}
