/**
 * Factories for tests (documenso's `seedUser()` style): each call writes one row, with whatever it
 * needs created on the way (a subscription without a customer gets one), defaults that satisfy
 * the database's constraints and the domain's rules, and unique values (random suffixes, partner
 * numbers, domains, emails, secrets), so test files run in parallel on one database.
 *
 *   const { subscription } = … await seedSubscription(db, { channel: 'EA', billingModel: 'USAGE_BASED' });
 *   const { user, password } = await seedUser(db, { partnerId: partner.id, role: 'SALES_AGENT' });
 *   const { apiKey, secret } = await seedApiKey(db, { partnerId: partner.id });
 *
 * Overrides are column values and win over every default.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { RELATIONSHIP_REQUEST_TTL_DAYS, TRANSFER_TTL_DAYS } from '@switchyard/domain';
import type {
  Cloud,
  ServiceStatus,
  Term,
  TransferLineItemStatus,
  TransferStatus,
} from '@switchyard/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../../auth/passwords.js';
import { generateToken, hashSecret } from '../../auth/secrets.js';
import type { AppDatabase } from '../client.js';
import * as schema from '../schema/index.js';
import { addDays } from './deterministic.js';
import { defaultBillingCycle, termDates } from './subscription-terms.js';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
export type PartnerRow = typeof schema.partners.$inferSelect;
export type CustomerRow = typeof schema.customers.$inferSelect;
export type OfferRow = typeof schema.offers.$inferSelect;
export type RelationshipRow = typeof schema.relationships.$inferSelect;
export type RelationshipRequestRow = typeof schema.relationshipRequests.$inferSelect;
export type IndirectLinkRow = typeof schema.indirectLinks.$inferSelect;
export type SubscriptionRow = typeof schema.subscriptions.$inferSelect;
export type SubscriptionServiceRow = typeof schema.subscriptionServices.$inferSelect;
export type TransferRow = typeof schema.transfers.$inferSelect;
export type TransferLineItemRow = typeof schema.transferLineItems.$inferSelect;
export type UserRow = typeof schema.users.$inferSelect;
export type ApiKeyRow = typeof schema.apiKeys.$inferSelect;

/** A random lowercase suffix: unique enough across parallel test files without coordination. */
export function uniqueSuffix(): string {
  return randomBytes(6).toString('hex');
}

function firstRow<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (!row) throw new Error(`${what}: the insert returned no row`);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Partners, customers, catalog
// ---------------------------------------------------------------------------------------------

/**
 * A partner (default: a GLOBAL direct provider selling in US, CA, GB, DE, FR). Partner numbers
 * are random 7-digit numbers; with thousands of test partners two can collide, so a collision is
 * retried (ON CONFLICT DO NOTHING keeps a surrounding transaction usable).
 */
export async function seedPartner(
  db: AppDatabase,
  overrides: Partial<Insert<typeof schema.partners>> = {},
): Promise<PartnerRow> {
  const suffix = uniqueSuffix();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const rows = await db
      .insert(schema.partners)
      .values({
        name: `Test Partner ${suffix}`,
        partnerNumber: String(randomInt(1_000_000, 10_000_000)),
        kind: 'DIRECT_PROVIDER',
        cloud: 'GLOBAL',
        markets: ['US', 'CA', 'GB', 'DE', 'FR'],
        domain: `partner-${suffix}.example`,
        ...overrides,
      })
      .onConflictDoNothing({ target: schema.partners.partnerNumber })
      .returning();
    if (rows[0]) return rows[0];
    if (overrides.partnerNumber)
      throw new Error(`seedPartner: partner number ${overrides.partnerNumber} is taken`);
  }
  throw new Error('seedPartner: no free partner number after 10 attempts');
}

