/**
 * Worlds for transfer tests, built from the seed factories (unique values, so tests run in
 * parallel): a customer, the partners around it with a user each, and subscriptions from the
 * channel each transfer kind moves. The names follow the demo stories: Contoso (the requester,
 * "target") takes subscriptions from Tailspin (the CSP "source") or from another channel.
 *
 *   const world = await partnerSwitchWorld(db, { billingModel: 'LICENSE_BASED' });
 *   await execute(TRANSFER_CREATE, { input: { kind: 'PARTNER_SWITCH', … } }, { as: asUser(world.target.user) });
 */
import type { BillingModel, Channel, Role } from '@switchyard/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/client.js';
import { auditEvents, outboxEvents } from '../db/schema/index.js';
import { seedCustomer, seedOffer, seedPartner, seedRelationship, seedSubscription } from '../db/seed/factories.js';
import type { CustomerRow, OfferRow, PartnerRow, SeedServiceInput, SubscriptionRow, SubscriptionServiceRow } from '../db/seed/factories.js';
import { encodeGlobalId } from '../schema/global-id.js';
import type { ExecuteOperation, ExecuteOptions } from './execute-operation.js';
import { createUser } from './factories.js';

export interface PartnerWithUser {
  partner: PartnerRow;
  user: { id: string };
}

/** A partner (default: a GLOBAL direct provider) with a user of `role` and an `ACTIVE` relationship with the customer. */
export async function partnerOf(
  db: AppDatabase,
  customer: CustomerRow,
  options: { role?: Role; relationship?: boolean; partner?: Parameters<typeof seedPartner>[1] } = {},
): Promise<PartnerWithUser> {
  const partner = await seedPartner(db, { cloud: customer.cloud, ...options.partner });
  if (options.relationship ?? true) await seedRelationship(db, { partnerId: partner.id, customerId: customer.id });
  const user = await createUser(db, { partnerId: partner.id, role: options.role ?? 'GLOBAL_ADMIN' });
  return { partner, user };
}

export interface PartnerSwitchWorld {
  customer: CustomerRow;
  /** Tailspin: sells the subscriptions. */
  source: PartnerWithUser;
  /** Contoso: wants them. */
  target: PartnerWithUser;
  subscriptions: (SubscriptionRow & { services: SubscriptionServiceRow[] })[];
}

/** CSP subscriptions sold by the source to a customer both partners have an active relationship with. */
export async function partnerSwitchWorld(
  db: AppDatabase,
  options: { billingModel?: BillingModel; count?: number; customer?: Parameters<typeof seedCustomer>[1]; termEndInDays?: number } = {},
): Promise<PartnerSwitchWorld> {
  const customer = await seedCustomer(db, options.customer);
  const source = await partnerOf(db, customer);
  const target = await partnerOf(db, customer);
  const subscriptions = [];
  for (let index = 0; index < (options.count ?? 1); index += 1) {
    subscriptions.push(
      await seedSubscription(db, {
        customerId: customer.id,
        channel: 'CSP',
        billingModel: options.billingModel ?? 'USAGE_BASED',
        sellerPartnerId: source.partner.id,
        ...termEndingIn(options.termEndInDays),
      }),
    );
  }
  return { customer, source, target, subscriptions };
}

export interface ExternalWorld {
  customer: CustomerRow;
  /** Contoso: takes the subscription into CSP. */
  target: PartnerWithUser;
  subscription: SubscriptionRow & { services: SubscriptionServiceRow[] };
  /** A usage-based offer for a usage migration's new subscription. */
  azureOffer: OfferRow;
}

/**
 * A subscription bought through another channel (default: Azure under an EA with three services),
 * registered for a customer the target has an active relationship with.
 */
