/**
 * A large world for benchmarks (domain.md §12: "20,000 customers, 100,000 subscriptions"), added on
 * top of the demo world: customers spread over the demo partners (Contoso has a relationship with
 * about two thirds of them, so its pages are the big ones), `subscriptionsPerCustomer`
 * subscriptions each over every channel and status, named services for the usage-based ones, and a
 * transfer for every tenth customer.
 *
 * Deterministic for a given `seed` and day: the same options write the same rows. The rows are
 * consistent with the rules (sellers have active relationships in their markets, CSP license-based
 * subscriptions have their cancellation window, running subscriptions have not reached their term
 * end, open transfers hold distinct subscriptions), so benchmarks measure realistic queries.
 *
 * Speed: rows are generated in chunks of customers and written with `bulkInsert` (one JSON
 * parameter per 5,000 rows), all in one transaction.
 */
import { TRANSFER_TTL_DAYS } from '@switchyard/domain';
import type {
  Channel,
  Cloud,
  SubscriptionStatus,
  Term,
  TransferKind,
  TransferLineItemStatus,
  TransferStatus,
} from '@switchyard/domain';
import { inArray, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client.js';
import * as schema from '../schema/index.js';
import { bulkInsert } from './bulk-insert.js';
import { DEMO } from './demo-world-cast.js';
import type { DemoApiKeyKey, DemoOfferKey, DemoPartnerKey } from './demo-world-cast.js';
import { addDays, createRandom, startOfUtcDay } from './deterministic.js';
import type { Random } from './deterministic.js';
import { defaultBillingCycle, termDates } from './subscription-terms.js';

export interface LargeWorldOptions {
  customers: number;
  /** Default 5: 20,000 customers make 100,000 subscriptions. */
  subscriptionsPerCustomer?: number;
  /** The random seed (default 1). Two runs with the same seed write the same rows. */
  seed?: number;
  /** Dates hang off this day (default: today). */
  now?: Date;
  /** Customers generated and written per round; bounds memory, not the transaction. */
  chunkSize?: number;
  /** Called after each chunk is written. */
  onProgress?: (progress: { customers: number; total: number }) => void;
}

export interface LargeWorldRows {
  customers: (typeof schema.customers.$inferInsert)[];
  relationships: (typeof schema.relationships.$inferInsert)[];
  subscriptions: (typeof schema.subscriptions.$inferInsert)[];
  subscriptionServices: (typeof schema.subscriptionServices.$inferInsert)[];
  transfers: (typeof schema.transfers.$inferInsert)[];
  transferLineItems: (typeof schema.transferLineItems.$inferInsert)[];
}

export type LargeWorldCounts = Record<keyof LargeWorldRows, number>;

/** Why the large world was not written (nothing was). */
export class LargeWorldError extends Error {
  override name = 'LargeWorldError';
}

const DEFAULT_SUBSCRIPTIONS_PER_CUSTOMER = 5;
const DEFAULT_CHUNK_SIZE = 2_000;
/** Every tenth customer has a transfer: ~N/10 transfers. */
const TRANSFER_EVERY = 10;

// --- Who sells where ----------------------------------------------------------------------------

type SellerKey = Extract<
  DemoPartnerKey,
  'contoso' | 'tailspin' | 'northwind' | 'liberty' | 'rheinland'
>;

/** Transfers in the large world are created by the target's integration (its demo API key). */
const API_KEY_OF: Record<SellerKey, DemoApiKeyKey> = {
  contoso: 'contoso',
  tailspin: 'tailspin',
  northwind: 'northwind',
  liberty: 'liberty',
  rheinland: 'rheinland',
};

interface CloudSetup {
  weight: number;
  countries: readonly string[];
  domainSuffix: string;
  /** Partners selling here, with the chance each has a relationship with a given customer. */
  sellers: readonly { key: SellerKey; chance: number }[];
}

const CLOUD_SETUP: Record<Cloud, CloudSetup> = {
  GLOBAL: {
    weight: 90,
    countries: ['US', 'US', 'US', 'US', 'CA', 'CA', 'GB', 'GB', 'IE', 'NL'],
    domainSuffix: 'onmicrosoft.com',
    sellers: [
      { key: 'contoso', chance: 0.65 },
      { key: 'tailspin', chance: 0.35 },
      { key: 'northwind', chance: 0.12 },
    ],
  },
  US_GOVERNMENT: {
    weight: 7,
    countries: ['US'],
    domainSuffix: 'onmicrosoft.us',
    sellers: [{ key: 'liberty', chance: 1 }],
  },
  GERMANY: {
    weight: 3,
    countries: ['DE', 'DE', 'DE', 'AT', 'CH'],
    domainSuffix: 'onmicrosoft.de',
    sellers: [{ key: 'rheinland', chance: 1 }],
  },
};

const CLOUD_WEIGHTS = Object.entries(CLOUD_SETUP).map(
  ([cloud, setup]) => [cloud as Cloud, setup.weight] as const,
);

const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['CSP', 50],
  ['DIRECT', 14],
  ['EA', 10],
  ['OPEN', 7],
  ['ADVISOR', 6],
  ['THIRD_PARTY', 7],
  ['SYNDICATION', 6],
];
const MIGRATABLE_CHANNELS: readonly Channel[] = ['DIRECT', 'EA', 'OPEN', 'ADVISOR', 'THIRD_PARTY'];