/** A customer (default: GLOBAL, US, not a partner tenant) with a unique `…onmicrosoft.com` domain. */
export async function seedCustomer(
  db: AppDatabase,
  overrides: Partial<Insert<typeof schema.customers>> = {},
): Promise<CustomerRow> {
  const suffix = uniqueSuffix();
  return firstRow(
    await db
      .insert(schema.customers)
      .values({
        companyName: `Test Customer ${suffix}`,
        primaryDomain: `customer-${suffix}.onmicrosoft.com`,
        country: 'US',
        cloud: 'GLOBAL',
        ...overrides,
      })
      .returning(),
    'seedCustomer',
  );
}

/**
 * An offer in every cloud: license-based by default (P1M/P1Y/P3Y, 20.00 a seat); with
 * `billingModel: 'USAGE_BASED'`, an Azure-like metered offer (P1M, monthly, no price).
 */
export async function seedOffer(
  db: AppDatabase,
  overrides: Partial<Insert<typeof schema.offers>> = {},
): Promise<OfferRow> {
  const suffix = uniqueSuffix();
  const isUsageBased = overrides.billingModel === 'USAGE_BASED';
  return firstRow(
    await db
      .insert(schema.offers)
      .values({
        name: isUsageBased ? `Test Azure plan ${suffix}` : `Test Suite ${suffix}`,
        sku: `TEST-${suffix.toUpperCase()}`,
        billingModel: 'LICENSE_BASED',
        terms: isUsageBased ? ['P1M'] : ['P1M', 'P1Y', 'P3Y'],
        billingCycles: isUsageBased ? ['MONTHLY'] : ['MONTHLY', 'ANNUAL', 'TRIENNIAL'],
        clouds: ['GLOBAL', 'US_GOVERNMENT', 'GERMANY'],
        unitPrice: isUsageBased ? null : '20.00',
        ...overrides,
      })
      .returning(),
    'seedOffer',
  );
}

async function cloudOfCustomer(db: AppDatabase, customerId: string): Promise<Cloud> {
  const [customer] = await db
    .select({ cloud: schema.customers.cloud })
    .from(schema.customers)
    .where(eq(schema.customers.id, customerId));
  if (!customer) throw new Error(`No customer ${customerId}`);
  return customer.cloud;
}

async function cloudOfPartner(db: AppDatabase, partnerId: string): Promise<Cloud> {
  const [partner] = await db
    .select({ cloud: schema.partners.cloud })
    .from(schema.partners)
    .where(eq(schema.partners.id, partnerId));
  if (!partner) throw new Error(`No partner ${partnerId}`);
  return partner.cloud;
}

// ---------------------------------------------------------------------------------------------
// Relationships, requests, indirect links
// ---------------------------------------------------------------------------------------------

/**
 * A relationship (default: `ACTIVE` `RESELLER`). A missing partner or customer is created in the
 * other's cloud; an `INDIRECT_RESELLER` relationship without a provider gets a new indirect provider.
 */
export async function seedRelationship(
  db: AppDatabase,
  overrides: Partial<Insert<typeof schema.relationships>> = {},
): Promise<RelationshipRow> {
  const { partnerId, customerId } = await partnerAndCustomer(
    db,
    overrides.partnerId,
    overrides.customerId,
  );
  const type = overrides.type ?? 'RESELLER';
  let indirectProviderId = overrides.indirectProviderId;
  if (type === 'INDIRECT_RESELLER' && !indirectProviderId) {
    indirectProviderId = (
      await seedPartner(db, {
        kind: 'INDIRECT_PROVIDER',
        cloud: await cloudOfPartner(db, partnerId),
      })
    ).id;
  }
  const status = overrides.status ?? 'ACTIVE';
  return firstRow(
    await db
      .insert(schema.relationships)
      .values({
        type,
        status,
        terminatedAt: status === 'TERMINATED' ? new Date() : null,
        ...overrides,
        partnerId,
        customerId,
        indirectProviderId: indirectProviderId ?? null,
      })
      .returning(),
    'seedRelationship',
  );
}

