/**
 * What completing a transfer does to subscriptions, shared by the mutations (`transferAccept`) and
 * the background job (scheduled items at their date), so a move at term end is the very same move
 * as one made at once:
 * - a partner switch hands a CSP subscription to the target in place (same id; seller, managing
 *   and billing partner change; the audit's before/after and `subscription.updated` record it);
 * - a license transition starts a CSP subscription with the same offer and quantity, sold by the
 *   target, and the source expires.
 */
import { planLicenseTransitionSubscription, resolveBillingPartner } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { offers, subscriptions } from '../../db/schema/index.js';
import { nextVersion } from '../mutation/lock-row.js';
import { toOfferFacts, toPartnerFacts } from '../subscriptions/subscription-facts.js';
import { loadIndirectLinkFacts, loadPartner, loadRelationshipFacts } from './transfer-facts.js';
import type { PartnerRow, SubscriptionRow, TransferRow } from './transfer-facts.js';
import { together } from '../../db/together.js';

/**
 * Who bills what the target takes over: itself (a direct provider), or the indirect provider an
 * indirect reseller sells through. Asked when the move happens, because links change meanwhile; a
 * reseller whose link lapsed still names its provider (the domain rule's answer) rather than
 * billing itself, which a reseller never does.
 */
export async function billingPartnerForTarget(tx: AppTransaction, target: PartnerRow, customerId: string): Promise<string> {
  if (target.kind === 'DIRECT_PROVIDER') return target.id;
  const [relationshipFacts, indirectLinks] = await together([
    loadRelationshipFacts(tx, customerId),
    loadIndirectLinkFacts(tx, target),
  ]);
  const relationship = relationshipFacts.find(
    (candidate) => candidate.partnerId === target.id && candidate.status === 'ACTIVE',
  );
  const billing = resolveBillingPartner({ seller: toPartnerFacts(target), relationship, indirectLinks });
  if (billing.ok) return billing.billingPartnerId;
  return relationship?.indirectProviderId ?? target.id;
}

/**
 * The billing partner of what `transfer` moves: settled when it was created (`billingPartnerId`);
 * for a transfer recorded without it, worked out now from the target.
 */
export async function billingPartnerOf(
  tx: AppTransaction,
  transfer: Pick<TransferRow, 'billingPartnerId' | 'targetPartnerId' | 'customerId'>,
): Promise<string> {
  if (transfer.billingPartnerId) return transfer.billingPartnerId;
  return billingPartnerForTarget(tx, await loadPartner(tx, transfer.targetPartnerId), transfer.customerId);
}

/** A partner switch of one subscription: the target becomes seller, managing and billing partner. */
export async function switchPartnerInPlace(
  tx: AppTransaction,
  subscription: SubscriptionRow,
  target: { partnerId: string; billingPartnerId: string },
  now: Date,
): Promise<SubscriptionRow> {
  const [after] = await tx
    .update(subscriptions)
    .set({
      sellerPartnerId: target.partnerId,
      managingPartnerId: target.partnerId,
      billingPartnerId: target.billingPartnerId,
      ...nextVersion(subscriptions, now),
    })
    .where(eq(subscriptions.id, subscription.id))
    .returning();
  if (!after) throw new Error(`Subscription ${subscription.id} vanished while it was being moved`);
  return after;
}

export interface LicenseTransitionResult {
  created: SubscriptionRow;
  expiredSource: SubscriptionRow;
}

/**
 * A license transition at the source's term end: the CSP subscription starts at `startsAt` (the
 * date it was scheduled for, even when the job runs late) and the source expires.
 */
export async function completeLicenseTransition(
  tx: AppTransaction,
  source: SubscriptionRow,
  target: { partnerId: string; billingPartnerId: string },
  startsAt: Date,
  now: Date,
): Promise<LicenseTransitionResult> {
  const [offer] = await tx.select().from(offers).where(eq(offers.id, source.offerId));
  if (!offer) throw new Error(`Offer ${source.offerId} of subscription ${source.id} is missing`);
  const plan = planLicenseTransitionSubscription({ term: source.term, quantity: source.quantity }, toOfferFacts(offer), startsAt);
  const [created] = await tx
    .insert(subscriptions)
    .values({
      customerId: source.customerId,
      offerId: source.offerId,
      channel: 'CSP',
      billingModel: 'LICENSE_BASED',
      status: 'ACTIVE',
      quantity: plan.quantity,
      term: plan.term,
      termStartDate: plan.termStart,
      termEndDate: plan.termEnd,
      billingCycle: plan.billingCycle,
      isAutoRenewEnabled: plan.autoRenew,
      cancellationAllowedUntil: plan.cancellationAllowedUntil,
      sellerPartnerId: target.partnerId,
      billingPartnerId: target.billingPartnerId,
      managingPartnerId: target.partnerId,
      migratedFromId: source.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [expiredSource] = await tx
    .update(subscriptions)
    .set({ status: 'EXPIRED', isAutoRenewEnabled: false, ...nextVersion(subscriptions, now) })
    .where(eq(subscriptions.id, source.id))
    .returning();
  if (!created || !expiredSource) throw new Error(`License transition of ${source.id} wrote no rows`);
  return { created, expiredSource };
}