export async function externalWorld(
  db: AppDatabase,
  options: {
    channel?: Channel;
    billingModel?: BillingModel;
    services?: (string | SeedServiceInput)[];
    termEndInDays?: number;
    customer?: Parameters<typeof seedCustomer>[1];
    autoRenew?: boolean;
  } = {},
): Promise<ExternalWorld> {
  const customer = await seedCustomer(db, options.customer);
  const target = await partnerOf(db, customer);
  const billingModel = options.billingModel ?? 'USAGE_BASED';
  const subscription = await seedSubscription(db, {
    customerId: customer.id,
    channel: options.channel ?? 'EA',
    billingModel,
    ...(billingModel === 'USAGE_BASED' ? { services: options.services ?? ['Virtual Machines', 'Storage', 'Azure SQL Database'] } : {}),
    ...termEndingIn(options.termEndInDays),
    ...(options.autoRenew === undefined ? {} : { isAutoRenewEnabled: options.autoRenew }),
  });
  const azureOffer = await seedOffer(db, { billingModel: 'USAGE_BASED' });
  return { customer, target, subscription, azureOffer };
}

/** Term dates such that the (one-year) term ends `days` from now. */
function termEndingIn(days: number | undefined) {
  if (days === undefined) return {};
  const end = new Date(Date.now() + days * 86_400_000);
  const start = new Date(end.getTime() - 365 * 86_400_000);
  return { termStartDate: start, termEndDate: end, cancellationAllowedUntil: null };
}

export const globalId = {
  customer: (id: string) => encodeGlobalId('Customer', id),
  subscription: (id: string) => encodeGlobalId('Subscription', id),
  service: (id: string) => encodeGlobalId('SubscriptionService', id),
  offer: (id: string) => encodeGlobalId('Offer', id),
  partner: (id: string) => encodeGlobalId('Partner', id),
  transfer: (id: string) => encodeGlobalId('Transfer', id),
  lineItem: (id: string) => encodeGlobalId('TransferLineItem', id),
};

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

export interface TransferPayloadData {
  transfer: { id: string; status: string; version: number } | null;
  subscriptions?: { id: string }[] | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

export type TransferMutationName = 'transferCreate' | 'transferAccept' | 'transferReject' | 'transferCancel';

export function transferMutationDocument(name: TransferMutationName): string {
  const inputType = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
  const subscriptions = name === 'transferCreate' || name === 'transferAccept' ? 'subscriptions { id }' : '';
  return `mutation ($input: ${inputType}!) { ${name}(input: $input) { transfer { id status version } ${subscriptions} userErrors { code field message } } }`;
}

/** Runs a transfer mutation; a top-level error (never expected for a broken rule) fails the test. */
export async function runTransferMutation(
  execute: ExecuteOperation,
  name: TransferMutationName,
  input: Record<string, unknown>,
  options: ExecuteOptions,
): Promise<TransferPayloadData> {
  const result = await execute<Record<string, TransferPayloadData>>(transferMutationDocument(name), { input }, options);
  if (result.errors) throw new Error(`${name} failed with top-level errors: ${JSON.stringify(result.errors)}`);
  const payload = result.data?.[name];
  if (!payload) throw new Error(`${name} returned no payload`);
  return payload;
}

export const codesOf = (payload: TransferPayloadData) => payload.userErrors.map((error) => error.code);

/** The database id behind a payload's transfer. */
export function transferIdOf(payload: TransferPayloadData): string {
  if (!payload.transfer) throw new Error(`No transfer in the payload: ${JSON.stringify(payload.userErrors)}`);
  const decoded = Buffer.from(payload.transfer.id, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

/** The transfer with its line items, as stored. */
export async function storedTransfer(db: AppDatabase, transferId: string) {
  const transfer = await db.query.transfers.findFirst({ where: { id: transferId }, with: { lineItems: true } });
  if (!transfer) throw new Error(`No transfer ${transferId}`);
  return transfer;
}

export async function storedSubscription(db: AppDatabase, subscriptionId: string) {
  const subscription = await db.query.subscriptions.findFirst({ where: { id: subscriptionId }, with: { services: true } });
  if (!subscription) throw new Error(`No subscription ${subscriptionId}`);
  return subscription;
}

/** Audit events naming `targetId`, oldest first. */
export async function auditEventsNaming(db: AppDatabase, targetId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(sql`${targetId}::uuid = any(${auditEvents.targetIds})`)
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.operation));
}

/** Outbox events of one aggregate, in commit order. */
export async function outboxEventsOfAggregate(db: AppDatabase, aggregateId: string) {
  return db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, aggregateId)).orderBy(asc(outboxEvents.sequence));
}