/** A relationship request (default: `PENDING`, expiring in 90 days); returns its plain invitation `token`. */
export async function seedRelationshipRequest(
  db: AppDatabase,
  overrides: Partial<Insert<typeof schema.relationshipRequests>> & { token?: string } = {},
): Promise<RelationshipRequestRow & { token: string }> {
  const { token = generateToken(), ...columns } = overrides;
  const { partnerId, customerId } = await partnerAndCustomer(
    db,
    columns.partnerId,
    columns.customerId,
  );
  const status = columns.status ?? 'PENDING';
  const now = new Date();
  const row = firstRow(
    await db
      .insert(schema.relationshipRequests)
      .values({
        status,
        tokenHash: hashSecret(token),
        expiresAt:
          status === 'EXPIRED' ? addDays(now, -1) : addDays(now, RELATIONSHIP_REQUEST_TTL_DAYS),
        respondedAt: status === 'PENDING' || status === 'EXPIRED' ? null : now,
        ...columns,
        partnerId,
        customerId,
      })
      .returning(),
    'seedRelationshipRequest',
  );
  return { ...row, token };
}

async function partnerAndCustomer(
  db: AppDatabase,
  partnerId: string | undefined,
  customerId: string | undefined,
): Promise<{ partnerId: string; customerId: string }> {
  if (partnerId && customerId) return { partnerId, customerId };
  if (partnerId)
    return {
      partnerId,
      customerId: (await seedCustomer(db, { cloud: await cloudOfPartner(db, partnerId) })).id,
    };
  if (customerId)
    return {
      partnerId: (await seedPartner(db, { cloud: await cloudOfCustomer(db, customerId) })).id,
      customerId,
    };
  const partner = await seedPartner(db);
  return {
    partnerId: partner.id,
    customerId: (await seedCustomer(db, { cloud: partner.cloud })).id,
  };
}

/** An indirect link (default: `ACTIVE`) between a new or given indirect provider and reseller. */
export async function seedIndirectLink(
  db: AppDatabase,
  overrides: Partial<Insert<typeof schema.indirectLinks>> = {},
): Promise<IndirectLinkRow> {
  const providerId =
    overrides.providerId ?? (await seedPartner(db, { kind: 'INDIRECT_PROVIDER' })).id;
  const resellerId =
    overrides.resellerId ??
    (
      await seedPartner(db, {
        kind: 'INDIRECT_RESELLER',
        cloud: await cloudOfPartner(db, providerId),
      })
    ).id;
  const status = overrides.status ?? 'ACTIVE';
  const now = new Date();
  return firstRow(
    await db
      .insert(schema.indirectLinks)
      .values({
        status,
        acceptedAt: status === 'INVITED' ? null : now,
        revokedAt: status === 'REVOKED' ? now : null,
        ...overrides,
        providerId,
        resellerId,
      })
      .returning(),
    'seedIndirectLink',
  );
}

// ---------------------------------------------------------------------------------------------
// Subscriptions
// ---------------------------------------------------------------------------------------------

export interface SeedServiceInput {
  name: string;
  status?: ServiceStatus;
  migratedToSubscriptionId?: string;
}

export type SeedSubscriptionOverrides = Partial<Insert<typeof schema.subscriptions>> & {
  /** Usage-based only; default `Virtual Machines` and `Storage`, both `ACTIVE`. */
  services?: readonly (string | SeedServiceInput)[];
};

/**
 * A subscription (default: an `ACTIVE` CSP license-based one, 10 seats, a year's term started 30
 * days ago). What is missing is created: the customer (GLOBAL), the offer (of the requested billing
 * model) and, for CSP, a seller with an `ACTIVE` relationship with the customer, so the rules that
 * need one pass. Derived fields follow the rules: the cancellation window for CSP license-based,
 * `cancelledAt` for `CANCELLED`, auto-renew off unless it is running, an external reference
 * outside CSP, services for usage-based.
 */