const STATUS_WEIGHTS: readonly (readonly [SubscriptionStatus, number])[] = [
  ['ACTIVE', 85],
  ['SUSPENDED', 4],
  ['CANCELLED', 5],
  ['EXPIRED', 4],
  ['PENDING', 2],
];

const SWITCH_STATUS_WEIGHTS: readonly (readonly [TransferStatus, number])[] = [
  ['PENDING', 20],
  ['SCHEDULED', 8],
  ['COMPLETED', 35],
  ['REJECTED', 15],
  ['CANCELLED', 10],
  ['EXPIRED', 10],
  ['FAILED', 2],
];

const SERVICE_NAMES = [
  'Virtual Machines',
  'Storage',
  'SQL Database',
  'App Service',
  'Azure Functions',
  'Azure Kubernetes Service',
  'Azure Monitor',
  'Key Vault',
  'Azure Cosmos DB',
  'Azure Virtual Desktop',
  'Backup',
  'Bandwidth',
] as const;

const NAME_FIRST = [
  'Northern',
  'Blue',
  'Summit',
  'Harbor',
  'Granite',
  'Silver',
  'Prairie',
  'Coastal',
  'Maple',
  'Evergreen',
  'Redwood',
  'Pioneer',
  'Lakeside',
  'Sterling',
  'Beacon',
  'Cedar',
  'Meridian',
  'Atlas',
  'Orchard',
  'Riverbend',
  'Highland',
  'Keystone',
  'Sunrise',
  'Ironwood',
  'Bayview',
  'Crescent',
  'Falcon',
  'Horizon',
  'Juniper',
  'Liberty',
] as const;
const NAME_SECOND = [
  'Logistics',
  'Dental',
  'Foods',
  'Engineering',
  'Health',
  'Legal',
  'Architects',
  'Manufacturing',
  'Analytics',
  'Insurance',
  'Retail',
  'Energy',
  'Media',
  'Construction',
  'Pharma',
  'Travel',
  'Robotics',
  'Bakery',
  'Freight',
  'Consulting',
  'Outfitters',
  'Labs',
  'Hospitality',
  'Finance',
  'Textiles',
] as const;
const LEGAL_FORM: Record<Cloud, readonly string[]> = {
  GLOBAL: ['Inc.', 'LLC', 'Ltd.', 'Group', 'Co.'],
  US_GOVERNMENT: ['County', 'District', 'Authority', 'Agency'],
  GERMANY: ['GmbH', 'AG', 'KG'],
};

// --- Generation ---------------------------------------------------------------------------------

interface TransferPlan {
  kind: TransferKind;
  status: TransferStatus;
  source?: SellerKey;
  target: SellerKey;
}