export async function seedSubscription(
  db: AppDatabase,
  overrides: SeedSubscriptionOverrides = {},
): Promise<SubscriptionRow & { services: SubscriptionServiceRow[] }> {
  const { services: serviceInputs, ...columns } = overrides;
  const channel = columns.channel ?? 'CSP';
  const isCsp = channel === 'CSP';

  let customerId = columns.customerId;
  let cloud: Cloud;
  if (customerId) {
    cloud = await cloudOfCustomer(db, customerId);
  } else {
    const customer = await seedCustomer(db);
    customerId = customer.id;
    cloud = customer.cloud;
  }

  let offerId = columns.offerId;
  let billingModel = columns.billingModel;
  if (!offerId) {
    offerId = (await seedOffer(db, { billingModel: billingModel ?? 'LICENSE_BASED' })).id;
    billingModel ??= 'LICENSE_BASED';
  } else if (!billingModel) {
    const [offer] = await db
      .select({ billingModel: schema.offers.billingModel })
      .from(schema.offers)
      .where(eq(schema.offers.id, offerId));
    if (!offer) throw new Error(`seedSubscription: no offer ${offerId}`);
    billingModel = offer.billingModel;
  }
  const isLicenseBased = billingModel === 'LICENSE_BASED';

  let sellerPartnerId = columns.sellerPartnerId ?? null;
  if (isCsp && !sellerPartnerId) {
    sellerPartnerId = (await seedPartner(db, { cloud })).id;
    await seedRelationship(db, { partnerId: sellerPartnerId, customerId });
  }

  const status = columns.status ?? 'ACTIVE';
  const now = new Date();
  const termStart = columns.termStartDate ?? addDays(now, -30);
  const standardTerm: Term = isLicenseBased ? 'P1Y' : 'P1M';
  const term = columns.term !== undefined ? columns.term : isCsp ? standardTerm : null;
  const dates = termDates(termStart, term ?? standardTerm, channel, billingModel);
  const isRunning = status === 'ACTIVE' || status === 'PENDING';

  const subscription = firstRow(
    await db
      .insert(schema.subscriptions)
      .values({
        channel,
        billingModel,
        status,
        quantity: isLicenseBased ? 10 : null,
        term,
        termStartDate: dates.termStartDate,
        termEndDate: dates.termEndDate,
        billingCycle: isCsp ? defaultBillingCycle(term ?? standardTerm, billingModel) : null,
        isAutoRenewEnabled: isCsp && isRunning,
        cancellationAllowedUntil: dates.cancellationAllowedUntil,
        sellerPartnerId,
        billingPartnerId: sellerPartnerId,
        managingPartnerId: sellerPartnerId,
        externalReference: isCsp ? null : `EXT-${uniqueSuffix().toUpperCase()}`,
        cancelledAt: status === 'CANCELLED' ? now : null,
        ...columns,
        customerId,
        offerId,
      })
      .returning(),
    'seedSubscription',
  );

  const wantedServices = serviceInputs ?? (isLicenseBased ? [] : ['Virtual Machines', 'Storage']);
  const services =
    wantedServices.length === 0
      ? []
      : await db
          .insert(schema.subscriptionServices)
          .values(
            wantedServices.map((input) => {
              const service = typeof input === 'string' ? { name: input } : input;
              const serviceStatus =
                service.status ?? (status === 'CANCELLED' ? 'CANCELLED' : 'ACTIVE');
              return {
                subscriptionId: subscription.id,
                name: service.name,
                status: serviceStatus,
                migratedToSubscriptionId: service.migratedToSubscriptionId ?? null,
                endedAt: serviceStatus === 'ACTIVE' ? null : now,
              };
            }),
          )
          .returning();
  return { ...subscription, services };
}

// ---------------------------------------------------------------------------------------------
// Transfers
// ---------------------------------------------------------------------------------------------

/** The status a transfer's line items end up in (a kept item follows its transfer; nothing stays open). */
export function lineItemStatusForTransfer(status: TransferStatus): TransferLineItemStatus {
  switch (status) {
    case 'PENDING':
    case 'SCHEDULED':
    case 'COMPLETED':
    case 'FAILED':
      return status;
    case 'REJECTED':
    case 'CANCELLED':
    case 'EXPIRED':
      return 'CANCELLED';
  }
}

export type SeedTransferOverrides = Partial<Insert<typeof schema.transfers>> & {
  /** The subscriptions to move (one line item each). Default: one made to fit the kind. */
  subscriptionIds?: readonly string[];
  /** Default: from the transfer's status (`lineItemStatusForTransfer`). */
  lineItemStatus?: TransferLineItemStatus;
};

/**
 * A transfer with its line items (default: a `PENDING` `PARTNER_SWITCH` of one `ACTIVE` CSP Azure
 * subscription, between two new partners that both have an `ACTIVE` relationship with the customer).
 * Without `subscriptionIds`, the subscription fits the kind: CSP for a switch (sold by the target
 * already when the switch is `COMPLETED`), EA Azure for a usage migration, direct licenses for a
 * license transition (license-based when it waits for the term end). A `COMPLETED` usage migration of
 * a subscription made here also gets its CSP subscription and MIGRATED services; a `COMPLETED`
 * license transition records the transfer only. Open transfers (`PENDING`, `SCHEDULED`) hold their
 * subscriptions: the database refuses a second open line item for the same subscription.
 */