/**
 * The large world as chunks of rows, in foreign-key order within each chunk. Pure: seeding writes
 * what this yields, and tests can inspect it without a database.
 */
export function* generateLargeWorld(options: LargeWorldOptions): Generator<LargeWorldRows> {
  const total = options.customers;
  if (!Number.isInteger(total) || total < 0)
    throw new LargeWorldError('customers must be a whole number, 0 or more');
  const perCustomer = options.subscriptionsPerCustomer ?? DEFAULT_SUBSCRIPTIONS_PER_CUSTOMER;
  if (!Number.isInteger(perCustomer) || perCustomer < 1)
    throw new LargeWorldError('subscriptionsPerCustomer must be a whole number, 1 or more');
  const seed = options.seed ?? 1;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const today = startOfUtcDay(options.now ?? new Date());
  const random = createRandom(seed);
  const context: GenerationContext = { random, today, seed, perCustomer };

  for (let start = 0; start < total; start += chunkSize) {
    const rows: LargeWorldRows = {
      customers: [],
      relationships: [],
      subscriptions: [],
      subscriptionServices: [],
      transfers: [],
      transferLineItems: [],
    };
    const end = Math.min(total, start + chunkSize);
    for (let index = start; index < end; index += 1) generateCustomer(context, index, rows);
    yield rows;
  }
}

interface GenerationContext {
  random: Random;
  today: Date;
  seed: number;
  perCustomer: number;
}