export async function seedTransfer(
  db: AppDatabase,
  overrides: SeedTransferOverrides = {},
): Promise<{ transfer: TransferRow; lineItems: TransferLineItemRow[] }> {
  const { subscriptionIds: givenSubscriptionIds, lineItemStatus, ...columns } = overrides;
  const kind = columns.kind ?? 'PARTNER_SWITCH';
  const status = columns.status ?? 'PENDING';
  const now = new Date();

  let subscriptions: {
    id: string;
    customerId: string;
    channel: SubscriptionRow['channel'];
    sellerPartnerId: string | null;
    termEndDate: Date | null;
    services: { id: string; name: string; status: ServiceStatus }[];
  }[];
  let targetPartnerId = columns.targetPartnerId;
  let isMadeHere = false;

  if (givenSubscriptionIds && givenSubscriptionIds.length > 0) {
    subscriptions = [];
    for (const id of givenSubscriptionIds) {
      const [row] = await db
        .select()
        .from(schema.subscriptions)
        .where(eq(schema.subscriptions.id, id));
      if (!row) throw new Error(`seedTransfer: no subscription ${id}`);
      const services = await db
        .select({
          id: schema.subscriptionServices.id,
          name: schema.subscriptionServices.name,
          status: schema.subscriptionServices.status,
        })
        .from(schema.subscriptionServices)
        .where(eq(schema.subscriptionServices.subscriptionId, id));
      subscriptions.push({ ...row, services });
    }
  } else {
    isMadeHere = true;
    const customer = columns.customerId
      ? { id: columns.customerId, cloud: await cloudOfCustomer(db, columns.customerId) }
      : await seedCustomer(db);
    targetPartnerId ??= (await seedPartner(db, { cloud: customer.cloud })).id;
    await ensureActiveRelationship(db, targetPartnerId, customer.id);
    let subscription: Awaited<ReturnType<typeof seedSubscription>>;
    if (kind === 'PARTNER_SWITCH') {
      const sourcePartnerId =
        columns.sourcePartnerId ?? (await seedPartner(db, { cloud: customer.cloud })).id;
      await ensureActiveRelationship(db, sourcePartnerId, customer.id);
      // Under TERM_END_ONLY only license-based items wait for a date: those are the scheduled ones.
      const waitsForTermEnd =
        status === 'SCHEDULED' || status === 'FAILED' || columns.effective === 'AT_TERM_END';
      subscription = await seedSubscription(db, {
        customerId: customer.id,
        channel: 'CSP',
        billingModel: waitsForTermEnd ? 'LICENSE_BASED' : 'USAGE_BASED',
        sellerPartnerId: status === 'COMPLETED' ? targetPartnerId : sourcePartnerId,
      });
      columns.effective ??= waitsForTermEnd ? 'AT_TERM_END' : 'IMMEDIATELY';
      columns.sourcePartnerId = sourcePartnerId;
    } else if (kind === 'USAGE_MIGRATION') {
      subscription = await seedSubscription(db, {
        customerId: customer.id,
        channel: 'EA',
        billingModel: 'USAGE_BASED',
      });
    } else {
      subscription = await seedSubscription(db, {
        customerId: customer.id,
        channel: 'DIRECT',
        billingModel: 'LICENSE_BASED',
        // A license transition turns the source's auto-renew off at once.
        isAutoRenewEnabled: false,
      });
    }
    subscriptions = [subscription];
  }

  const first = subscriptions[0];
  if (!first) throw new Error('seedTransfer: a transfer needs at least one subscription');
  if (!targetPartnerId) {
    targetPartnerId = (
      await seedPartner(db, { cloud: await cloudOfCustomer(db, first.customerId) })
    ).id;
    await ensureActiveRelationship(db, targetPartnerId, first.customerId);
  }
  const sourcePartnerId =
    kind === 'PARTNER_SWITCH' ? (columns.sourcePartnerId ?? first.sellerPartnerId) : null;
  const effective =
    columns.effective ?? (kind === 'LICENSE_TRANSITION' ? 'AT_TERM_END' : 'IMMEDIATELY');
  // An expired transfer went unanswered for 30 days.
  const createdAt =
    columns.createdAt ?? (status === 'EXPIRED' ? addDays(now, -TRANSFER_TTL_DAYS - 1) : now);
  const isOpen = status === 'PENDING' || status === 'SCHEDULED';

  const transfer = firstRow(
    await db
      .insert(schema.transfers)
      .values({
        kind,
        customerId: first.customerId,
        sourcePartnerId,
        targetPartnerId,
        sourceChannel: first.channel,
        status,
        effective,
        effectiveAt:
          effective === 'AT_TERM_END' ? first.termEndDate : status === 'COMPLETED' ? now : null,
        expiresAt: kind === 'PARTNER_SWITCH' ? addDays(createdAt, TRANSFER_TTL_DAYS) : null,
        cancelSource: kind === 'USAGE_MIGRATION' ? 'SERVICES' : null,
        rejectionReason: status === 'REJECTED' ? 'Rejected by a test.' : null,
        failureReason: status === 'FAILED' ? 'Failed in a test.' : null,
        createdByActorType: 'USER',
        completedAt: status === 'COMPLETED' ? now : null,
        createdAt,
        ...columns,
      })
      .returning(),
    'seedTransfer',
  );

  const itemStatus = lineItemStatus ?? lineItemStatusForTransfer(transfer.status);
  const lineItems: TransferLineItemRow[] = [];
  for (const subscription of subscriptions) {
    const movedServices = subscription.services.filter((service) => service.status === 'ACTIVE');
    let resultSubscriptionId: string | null = null;
    if (itemStatus === 'COMPLETED' && kind === 'PARTNER_SWITCH')
      resultSubscriptionId = subscription.id;
    if (itemStatus === 'COMPLETED' && kind === 'USAGE_MIGRATION' && isMadeHere) {
      resultSubscriptionId = await completeUsageMigration(
        db,
        subscription,
        movedServices,
        targetPartnerId,
      );
    }
    lineItems.push(
      firstRow(
        await db
          .insert(schema.transferLineItems)
          .values({
            transferId: transfer.id,
            subscriptionId: subscription.id,
            serviceIds:
              kind === 'USAGE_MIGRATION' ? movedServices.map((service) => service.id) : null,
            status: itemStatus,
            scheduledAt:
              effective === 'AT_TERM_END' && (isOpen || status === 'COMPLETED')
                ? subscription.termEndDate
                : null,
            failureReason: itemStatus === 'FAILED' ? 'Failed in a test.' : null,
            resultSubscriptionId,
          })
          .returning(),
        'seedTransfer',
      ),
    );
  }
  return { transfer, lineItems };
}

/** What a completed usage migration leaves behind: a CSP subscription running the services, MIGRATED on the source. */
async function completeUsageMigration(
  db: AppDatabase,
  source: { id: string; customerId: string },
  services: readonly { id: string; name: string }[],
  sellerPartnerId: string,
): Promise<string> {
  const migrated = await seedSubscription(db, {
    customerId: source.customerId,
    channel: 'CSP',
    billingModel: 'USAGE_BASED',
    sellerPartnerId,
    migratedFromId: source.id,
    services: services.map((service) => service.name),
  });
  if (services.length > 0) {
    await db
      .update(schema.subscriptionServices)
      .set({ status: 'MIGRATED', migratedToSubscriptionId: migrated.id, endedAt: new Date() })
      .where(
        inArray(
          schema.subscriptionServices.id,
          services.map((service) => service.id),
        ),
      );
  }
  return migrated.id;
}

async function ensureActiveRelationship(
  db: AppDatabase,
  partnerId: string,
  customerId: string,
): Promise<void> {
  await db
    .insert(schema.relationships)
    .values({ partnerId, customerId, type: 'RESELLER', status: 'ACTIVE' })
    // The partial unique index (one ACTIVE relationship per partner and customer) is the arbiter.
    .onConflictDoNothing({
      target: [schema.relationships.partnerId, schema.relationships.customerId],
      // A literal, not a parameter: PostgreSQL must prove the predicate matches the index's.
      where: sql`"status" = 'ACTIVE'`,
    });
}

// ---------------------------------------------------------------------------------------------
// People and keys
// ---------------------------------------------------------------------------------------------

/** Real demo hashes cost ~50 ms (N=2^15); tests hash with N=2^10, which `verifyPassword` reads from the hash. */
const TEST_SCRYPT_COST = { N: 1024, r: 8, p: 1 } as const;

/** A user (default: `GLOBAL_ADMIN` of a new partner) with a unique email; returns its plain `password`. */
export async function seedUser(
  db: AppDatabase,
  overrides: Partial<Insert<typeof schema.users>> & { password?: string } = {},
): Promise<{ user: UserRow; password: string }> {
  const { password = `test-password-${uniqueSuffix()}`, ...columns } = overrides;
  const suffix = uniqueSuffix();
  const partnerId = columns.partnerId ?? (await seedPartner(db)).id;
  const user = firstRow(
    await db
      .insert(schema.users)
      .values({
        email: `user-${suffix}@example.test`,
        name: `Test User ${suffix}`,
        role: 'GLOBAL_ADMIN',
        passwordHash: await hashPassword(password, TEST_SCRYPT_COST),
        ...columns,
        partnerId,
      })
      .returning(),
    'seedUser',
  );
  return { user, password };
}

/** An API key (default: `GLOBAL_ADMIN` of a new partner); returns its plain `secret`, shown once in real life. */
export async function seedApiKey(
  db: AppDatabase,
  overrides: Partial<Insert<typeof schema.apiKeys>> & { secret?: string } = {},
): Promise<{ apiKey: ApiKeyRow; secret: string }> {
  const { secret = `sy_test_${generateToken(24)}`, ...columns } = overrides;
  const partnerId = columns.partnerId ?? (await seedPartner(db)).id;
  const apiKey = firstRow(
    await db
      .insert(schema.apiKeys)
      .values({
        name: `Test key ${uniqueSuffix()}`,
        role: 'GLOBAL_ADMIN',
        displayPrefix: secret.slice(0, 12),
        secretHash: hashSecret(secret),
        ...columns,
        partnerId,
      })
      .returning(),
    'seedApiKey',
  );
  return { apiKey, secret };
}