function generateCustomer(context: GenerationContext, index: number, rows: LargeWorldRows): void {
  const { random, today, seed } = context;
  const day = (offset: number) => addDays(today, offset);

  const cloud = random.weighted(CLOUD_WEIGHTS);
  const setup = CLOUD_SETUP[cloud];
  const country = random.pick(setup.countries);
  const name = `${random.pick(NAME_FIRST)} ${random.pick(NAME_SECOND)} ${random.pick(LEGAL_FORM[cloud])}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const hasTransfer = index % TRANSFER_EVERY === 0;
  const customerId = random.uuid();
  const createdAt = day(-random.int(90, 1500));
  const isPartnerTenant = !hasTransfer && random.chance(0.005);

  // Relationships: sellers whose markets include the customer's country.
  const candidates = setup.sellers.filter((seller) =>
    DEMO.partners[seller.key].markets.includes(country),
  );
  const related = new Set<SellerKey>(
    candidates.filter((seller) => random.chance(seller.chance)).map((seller) => seller.key),
  );
  const firstCandidate = candidates[0];
  if (!firstCandidate) throw new LargeWorldError(`No demo partner sells in ${country}`);
  if (related.size === 0) related.add(firstCandidate.key);

  let plan: TransferPlan | undefined;
  if (hasTransfer) {
    const canSwitch =
      cloud === 'GLOBAL' &&
      candidates.some((seller) => seller.key === 'tailspin') &&
      random.chance(0.8);
    if (canSwitch) {
      related.add('contoso');
      related.add('tailspin');
      const target: SellerKey = random.chance(0.7) ? 'contoso' : 'tailspin';
      plan = {
        kind: 'PARTNER_SWITCH',
        status: random.weighted(SWITCH_STATUS_WEIGHTS),
        source: target === 'contoso' ? 'tailspin' : 'contoso',
        target,
      };
    } else {
      const target = firstCandidate.key;
      related.add(target);
      plan = {
        kind: 'LICENSE_TRANSITION',
        status: random.chance(0.7) ? 'SCHEDULED' : 'CANCELLED',
        target,
      };
    }
  }

  rows.customers.push({
    id: customerId,
    tenantId: random.uuid(),
    companyName: name,
    primaryDomain: `${slug}-${index}-s${seed}.${setup.domainSuffix}`,
    country,
    cloud,
    isPartnerTenant,
    createdByPartnerId: null,
    createdAt,
    updatedAt: createdAt,
  });

  for (const key of related) {
    const startedAt = addDays(createdAt, random.int(0, 30));
    const isIndirect = key === 'northwind';
    rows.relationships.push({
      id: random.uuid(),
      partnerId: DEMO.partners[key].id,
      customerId,
      type: isIndirect ? 'INDIRECT_RESELLER' : 'RESELLER',
      indirectProviderId: isIndirect ? DEMO.partners.fabrikam.id : null,
      status: 'ACTIVE',
      hasDelegatedAdmin: random.chance(0.6),
      requestId: null,
      startedAt,
      terminatedAt: null,
      createdAt: startedAt,
      updatedAt: startedAt,
    });
    if (isIndirect) {
      rows.relationships.push({
        id: random.uuid(),
        partnerId: DEMO.partners.fabrikam.id,
        customerId,
        type: 'INDIRECT_PROVIDER',
        indirectProviderId: null,
        status: 'ACTIVE',
        hasDelegatedAdmin: false,
        requestId: null,
        startedAt,
        terminatedAt: null,
        createdAt: startedAt,
        updatedAt: startedAt,
      });
    }
  }

  const sellers = [...related];
  for (let position = 0; position < context.perCustomer; position += 1) {
    const subject = position === 0 ? plan : undefined;
    generateSubscription(
      context,
      { customerId, cloud, isPartnerTenant, createdAt, sellers, plan: subject },
      rows,
    );
  }
}

interface SubscriptionContext {
  customerId: string;
  cloud: Cloud;
  isPartnerTenant: boolean;
  createdAt: Date;
  sellers: readonly SellerKey[];
  /** Set for the subscription a transfer moves. */
  plan: TransferPlan | undefined;
}

function licenseOffers(cloud: Cloud): DemoOfferKey[] {
  return (Object.keys(DEMO.offers) as DemoOfferKey[]).filter(
    (key) =>
      DEMO.offers[key].billingModel === 'LICENSE_BASED' && DEMO.offers[key].clouds.includes(cloud),
  );
}
const LICENSE_OFFERS: Record<Cloud, DemoOfferKey[]> = {
  GLOBAL: licenseOffers('GLOBAL'),
  US_GOVERNMENT: licenseOffers('US_GOVERNMENT'),
  GERMANY: licenseOffers('GERMANY'),
};

/** Days a term surely lasts (the shortest month), so a start fewer days ago has not ended. */
const MIN_TERM_DAYS: Record<Term, number> = { P1M: 28, P1Y: 365, P3Y: 1095 };
/** Days a term lasts at most (the longest month, a leap year), so a start more days ago has ended. */
const MAX_TERM_DAYS: Record<Term, number> = { P1M: 31, P1Y: 366, P3Y: 1096 };

function generateSubscription(
  context: GenerationContext,
  customer: SubscriptionContext,
  rows: LargeWorldRows,
): void {
  const { random, today } = context;
  const day = (offset: number) => addDays(today, offset);
  const { plan } = customer;

  // What the subscription is: forced by the transfer that will move it, else drawn.
  let channel: Channel;
  let isUsageBased: boolean;
  let status: SubscriptionStatus;
  let seller: SellerKey | undefined;
  if (plan?.kind === 'PARTNER_SWITCH') {
    channel = 'CSP';
    // License-based items move only at term end (TERM_END_ONLY): those are the scheduled ones.
    isUsageBased = plan.status !== 'SCHEDULED' && plan.status !== 'FAILED';
    // A failed switch: the subscription was suspended at its term end and expired instead.
    status = plan.status === 'FAILED' ? 'EXPIRED' : 'ACTIVE';
    seller = plan.status === 'COMPLETED' ? plan.target : plan.source;
  } else if (plan?.kind === 'LICENSE_TRANSITION') {
    channel = random.pick(MIGRATABLE_CHANNELS);
    isUsageBased = false;
    status = 'ACTIVE';
  } else {
    channel = customer.isPartnerTenant
      ? random.pick(MIGRATABLE_CHANNELS)
      : random.weighted(CHANNEL_WEIGHTS);
    isUsageBased = random.chance(0.3);
    status = random.weighted(STATUS_WEIGHTS);
    if (channel !== 'CSP' && status === 'PENDING') status = 'ACTIVE';
    if (channel === 'CSP') seller = random.pick(customer.sellers);
  }
  const isCsp = channel === 'CSP';
  const billingModel = isUsageBased ? ('USAGE_BASED' as const) : ('LICENSE_BASED' as const);
  const offerKey: DemoOfferKey = isUsageBased
    ? 'azurePlan'
    : random.pick(LICENSE_OFFERS[customer.cloud]);
  const offer = DEMO.offers[offerKey];

  // The term and its dates.
  const term: Term = isUsageBased
    ? 'P1M'
    : random.weighted(
        (
          [
            ['P1M', 30],
            ['P1Y', 60],
            ['P3Y', 10],
          ] as const
        ).filter(([candidate]) => offer.terms.includes(candidate)),
      );
  // Bought elsewhere: an agreement's length (Azure enrollments run three years).
  const length: Term = isCsp ? term : isUsageBased ? 'P3Y' : 'P1Y';
  let termStart: Date;
  if (status === 'PENDING') termStart = today;
  // A failed switch failed at the term end, a few days ago.
  else if (plan?.status === 'FAILED') termStart = day(-MAX_TERM_DAYS[length] - random.int(1, 20));
  else if (status === 'EXPIRED') termStart = day(-MAX_TERM_DAYS[length] - random.int(1, 400));
  // Running: the current term started less than a (shortest) term ago, so it has not ended.
  else termStart = day(-random.int(0, MIN_TERM_DAYS[length] - 1));
  const dates = termDates(termStart, length, channel, billingModel);

  let cancelledAt: Date | null = null;
  if (status === 'CANCELLED') {
    // CSP licenses can only be cancelled inside their 7-day window.
    const latest = Math.min(
      isCsp && !isUsageBased ? 6 : 300,
      Math.floor((today.getTime() - termStart.getTime()) / 86_400_000),
    );
    cancelledAt = addDays(termStart, random.int(0, Math.max(0, latest)));
  }
  const isRunning = status === 'ACTIVE' || status === 'PENDING';
  // Bought soon after the customer arrived and renewed since (or registered then), unless its term started later.
  const boughtAt = addDays(customer.createdAt, random.int(0, 30));
  const createdAt = boughtAt.getTime() < termStart.getTime() ? boughtAt : termStart;
  const sellerId = seller ? DEMO.partners[seller].id : null;

  let managingPartnerId: string | null = sellerId;
  if (
    !isCsp &&
    channel !== 'SYNDICATION' &&
    (plan?.kind === 'LICENSE_TRANSITION' || random.chance(0.35))
  ) {
    managingPartnerId = DEMO.partners[plan?.target ?? random.pick(customer.sellers)].id;
  }

  const subscriptionId = random.uuid();
  rows.subscriptions.push({
    id: subscriptionId,
    customerId: customer.customerId,
    offerId: offer.id,
    channel,
    billingModel,
    status,
    quantity: isUsageBased ? null : seats(random),
    term: isCsp ? term : null,
    termStartDate: dates.termStartDate,
    termEndDate: dates.termEndDate,
    billingCycle: isCsp ? defaultBillingCycle(term, billingModel) : null,
    // Suspending turns auto-renew off, and so does a license transition of the source.
    isAutoRenewEnabled:
      isRunning &&
      plan?.kind !== 'LICENSE_TRANSITION' &&
      (isCsp ? random.chance(0.9) : random.chance(0.5)),
    cancellationAllowedUntil: dates.cancellationAllowedUntil,
    sellerPartnerId: sellerId,
    billingPartnerId: seller === 'northwind' ? DEMO.partners.fabrikam.id : sellerId,
    managingPartnerId,
    externalReference: isCsp ? null : `${channel}-${random.int(10_000_000, 99_999_999)}`,
    migratedFromId: null,
    cancelledAt,
    createdAt,
    updatedAt: cancelledAt ?? createdAt,
  });

  if (isUsageBased) {
    for (const name of random.sample(SERVICE_NAMES, random.int(1, 5))) {
      const isCancelled = status === 'CANCELLED' || random.chance(0.06);
      const endedAt = isCancelled ? (cancelledAt ?? addDays(createdAt, random.int(0, 20))) : null;
      rows.subscriptionServices.push({
        id: random.uuid(),
        subscriptionId,
        name,
        status: isCancelled ? 'CANCELLED' : 'ACTIVE',
        migratedToSubscriptionId: null,
        endedAt,
        createdAt,
        updatedAt: endedAt ?? createdAt,
      });
    }
  }

  if (plan) {
    addTransfer(
      context,
      plan,
      {
        subscriptionId,
        customerId: customer.customerId,
        channel,
        createdAt,
        termStart: dates.termStartDate,
        termEnd: dates.termEndDate,
        isUsageBased,
      },
      rows,
    );
  }
}

/** Mostly small businesses, some mid-size, a few enterprises. */
function seats(random: Random): number {
  const size = random.weighted([
    ['SMALL', 70],
    ['MEDIUM', 25],
    ['LARGE', 5],
  ] as const);
  if (size === 'SMALL') return random.int(1, 50);
  if (size === 'MEDIUM') return random.int(51, 500);
  return random.int(501, 5000);
}

function addTransfer(
  context: GenerationContext,
  plan: TransferPlan,
  subject: {
    subscriptionId: string;
    customerId: string;
    channel: Channel;
    createdAt: Date;
    termStart: Date;
    termEnd: Date;
    isUsageBased: boolean;
  },
  rows: LargeWorldRows,
): void {
  const { random, today } = context;
  const day = (offset: number) => addDays(today, offset);
  const atTermEnd = !subject.isUsageBased;
  const { status } = plan;

  const later = (a: Date, b: Date) => (a.getTime() > b.getTime() ? a : b);
  // When it was asked: after the subscription was bought (a pending switch is younger than its
  // 30-day expiry, an expired one older; subscriptions are all older than 60 days), and a switch
  // at term end during the term it waits for.
  let createdAt: Date;
  if (status === 'PENDING') createdAt = day(-random.int(0, TRANSFER_TTL_DAYS - 2));
  else if (status === 'FAILED')
    createdAt = later(addDays(subject.termEnd, -random.int(5, 25)), subject.termStart);
  else if (status === 'EXPIRED')
    createdAt = later(day(-random.int(TRANSFER_TTL_DAYS + 1, 300)), subject.createdAt);
  else createdAt = later(day(-random.int(1, 300)), subject.createdAt);
  if (atTermEnd && status !== 'PENDING') createdAt = later(createdAt, subject.termStart);
  const daysSinceCreated = Math.floor((today.getTime() - createdAt.getTime()) / 86_400_000);
  const answeredAt =
    status === 'PENDING'
      ? createdAt
      : status === 'EXPIRED'
        ? addDays(createdAt, TRANSFER_TTL_DAYS)
        : addDays(createdAt, Math.min(random.int(0, 5), daysSinceCreated));
  const finishedAt = status === 'FAILED' ? subject.termEnd : answeredAt;

  const lineItemStatus: TransferLineItemStatus =
    status === 'REJECTED' || status === 'CANCELLED' || status === 'EXPIRED' ? 'CANCELLED' : status;
  const transferId = random.uuid();
  rows.transfers.push({
    id: transferId,
    kind: plan.kind,
    customerId: subject.customerId,
    sourcePartnerId: plan.source ? DEMO.partners[plan.source].id : null,
    targetPartnerId: DEMO.partners[plan.target].id,
    sourceChannel: subject.channel,
    status,
    effective: atTermEnd ? 'AT_TERM_END' : 'IMMEDIATELY',
    effectiveAt: atTermEnd ? subject.termEnd : status === 'COMPLETED' ? finishedAt : null,
    expiresAt: plan.kind === 'PARTNER_SWITCH' ? addDays(createdAt, TRANSFER_TTL_DAYS) : null,
    cancelSource: null,
    newSubscriptionDetails: null,
    rejectionReason:
      status === 'REJECTED' ? 'The customer asked to stay with its current partner.' : null,
    failureReason:
      status === 'FAILED'
        ? 'The subscription was suspended at its term end, so it expired instead of moving.'
        : null,
    createdByActorType: 'API_KEY',
    createdByActorId: DEMO.apiKeys[API_KEY_OF[plan.target]].id,
    completedAt: status === 'COMPLETED' ? finishedAt : null,
    createdAt,
    updatedAt: finishedAt,
  });
  rows.transferLineItems.push({
    id: random.uuid(),
    transferId,
    subscriptionId: subject.subscriptionId,
    serviceIds: null,
    status: lineItemStatus,
    scheduledAt: atTermEnd ? subject.termEnd : null,
    failureReason:
      status === 'FAILED'
        ? 'SUBSCRIPTION_NOT_ACTIVE: the subscription was suspended at its term end.'
        : null,
    // A partner switch moves the subscription in place.
    resultSubscriptionId:
      status === 'COMPLETED' && plan.kind === 'PARTNER_SWITCH' ? subject.subscriptionId : null,
    createdAt,
    updatedAt: finishedAt,
  });
}

// --- Writing ------------------------------------------------------------------------------------

/**
 * Writes the large world in one transaction and returns what it wrote. Refuses (writing nothing)
 * when the demo world is missing (its partners and offers are the large world's) or when this
 * seed's world is already there.
 */
export async function seedLargeWorld(
  db: AppDatabase,
  options: LargeWorldOptions,
): Promise<LargeWorldCounts> {
  const counts: LargeWorldCounts = {
    customers: 0,
    relationships: 0,
    subscriptions: 0,
    subscriptionServices: 0,
    transfers: 0,
    transferLineItems: 0,
  };
  await db.transaction(async (tx) => {
    await assertDemoWorldPresent(tx);
    const chunks = generateLargeWorld(options);
    let isFirst = true;
    for (const chunk of chunks) {
      if (isFirst) {
        isFirst = false;
        await assertSeedUnused(tx, chunk, options.seed ?? 1);
      }
      await bulkInsert(tx, schema.customers, chunk.customers);
      await bulkInsert(tx, schema.relationships, chunk.relationships);
      await bulkInsert(tx, schema.subscriptions, chunk.subscriptions);
      await bulkInsert(tx, schema.subscriptionServices, chunk.subscriptionServices);
      await bulkInsert(tx, schema.transfers, chunk.transfers);
      await bulkInsert(tx, schema.transferLineItems, chunk.transferLineItems);
      for (const table of Object.keys(counts) as (keyof LargeWorldRows)[])
        counts[table] += chunk[table].length;
      options.onProgress?.({ customers: counts.customers, total: options.customers });
    }
  });
  return counts;
}

async function assertDemoWorldPresent(db: AppDatabase): Promise<void> {
  const partnerIds = Object.values(DEMO.partners).map((partner) => partner.id);
  const offerIds = Object.values(DEMO.offers).map((offer) => offer.id);
  const [partners] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(schema.partners)
    .where(inArray(schema.partners.id, partnerIds));
  const [offers] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(schema.offers)
    .where(inArray(schema.offers.id, offerIds));
  if (partners?.count !== partnerIds.length || offers?.count !== offerIds.length) {
    throw new LargeWorldError(
      "The large world is built on the demo world's partners and offers: seed the demo world first.",
    );
  }
}

async function assertSeedUnused(
  db: AppDatabase,
  chunk: LargeWorldRows,
  seed: number,
): Promise<void> {
  const firstCustomer = chunk.customers[0];
  if (!firstCustomer?.id) return;
  const existing = await db
    .select({ id: schema.customers.id })
    .from(schema.customers)
    .where(inArray(schema.customers.id, [firstCustomer.id]));
  if (existing.length > 0) {
    throw new LargeWorldError(
      `A large world with seed ${seed} is already in this database: use another --seed to add more.`,
    );
  }
}

/** Refreshes the planner's statistics after a bulk load, so benchmarks do not run on stale plans. */
export async function analyzeLargeWorldTables(db: AppDatabase): Promise<void> {
  await db.execute(
    sql`ANALYZE customers, relationships, subscriptions, subscription_services, transfers, transfer_line_items`,
  );
}
