/**
 * The demo world (domain.md §12) as plain rows: the stories its subscriptions, relationships and
 * transfers tell, with dates that hang off the day of `now`, so the stories stay true whenever the
 * world is seeded: Fourth Coffee's licenses are always four months from their term end, Lamna's
 * pending transfer is always three days old. Pure data, no database: `buildDemoWorld(now)` returns
 * every row and ./demo-world.ts inserts them. Who is who (and every id) is in ./demo-world-cast.ts.
 */
import type {
  BillingCycle,
  CancelSource,
  Channel,
  Cloud,
  IndirectLinkStatus,
  RelationshipRequestStatus,
  ServiceStatus,
  SubscriptionStatus,
  Term,
  TransferEffective,
  TransferKind,
  TransferLineItemStatus,
  TransferStatus,
} from '@switchyard/domain';
import { RELATIONSHIP_REQUEST_TTL_DAYS, TRANSFER_TTL_DAYS } from '@switchyard/domain';
import type * as schema from '../schema/index.js';
import { hashSecret } from '../../auth/secrets.js';
import {
  API_KEY_DEFINITIONS,
  CUSTOMER_DEFINITIONS,
  DEMO,
  demoRelationshipId,
  demoServiceId,
  OFFER_DEFINITIONS,
  PARTNER_DEFINITIONS,
  USER_DEFINITIONS,
} from './demo-world-cast.js';
import type {
  ApiKeyDefinition,
  CustomerDefinition,
  DemoApiKeyKey,
  DemoCustomerKey,
  DemoIndirectLinkKey,
  DemoOfferKey,
  DemoPartnerKey,
  DemoRelationshipRequestKey,
  DemoSubscriptionKey,
  DemoTransferKey,
  DemoUserKey,
} from './demo-world-cast.js';
import { addDays, namedUuid, startOfUtcDay } from './deterministic.js';
import { currentTermStart, defaultBillingCycle, termDates } from './subscription-terms.js';

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

export interface DemoWorldRows {
  partners: (typeof schema.partners.$inferInsert)[];
  indirectLinks: (typeof schema.indirectLinks.$inferInsert)[];
  /** Without password hashes: hashing is slow and salted, so `seedDemoWorld` adds them. */
  users: Omit<typeof schema.users.$inferInsert, 'passwordHash'>[];
  apiKeys: (typeof schema.apiKeys.$inferInsert)[];
  offers: (typeof schema.offers.$inferInsert)[];
  customers: (typeof schema.customers.$inferInsert)[];
  relationshipRequests: (typeof schema.relationshipRequests.$inferInsert)[];
  relationships: (typeof schema.relationships.$inferInsert)[];
  subscriptions: (typeof schema.subscriptions.$inferInsert)[];
  subscriptionServices: (typeof schema.subscriptionServices.$inferInsert)[];
  transfers: (typeof schema.transfers.$inferInsert)[];
  transferLineItems: (typeof schema.transferLineItems.$inferInsert)[];
}

interface SubscriptionSpec {
  key: DemoSubscriptionKey;
  customer: DemoCustomerKey;
  offer: DemoOfferKey;
  channel: Channel;
  status?: SubscriptionStatus;
  /** Seats (license-based only). */
  quantity?: number;
  /** CSP: the standard term. Subscriptions bought elsewhere carry their paperwork's dates instead. */
  term?: Term;
  termStart: Date;
  /** Bought elsewhere: the agreement's end date. */
  termEnd?: Date;
  billingCycle?: BillingCycle;
  autoRenew?: boolean;
  seller?: DemoPartnerKey;
  billingPartner?: DemoPartnerKey;
  managingPartner?: DemoPartnerKey;
  externalReference?: string;
  migratedFrom?: DemoSubscriptionKey;
  cancelledAt?: Date;
  /** When it entered Switchyard; defaults to the term start. */
  createdAt?: Date;
  /** Last change; defaults to the cancellation, else the creation. */
  updatedAt?: Date;
  services?: readonly ServiceSpec[];
}

interface ServiceSpec {
  name: string;
  status?: ServiceStatus;
  migratedTo?: DemoSubscriptionKey;
  endedAt?: Date;
}

interface LineItemSpec {
  subscription: DemoSubscriptionKey;
  status: TransferLineItemStatus;
  /** USAGE_MIGRATION: the names of the services moved. */
  services?: readonly string[];
  scheduledAt?: Date;
  failureReason?: string;
  resultSubscription?: DemoSubscriptionKey;
}

interface TransferSpec {
  key: DemoTransferKey;
  kind: TransferKind;
  customer: DemoCustomerKey;
  source?: DemoPartnerKey;
  target: DemoPartnerKey;
  sourceChannel: Channel;
  status: TransferStatus;
  effective?: TransferEffective;
  effectiveAt?: Date;
  cancelSource?: CancelSource;
  newSubscriptionDetails?: Record<string, unknown>;
  rejectionReason?: string;
  failureReason?: string;
  createdBy: DemoUserKey;
  createdAt: Date;
  updatedAt: Date;
  completedAt?: Date;
  lineItems: readonly LineItemSpec[];
}

interface RelationshipRequestSpec {
  key: DemoRelationshipRequestKey;
  partner: DemoPartnerKey;
  customer: DemoCustomerKey;
  indirectProvider?: DemoPartnerKey;
  status: RelationshipRequestStatus;
  isDelegatedAdminRequested: boolean;
  message?: string;
  createdAt: Date;
  respondedAt?: Date;
}

interface RelationshipSpec {
  partner: DemoPartnerKey;
  customer: DemoCustomerKey;
  type?: 'RESELLER' | 'INDIRECT_RESELLER' | 'INDIRECT_PROVIDER';
  indirectProvider?: DemoPartnerKey;
  request?: DemoRelationshipRequestKey;
  hasDelegatedAdmin?: boolean;
  startedAt: Date;
  terminatedAt?: Date;
}

interface IndirectLinkSpec {
  key: DemoIndirectLinkKey;
  provider: DemoPartnerKey;
  reseller: DemoPartnerKey;
  status: IndirectLinkStatus;
  invitedAt: Date;
  acceptedAt?: Date;
  revokedAt?: Date;
  updatedAt?: Date;
}

const partnerId = (key: DemoPartnerKey) => DEMO.partners[key].id;
const customerId = (key: DemoCustomerKey) => DEMO.customers[key].id;
const subscriptionId = (key: DemoSubscriptionKey) => DEMO.subscriptions[key];

function fail(message: string): never {
  throw new Error(`Demo world: ${message}`);
}

/** Every row of the demo world, with dates relative to the day of `now`. */
export function buildDemoWorld(now: Date): DemoWorldRows {
  const today = startOfUtcDay(now);
  const day = (offset: number) => addDays(today, offset);
  const monthly = (firstStart: Date) => currentTermStart(firstStart, 'P1M', today);

  // --- Partners, people, catalog ---------------------------------------------------------------
  const partners = Object.entries(PARTNER_DEFINITIONS).map(([key, partner]) => ({
    id: partnerId(key as DemoPartnerKey),
    name: partner.name,
    partnerNumber: partner.partnerNumber,
    kind: partner.kind,
    cloud: partner.cloud,
    markets: [...partner.markets],
    domain: partner.domain,
    createdAt: day(-1200),
    updatedAt: day(-1200),
  }));

  const users = Object.entries(USER_DEFINITIONS).map(([key, user]) => ({
    id: DEMO.users[key as DemoUserKey].id,
    partnerId: partnerId(user.partner),
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: day(-1000),
    updatedAt: day(-1000),
  }));

  const apiKeys = Object.entries(API_KEY_DEFINITIONS).map(
    ([key, apiKey]: [string, ApiKeyDefinition]) => ({
      id: DEMO.apiKeys[key as DemoApiKeyKey].id,
      partnerId: partnerId(apiKey.partner),
      name: apiKey.name,
      role: apiKey.role,
      displayPrefix: apiKey.secret.slice(0, 12),
      secretHash: hashSecret(apiKey.secret),
      createdByUserId: DEMO.users[apiKey.createdBy].id,
      revokedAt: apiKey.isRevoked ? day(-30) : null,
      createdAt: day(-400),
      updatedAt: apiKey.isRevoked ? day(-30) : day(-400),
    }),
  );

  const offers = Object.entries(OFFER_DEFINITIONS).map(([key, offer]) => ({
    id: DEMO.offers[key as DemoOfferKey].id,
    name: offer.name,
    sku: offer.sku,
    billingModel: offer.billingModel,
    terms: [...offer.terms],
    billingCycles: [...offer.billingCycles],
    clouds: [...offer.clouds],
    unitPrice: offer.unitPrice,
    currency: 'USD',
    createdAt: day(-1500),
    updatedAt: day(-1500),
  }));

  const customers = Object.entries(CUSTOMER_DEFINITIONS).map(
    ([key, customer]: [string, CustomerDefinition]) => {
      const known = DEMO.customers[key as DemoCustomerKey];
      return {
        id: known.id,
        tenantId: known.tenantId,
        companyName: customer.companyName,
        primaryDomain: customer.primaryDomain,
        country: customer.country,
        cloud: customer.cloud,
        isPartnerTenant: customer.isPartnerTenant,
        createdByPartnerId: customer.createdBy ? partnerId(customer.createdBy) : null,
        createdAt: day(-customer.createdDaysAgo),
        updatedAt: day(-customer.createdDaysAgo),
      };
    },
  );

  // --- Indirect links: one of each status ------------------------------------------------------
  const linkSpecs: IndirectLinkSpec[] = [
    {
      key: 'fabrikamNorthwind',
      provider: 'fabrikam',
      reseller: 'northwind',
      status: 'ACTIVE',
      invitedAt: day(-400),
      acceptedAt: day(-398),
    },
    // Suspended by Fabrikam (e.g. unpaid invoices); SUSPENDED ⇄ ACTIVE, so it can be reactivated.
    {
      key: 'fabrikamLitware',
      provider: 'fabrikam',
      reseller: 'litware',
      status: 'SUSPENDED',
      invitedAt: day(-500),
      acceptedAt: day(-499),
      updatedAt: day(-30),
    },
    // Waiting for Proseware's admin (admin@proseware.example) to accept.
    {
      key: 'fabrikamProseware',
      provider: 'fabrikam',
      reseller: 'proseware',
      status: 'INVITED',
      invitedAt: day(-3),
    },
    {
      key: 'fabrikamWoodgrove',
      provider: 'fabrikam',
      reseller: 'woodgrove',
      status: 'REVOKED',
      invitedAt: day(-300),
      acceptedAt: day(-299),
      revokedAt: day(-60),
    },
  ];
  const indirectLinks = linkSpecs.map((link) => ({
    id: DEMO.indirectLinks[link.key],
    providerId: partnerId(link.provider),
    resellerId: partnerId(link.reseller),
    status: link.status,
    invitedAt: link.invitedAt,
    acceptedAt: link.acceptedAt ?? null,
    revokedAt: link.revokedAt ?? null,
    createdAt: link.invitedAt,
    updatedAt: link.updatedAt ?? link.revokedAt ?? link.acceptedAt ?? link.invitedAt,
  }));

  // --- Relationship requests: one or more of each status ---------------------------------------
  const requestSpecs: RelationshipRequestSpec[] = [
    {
      key: 'adatumAccepted',
      partner: 'contoso',
      customer: 'adatum',
      status: 'ACCEPTED',
      isDelegatedAdminRequested: true,
      message: 'Contoso would like to support your Azure and Microsoft 365 subscriptions.',
      createdAt: day(-63),
      respondedAt: day(-60),
    },
    {
      key: 'lucernePending',
      partner: 'contoso',
      customer: 'lucerne',
      status: 'PENDING',
      isDelegatedAdminRequested: true,
      message: 'Contoso would like to manage your Azure and Microsoft 365 subscriptions.',
      createdAt: day(-5),
    },
    {
      key: 'adatumDeclinedByTailspin',
      partner: 'tailspin',
      customer: 'adatum',
      status: 'DECLINED',
      isDelegatedAdminRequested: false,
      createdAt: day(-40),
      respondedAt: day(-38),
    },
    {
      key: 'lucerneExpiredForTailspin',
      partner: 'tailspin',
      customer: 'lucerne',
      status: 'EXPIRED',
      isDelegatedAdminRequested: false,
      createdAt: day(-130),
    },
    // Sent without delegated admin by mistake, revoked, and sent again.
    {
      key: 'cohoRevoked',
      partner: 'contoso',
      customer: 'cohoWinery',
      status: 'REVOKED',
      isDelegatedAdminRequested: false,
      createdAt: day(-125),
      respondedAt: day(-124),
    },
    {
      key: 'cohoAccepted',
      partner: 'contoso',
      customer: 'cohoWinery',
      status: 'ACCEPTED',
      isDelegatedAdminRequested: true,
      createdAt: day(-123),
      respondedAt: day(-120),
    },
    {
      key: 'relecloudAccepted',
      partner: 'northwind',
      customer: 'relecloud',
      indirectProvider: 'fabrikam',
      status: 'ACCEPTED',
      isDelegatedAdminRequested: true,
      createdAt: day(-205),
      respondedAt: day(-200),
    },
    {
      key: 'vanArsdelPending',
      partner: 'northwind',
      customer: 'vanArsdel',
      indirectProvider: 'fabrikam',
      status: 'PENDING',
      isDelegatedAdminRequested: false,
      createdAt: day(-2),
    },
  ];
  const relationshipRequests = requestSpecs.map((request) => {
    const expiresAt = addDays(request.createdAt, RELATIONSHIP_REQUEST_TTL_DAYS);
    if (request.status === 'PENDING' && expiresAt.getTime() <= today.getTime())
      fail(`${request.key} is pending but expired`);
    if (request.status === 'EXPIRED' && expiresAt.getTime() > today.getTime())
      fail(`${request.key} expired in the future`);
    return {
      id: DEMO.relationshipRequests[request.key].id,
      partnerId: partnerId(request.partner),
      customerId: customerId(request.customer),
      indirectProviderId: request.indirectProvider ? partnerId(request.indirectProvider) : null,
      isDelegatedAdminRequested: request.isDelegatedAdminRequested,
      message: request.message ?? null,
      status: request.status,
      tokenHash: hashSecret(DEMO.relationshipRequests[request.key].token),
      expiresAt,
      respondedAt: request.respondedAt ?? null,
      createdAt: request.createdAt,
      updatedAt:
        request.respondedAt ?? (request.status === 'EXPIRED' ? expiresAt : request.createdAt),
    };
  });

  // --- Relationships ---------------------------------------------------------------------------
  const relationshipSpecs: RelationshipSpec[] = [
    {
      partner: 'contoso',
      customer: 'adatum',
      request: 'adatumAccepted',
      hasDelegatedAdmin: true,
      startedAt: day(-60),
    },
    { partner: 'tailspin', customer: 'wingtip', startedAt: day(-400) },
    { partner: 'contoso', customer: 'wingtip', startedAt: day(-200) },
    { partner: 'tailspin', customer: 'fourthCoffee', startedAt: day(-600) },
    { partner: 'contoso', customer: 'fourthCoffee', startedAt: day(-90) },
    { partner: 'contoso', customer: 'treyResearch', startedAt: day(-150) },
    { partner: 'tailspin', customer: 'cohoWinery', startedAt: day(-700), terminatedAt: day(-130) },
    {
      partner: 'contoso',
      customer: 'cohoWinery',
      request: 'cohoAccepted',
      hasDelegatedAdmin: true,
      startedAt: day(-120),
    },
    { partner: 'contoso', customer: 'margiesTravel', startedAt: day(-100) },
    { partner: 'contoso', customer: 'humongousInsurance', startedAt: day(-80) },
    { partner: 'contoso', customer: 'blueYonder', startedAt: day(-70) },
    { partner: 'tailspin', customer: 'alpineSkiHouse', startedAt: day(-800) },
    { partner: 'contoso', customer: 'alpineSkiHouse', startedAt: day(-300) },
    { partner: 'tailspin', customer: 'lamnaHealthcare', startedAt: day(-650) },
    { partner: 'contoso', customer: 'lamnaHealthcare', startedAt: day(-50) },
    { partner: 'tailspin', customer: 'consolidatedMessenger', startedAt: day(-850) },
    { partner: 'contoso', customer: 'consolidatedMessenger', startedAt: day(-180) },
    { partner: 'contoso', customer: 'bestForYou', startedAt: day(-25) },
    {
      partner: 'northwind',
      customer: 'relecloud',
      type: 'INDIRECT_RESELLER',
      indirectProvider: 'fabrikam',
      request: 'relecloudAccepted',
      hasDelegatedAdmin: true,
      startedAt: day(-200),
    },
    {
      partner: 'fabrikam',
      customer: 'relecloud',
      type: 'INDIRECT_PROVIDER',
      request: 'relecloudAccepted',
      startedAt: day(-200),
    },
    {
      partner: 'litware',
      customer: 'southridgeVideo',
      type: 'INDIRECT_RESELLER',
      indirectProvider: 'fabrikam',
      startedAt: day(-420),
    },
    {
      partner: 'fabrikam',
      customer: 'southridgeVideo',
      type: 'INDIRECT_PROVIDER',
      startedAt: day(-420),
    },
    { partner: 'liberty', customer: 'cityPower', startedAt: day(-420) },
    { partner: 'rheinland', customer: 'suedwerk', startedAt: day(-950) },
  ];
  const relationships = relationshipSpecs.map((relationship) => ({
    id: demoRelationshipId(relationship.partner, relationship.customer),
    partnerId: partnerId(relationship.partner),
    customerId: customerId(relationship.customer),
    type: relationship.type ?? 'RESELLER',
    indirectProviderId: relationship.indirectProvider
      ? partnerId(relationship.indirectProvider)
      : null,
    status: relationship.terminatedAt ? ('TERMINATED' as const) : ('ACTIVE' as const),
    hasDelegatedAdmin: relationship.hasDelegatedAdmin ?? false,
    requestId: relationship.request ? DEMO.relationshipRequests[relationship.request].id : null,
    startedAt: relationship.startedAt,
    terminatedAt: relationship.terminatedAt ?? null,
    createdAt: relationship.startedAt,
    updatedAt: relationship.terminatedAt ?? relationship.startedAt,
  }));

  // --- Subscriptions and their services --------------------------------------------------------
  const ALPINE_DIRECT_E3_START = day(-395);
  const alpineDirectE3End = termDates(
    ALPINE_DIRECT_E3_START,
    'P1Y',
    'DIRECT',
    'LICENSE_BASED',
  ).termEndDate;
  const CONSOLIDATED_BP_START = day(-370);
  const consolidatedBpEnd = termDates(
    CONSOLIDATED_BP_START,
    'P1Y',
    'CSP',
    'LICENSE_BASED',
  ).termEndDate;
  const LAMNA_E3_START = day(-300);
  const lamnaE3End = termDates(LAMNA_E3_START, 'P1Y', 'CSP', 'LICENSE_BASED').termEndDate;
  const HUMONGOUS_E3_START = day(-275);
  const humongousE3End = termDates(
    HUMONGOUS_E3_START,
    'P1Y',
    'THIRD_PARTY',
    'LICENSE_BASED',
  ).termEndDate;

  const subscriptionSpecs: SubscriptionSpec[] = [
    // Adatum: EA Azure (unmanaged) + direct Microsoft 365 E3 (managed by Contoso).
    {
      key: 'adatumEaAzure',
      customer: 'adatum',
      offer: 'azurePlan',
      channel: 'EA',
      termStart: day(-700),
      termEnd: day(395),
      externalReference: 'EA-71234568',
      createdAt: day(-58),
      services: [
        { name: 'Virtual Machines' },
        { name: 'Storage' },
        { name: 'SQL Database' },
        { name: 'App Service' },
        { name: 'Azure Kubernetes Service' },
      ],
    },
    {
      key: 'adatumDirectE3',
      customer: 'adatum',
      offer: 'm365E3',
      channel: 'DIRECT',
      quantity: 250,
      termStart: day(-215),
      termEnd: termDates(day(-215), 'P1Y', 'DIRECT', 'LICENSE_BASED').termEndDate,
      autoRenew: true,
      managingPartner: 'contoso',
      externalReference: 'MCA-3301-7720-ADTM',
      createdAt: day(-58),
      updatedAt: day(-55),
    },
    // Lucerne: the same shape, waiting for its administrator to accept Contoso's request.
    {
      key: 'lucerneEaAzure',
      customer: 'lucerne',
      offer: 'azurePlan',
      channel: 'EA',
      termStart: day(-380),
      termEnd: day(715),
      externalReference: 'EA-81190034',
      createdAt: day(-370),
      services: [{ name: 'Virtual Machines' }, { name: 'Storage' }, { name: 'Azure Functions' }],
    },
    {
      key: 'lucerneDirectE5',
      customer: 'lucerne',
      offer: 'm365E5',
      channel: 'DIRECT',
      quantity: 80,
      termStart: day(-100),
      termEnd: termDates(day(-100), 'P1Y', 'DIRECT', 'LICENSE_BASED').termEndDate,
      autoRenew: true,
      externalReference: 'MCA-4410-0931-LUCP',
      createdAt: day(-95),
    },
    // Wingtip: Azure CSP from Tailspin; Contoso can switch it (usage-based moves at once).
    {
      key: 'wingtipCspAzure',
      customer: 'wingtip',
      offer: 'azurePlan',
      channel: 'CSP',
      seller: 'tailspin',
      termStart: monthly(day(-380)),
      createdAt: day(-380),
      services: [
        { name: 'Virtual Machines' },
        { name: 'Storage' },
        { name: 'App Service' },
        { name: 'Azure Monitor' },
      ],
    },
    {
      key: 'wingtipCspBusinessPremium',
      customer: 'wingtip',
      offer: 'm365BusinessPremium',
      channel: 'CSP',
      seller: 'tailspin',
      quantity: 35,
      term: 'P1M',
      termStart: monthly(day(-390)),
      createdAt: day(-390),
    },
    // Fourth Coffee: annual licenses from Tailspin, four months before the term ends.
    {
      key: 'fourthCoffeeCspE5',
      customer: 'fourthCoffee',
      offer: 'm365E5',
      channel: 'CSP',
      seller: 'tailspin',
      quantity: 120,
      term: 'P1Y',
      termStart: day(-243),
      createdAt: day(-590),
    },
    // Trey Research (a partner tenant): bought direct, visible to Contoso, untouchable by CSP.
    {
      key: 'treyDirectAzure',
      customer: 'treyResearch',
      offer: 'azurePlan',
      channel: 'DIRECT',
      termStart: day(-300),
      termEnd: day(430),
      externalReference: 'MCA-1188-2045-TREY',
      createdAt: day(-140),
      services: [{ name: 'Virtual Machines' }, { name: 'Storage' }],
    },
    {
      key: 'treyDirectBusinessPremium',
      customer: 'treyResearch',
      offer: 'm365BusinessPremium',
      channel: 'DIRECT',
      quantity: 15,
      termStart: day(-60),
      termEnd: termDates(day(-60), 'P1Y', 'DIRECT', 'LICENSE_BASED').termEndDate,
      autoRenew: true,
      externalReference: 'MCA-1188-2046-TREY',
      createdAt: day(-55),
    },
    // Coho Winery: Open; two Azure services migrated to CSP, the rest still on Open.
    {
      key: 'cohoOpenAzure',
      customer: 'cohoWinery',
      offer: 'azurePlan',
      channel: 'OPEN',
      termStart: day(-900),
      termEnd: day(195),
      externalReference: 'OPEN-V8812345',
      managingPartner: 'contoso',
      createdAt: day(-118),
      updatedAt: day(-30),
      services: [
        {
          name: 'Virtual Machines',
          status: 'MIGRATED',
          migratedTo: 'cohoCspAzure',
          endedAt: day(-30),
        },
        { name: 'Storage', status: 'MIGRATED', migratedTo: 'cohoCspAzure', endedAt: day(-30) },
        { name: 'Azure Cosmos DB', status: 'CANCELLED', endedAt: day(-200) },
        { name: 'Azure Functions' },
        { name: 'Azure Monitor' },
      ],
    },
    {
      key: 'cohoOpenBusinessBasic',
      customer: 'cohoWinery',
      offer: 'm365BusinessBasic',
      channel: 'OPEN',
      quantity: 40,
      termStart: day(-300),
      termEnd: termDates(day(-300), 'P1Y', 'OPEN', 'LICENSE_BASED').termEndDate,
      autoRenew: true,
      externalReference: 'OPEN-V8812346',
      createdAt: day(-118),
    },
    {
      key: 'cohoCspAzure',
      customer: 'cohoWinery',
      offer: 'azurePlan',
      channel: 'CSP',
      seller: 'contoso',
      termStart: monthly(day(-30)),
      migratedFrom: 'cohoOpenAzure',
      createdAt: day(-30),
      services: [{ name: 'Virtual Machines' }, { name: 'Storage' }],
    },
    // Margie's Travel: Advisor Azure migrated entirely (source cancelled); Advisor licenses remain.
    {
      key: 'margiesAdvisorAzure',
      customer: 'margiesTravel',
      offer: 'azurePlan',
      channel: 'ADVISOR',
      status: 'CANCELLED',
      termStart: day(-500),
      termEnd: day(230),
      externalReference: 'ADV-2207-5518',
      cancelledAt: day(-45),
      createdAt: day(-95),
      services: [
        {
          name: 'Virtual Machines',
          status: 'MIGRATED',
          migratedTo: 'margiesCspAzure',
          endedAt: day(-45),
        },
        {
          name: 'App Service',
          status: 'MIGRATED',
          migratedTo: 'margiesCspAzure',
          endedAt: day(-45),
        },
      ],
    },
    {
      key: 'margiesCspAzure',
      customer: 'margiesTravel',
      offer: 'azurePlan',
      channel: 'CSP',
      seller: 'contoso',
      termStart: monthly(day(-45)),
      migratedFrom: 'margiesAdvisorAzure',
      createdAt: day(-45),
      services: [{ name: 'Virtual Machines' }, { name: 'App Service' }],
    },
    {
      key: 'margiesAdvisorBusinessPremium',
      customer: 'margiesTravel',
      offer: 'm365BusinessPremium',
      channel: 'ADVISOR',
      quantity: 22,
      termStart: day(-150),
      termEnd: termDates(day(-150), 'P1Y', 'ADVISOR', 'LICENSE_BASED').termEndDate,
      autoRenew: true,
      externalReference: 'ADV-2207-5519',
      createdAt: day(-95),
    },
    // Humongous Insurance: third party; the licenses are scheduled to transition to Contoso.
    {
      key: 'humongousThirdPartyE3',
      customer: 'humongousInsurance',
      offer: 'm365E3',
      channel: 'THIRD_PARTY',
      quantity: 400,
      termStart: HUMONGOUS_E3_START,
      termEnd: humongousE3End,
      // A license transition turns the source's auto-renew off at once.
      autoRenew: false,
      managingPartner: 'contoso',
      externalReference: 'TP-BELLOWS-009931',
      createdAt: day(-78),
      updatedAt: day(-10),
    },
    {
      key: 'humongousThirdPartyAzure',
      customer: 'humongousInsurance',
      offer: 'azurePlan',
      channel: 'THIRD_PARTY',
      termStart: day(-200),
      termEnd: day(165),
      externalReference: 'TP-BELLOWS-009932',
      createdAt: day(-78),
      services: [{ name: 'Virtual Machines' }, { name: 'SQL Database' }, { name: 'Storage' }],
    },
    // Blue Yonder: Syndication, which nobody can manage or move.
    {
      key: 'blueYonderSyndicationE3',
      customer: 'blueYonder',
      offer: 'm365E3',
      channel: 'SYNDICATION',
      quantity: 600,
      termStart: day(-30),
      termEnd: termDates(day(-30), 'P1Y', 'SYNDICATION', 'LICENSE_BASED').termEndDate,
      autoRenew: true,
      externalReference: 'SYN-88-440122',
      createdAt: day(-65),
    },
    {
      key: 'blueYonderSyndicationAzure',
      customer: 'blueYonder',
      offer: 'azurePlan',
      channel: 'SYNDICATION',
      termStart: day(-150),
      termEnd: day(215),
      externalReference: 'SYN-88-440123',
      createdAt: day(-65),
      services: [{ name: 'Virtual Machines' }, { name: 'Storage' }],
    },
    // Alpine Ski House: Contoso's history of completed and failed moves.
    {
      key: 'alpineCspAzureProduction',
      customer: 'alpineSkiHouse',
      offer: 'azurePlan',
      channel: 'CSP',
      // Switched from Tailspin in place: same subscription, new seller.
      seller: 'contoso',
      termStart: monthly(day(-780)),
      createdAt: day(-780),
      updatedAt: day(-70),
      services: [{ name: 'Virtual Machines' }, { name: 'SQL Database' }, { name: 'Storage' }],
    },
    {
      key: 'alpineCspAzureDevTest',
      customer: 'alpineSkiHouse',
      offer: 'azurePlan',
      channel: 'CSP',
      seller: 'tailspin',
      termStart: monthly(day(-500)),
      createdAt: day(-500),
      services: [{ name: 'Virtual Machines' }, { name: 'DevTest Labs' }],
    },
    {
      key: 'alpineDirectE3',
      customer: 'alpineSkiHouse',
      offer: 'm365E3',
      channel: 'DIRECT',
      status: 'EXPIRED',
      quantity: 150,
      termStart: ALPINE_DIRECT_E3_START,
      termEnd: alpineDirectE3End,
      autoRenew: false,
      managingPartner: 'contoso',
      externalReference: 'MCA-7730-1200-ALPN',
      createdAt: day(-290),
      updatedAt: alpineDirectE3End,
    },
    {
      key: 'alpineCspE3',
      customer: 'alpineSkiHouse',
      offer: 'm365E3',
      channel: 'CSP',
      seller: 'contoso',
      quantity: 150,
      term: 'P1Y',
      termStart: alpineDirectE3End,
      migratedFrom: 'alpineDirectE3',
    },
    {
      key: 'alpineCspDynamics',
      customer: 'alpineSkiHouse',
      offer: 'dynamics365Sales',
      channel: 'CSP',
      seller: 'contoso',
      status: 'SUSPENDED',
      quantity: 12,
      term: 'P1Y',
      termStart: day(-100),
      billingCycle: 'MONTHLY',
      // Suspending turns auto-renew off (PC).
      autoRenew: false,
      updatedAt: day(-6),
    },
    {
      key: 'alpineCspE5',
      customer: 'alpineSkiHouse',
      offer: 'm365E5',
      channel: 'CSP',
      seller: 'contoso',
      status: 'PENDING',
      quantity: 25,
      term: 'P1M',
      termStart: today,
    },
    // Lamna Healthcare: both of its Tailspin subscriptions are in open transfers to Contoso.
    {
      key: 'lamnaCspAzure',
      customer: 'lamnaHealthcare',
      offer: 'azurePlan',
      channel: 'CSP',
      seller: 'tailspin',
      termStart: monthly(day(-640)),
      createdAt: day(-640),
      services: [
        { name: 'Virtual Machines' },
        { name: 'Storage' },
        { name: 'Azure Virtual Desktop' },
      ],
    },
    {
      key: 'lamnaCspE3',
      customer: 'lamnaHealthcare',
      offer: 'm365E3',
      channel: 'CSP',
      seller: 'tailspin',
      quantity: 300,
      term: 'P1Y',
      termStart: LAMNA_E3_START,
      createdAt: day(-640),
    },
    // Consolidated Messenger: suspended before its term end, so it expired and the switch failed.
    {
      key: 'consolidatedCspBusinessPremium',
      customer: 'consolidatedMessenger',
      offer: 'm365BusinessPremium',
      channel: 'CSP',
      seller: 'tailspin',
      status: 'EXPIRED',
      quantity: 60,
      term: 'P1Y',
      termStart: CONSOLIDATED_BP_START,
      autoRenew: false,
      createdAt: day(-800),
      updatedAt: consolidatedBpEnd,
    },
    {
      key: 'consolidatedCspAzure',
      customer: 'consolidatedMessenger',
      offer: 'azurePlan',
      channel: 'CSP',
      seller: 'tailspin',
      termStart: monthly(day(-820)),
      createdAt: day(-820),
      services: [{ name: 'Virtual Machines' }, { name: 'Storage' }],
    },
    // Best For You Organics: Contoso's own customer; the cancellation window is still open.
    {
      key: 'bestForYouCspBusinessPremium',
      customer: 'bestForYou',
      offer: 'm365BusinessPremium',
      channel: 'CSP',
      seller: 'contoso',
      quantity: 18,
      term: 'P1Y',
      billingCycle: 'MONTHLY',
      termStart: day(-3),
    },
    {
      key: 'bestForYouCspAzure',
      customer: 'bestForYou',
      offer: 'azurePlan',
      channel: 'CSP',
      seller: 'contoso',
      termStart: monthly(day(-24)),
      createdAt: day(-24),
      services: [{ name: 'App Service' }, { name: 'Storage' }, { name: 'Azure Functions' }],
    },
    {
      key: 'bestForYouCspBusinessBasic',
      customer: 'bestForYou',
      offer: 'm365BusinessBasic',
      channel: 'CSP',
      seller: 'contoso',
      status: 'CANCELLED',
      quantity: 5,
      term: 'P1M',
      termStart: day(-20),
      autoRenew: false,
      cancelledAt: day(-15),
    },
    // Relecloud: sold by Northwind, billed by Fabrikam.
    {
      key: 'relecloudCspBusinessPremium',
      customer: 'relecloud',
      offer: 'm365BusinessPremium',
      channel: 'CSP',
      seller: 'northwind',
      billingPartner: 'fabrikam',
      quantity: 45,
      term: 'P1Y',
      termStart: day(-190),
    },
    {
      key: 'relecloudCspAzure',
      customer: 'relecloud',
      offer: 'azurePlan',
      channel: 'CSP',
      seller: 'northwind',
      billingPartner: 'fabrikam',
      termStart: monthly(day(-190)),
      createdAt: day(-190),
      services: [{ name: 'Virtual Machines' }, { name: 'Storage' }],
    },
    {
      key: 'vanArsdelDirectE3',
      customer: 'vanArsdel',
      offer: 'm365E3',
      channel: 'DIRECT',
      quantity: 90,
      termStart: day(-30),
      termEnd: termDates(day(-30), 'P1Y', 'DIRECT', 'LICENSE_BASED').termEndDate,
      autoRenew: true,
      externalReference: 'MCA-5521-0087-VANA',
      createdAt: day(-30),
    },
    {
      key: 'southridgeCspE3',
      customer: 'southridgeVideo',
      offer: 'm365E3',
      channel: 'CSP',
      seller: 'litware',
      billingPartner: 'fabrikam',
      quantity: 30,
      term: 'P1Y',
      termStart: day(-100),
      createdAt: day(-410),
    },
    // City Power & Light (US Government).
    {
      key: 'cityPowerCspG3',
      customer: 'cityPower',
      offer: 'm365G3',
      channel: 'CSP',
      seller: 'liberty',
      quantity: 500,
      term: 'P3Y',
      billingCycle: 'TRIENNIAL',
      termStart: day(-400),
    },
    {
      key: 'cityPowerCspAzure',
      customer: 'cityPower',
      offer: 'azurePlan',
      channel: 'CSP',
      seller: 'liberty',
      termStart: monthly(day(-400)),
      createdAt: day(-400),
      services: [{ name: 'Virtual Machines' }, { name: 'Storage' }, { name: 'Key Vault' }],
    },
    {
      key: 'cityPowerEaAzure',
      customer: 'cityPower',
      offer: 'azurePlan',
      channel: 'EA',
      termStart: day(-600),
      termEnd: day(495),
      externalReference: 'EA-GOV-5520019',
      createdAt: day(-380),
      services: [{ name: 'Virtual Machines' }, { name: 'SQL Database' }],
    },
    // Südwerk (Germany).
    {
      key: 'suedwerkCspE3',
      customer: 'suedwerk',
      offer: 'm365E3',
      channel: 'CSP',
      seller: 'rheinland',
      quantity: 220,
      term: 'P1Y',
      termStart: day(-200),
      createdAt: day(-930),
    },
    {
      key: 'suedwerkCspAzure',
      customer: 'suedwerk',
      offer: 'azurePlan',
      channel: 'CSP',
      seller: 'rheinland',
      termStart: monthly(day(-930)),
      createdAt: day(-930),
      services: [{ name: 'Virtual Machines' }, { name: 'Storage' }],
    },
  ];

  const subscriptions = subscriptionSpecs.map((spec) => subscriptionRow(spec));
  const subscriptionServices = subscriptionSpecs.flatMap((spec) =>
    (spec.services ?? []).map((service) => {
      const status = service.status ?? 'ACTIVE';
      const createdAt = spec.createdAt ?? spec.termStart;
      return {
        id: demoServiceId(spec.key, service.name),
        subscriptionId: subscriptionId(spec.key),
        name: service.name,
        status,
        migratedToSubscriptionId: service.migratedTo ? subscriptionId(service.migratedTo) : null,
        endedAt: service.endedAt ?? null,
        createdAt,
        updatedAt: service.endedAt ?? createdAt,
      };
    }),
  );

  // --- Transfers: every kind and every status ---------------------------------------------------
  /** What `transferCreate` records of a usage migration's new subscription, as entered then. */
  const migrationDetails = (source: DemoSubscriptionKey, result: DemoSubscriptionKey, at: Date) => {
    const created = subscriptions.find((row) => row.id === subscriptionId(result));
    if (!created) fail(`no subscription ${result}`);
    const dates = termDates(at, 'P1M', 'CSP', 'USAGE_BASED');
    return {
      offerId: created.offerId,
      term: 'P1M',
      billingCycle: 'MONTHLY',
      autoRenew: true,
      termStart: dates.termStartDate.toISOString(),
      termEnd: dates.termEndDate.toISOString(),
      cancellationAllowedUntil: null,
      sellerPartnerId: created.sellerPartnerId,
      billingPartnerId: created.billingPartnerId,
      managingPartnerId: created.managingPartnerId,
      migratedFromSubscriptionId: subscriptionId(source),
    };
  };
  const transferSpecs: TransferSpec[] = [
    {
      key: 'wingtipSwitchRejected',
      kind: 'PARTNER_SWITCH',
      customer: 'wingtip',
      source: 'tailspin',
      target: 'contoso',
      sourceChannel: 'CSP',
      status: 'REJECTED',
      rejectionReason:
        'The customer renewed its managed-services contract with Tailspin until the end of the year.',
      createdBy: 'contosoAgent',
      createdAt: day(-40),
      updatedAt: day(-38),
      lineItems: [{ subscription: 'wingtipCspAzure', status: 'CANCELLED' }],
    },
    {
      key: 'fourthCoffeeSwitchCancelled',
      kind: 'PARTNER_SWITCH',
      customer: 'fourthCoffee',
      source: 'tailspin',
      target: 'contoso',
      sourceChannel: 'CSP',
      status: 'CANCELLED',
      effective: 'AT_TERM_END',
      createdBy: 'contosoSales',
      createdAt: day(-20),
      updatedAt: day(-18),
      lineItems: [{ subscription: 'fourthCoffeeCspE5', status: 'CANCELLED' }],
    },
    {
      key: 'cohoMigrationCompleted',
      kind: 'USAGE_MIGRATION',
      customer: 'cohoWinery',
      target: 'contoso',
      sourceChannel: 'OPEN',
      status: 'COMPLETED',
      effectiveAt: day(-30),
      cancelSource: 'SERVICES',
      newSubscriptionDetails: migrationDetails('cohoOpenAzure', 'cohoCspAzure', day(-30)),
      createdBy: 'contosoAgent',
      createdAt: day(-30),
      updatedAt: day(-30),
      completedAt: day(-30),
      lineItems: [
        {
          subscription: 'cohoOpenAzure',
          status: 'COMPLETED',
          services: ['Virtual Machines', 'Storage'],
          resultSubscription: 'cohoCspAzure',
        },
      ],
    },
    {
      key: 'margiesMigrationCompleted',
      kind: 'USAGE_MIGRATION',
      customer: 'margiesTravel',
      target: 'contoso',
      sourceChannel: 'ADVISOR',
      status: 'COMPLETED',
      effectiveAt: day(-45),
      cancelSource: 'ENTIRE',
      newSubscriptionDetails: migrationDetails('margiesAdvisorAzure', 'margiesCspAzure', day(-45)),
      createdBy: 'contosoAdmin',
      createdAt: day(-45),
      updatedAt: day(-45),
      completedAt: day(-45),
      lineItems: [
        {
          subscription: 'margiesAdvisorAzure',
          status: 'COMPLETED',
          services: ['Virtual Machines', 'App Service'],
          resultSubscription: 'margiesCspAzure',
        },
      ],
    },
    {
      key: 'humongousTransitionScheduled',
      kind: 'LICENSE_TRANSITION',
      customer: 'humongousInsurance',
      target: 'contoso',
      sourceChannel: 'THIRD_PARTY',
      status: 'SCHEDULED',
      effective: 'AT_TERM_END',
      effectiveAt: humongousE3End,
      createdBy: 'contosoAgent',
      createdAt: day(-10),
      updatedAt: day(-10),
      lineItems: [
        { subscription: 'humongousThirdPartyE3', status: 'SCHEDULED', scheduledAt: humongousE3End },
      ],
    },
    {
      key: 'alpineSwitchCompleted',
      kind: 'PARTNER_SWITCH',
      customer: 'alpineSkiHouse',
      source: 'tailspin',
      target: 'contoso',
      sourceChannel: 'CSP',
      status: 'COMPLETED',
      effectiveAt: day(-70),
      createdBy: 'contosoAgent',
      createdAt: day(-75),
      updatedAt: day(-70),
      completedAt: day(-70),
      lineItems: [
        // A partner switch moves the subscription in place: the result is the same subscription.
        {
          subscription: 'alpineCspAzureProduction',
          status: 'COMPLETED',
          resultSubscription: 'alpineCspAzureProduction',
        },
        { subscription: 'alpineCspAzureDevTest', status: 'DESELECTED' },
      ],
    },
    {
      key: 'alpineSwitchExpired',
      kind: 'PARTNER_SWITCH',
      customer: 'alpineSkiHouse',
      source: 'contoso',
      target: 'tailspin',
      sourceChannel: 'CSP',
      status: 'EXPIRED',
      createdBy: 'tailspinAdmin',
      createdAt: day(-50),
      updatedAt: day(-50 + TRANSFER_TTL_DAYS),
      lineItems: [{ subscription: 'alpineCspAzureProduction', status: 'CANCELLED' }],
    },
    {
      key: 'alpineTransitionCompleted',
      kind: 'LICENSE_TRANSITION',
      customer: 'alpineSkiHouse',
      target: 'contoso',
      sourceChannel: 'DIRECT',
      status: 'COMPLETED',
      effective: 'AT_TERM_END',
      effectiveAt: alpineDirectE3End,
      createdBy: 'contosoAgent',
      createdAt: day(-120),
      updatedAt: alpineDirectE3End,
      completedAt: alpineDirectE3End,
      lineItems: [
        {
          subscription: 'alpineDirectE3',
          status: 'COMPLETED',
          scheduledAt: alpineDirectE3End,
          resultSubscription: 'alpineCspE3',
        },
      ],
    },
    {
      key: 'lamnaSwitchPending',
      kind: 'PARTNER_SWITCH',
      customer: 'lamnaHealthcare',
      source: 'tailspin',
      target: 'contoso',
      sourceChannel: 'CSP',
      status: 'PENDING',
      createdBy: 'contosoAgent',
      createdAt: day(-3),
      updatedAt: day(-3),
      lineItems: [{ subscription: 'lamnaCspAzure', status: 'PENDING' }],
    },
    {
      key: 'lamnaSwitchScheduled',
      kind: 'PARTNER_SWITCH',
      customer: 'lamnaHealthcare',
      source: 'tailspin',
      target: 'contoso',
      sourceChannel: 'CSP',
      status: 'SCHEDULED',
      effective: 'AT_TERM_END',
      effectiveAt: lamnaE3End,
      createdBy: 'contosoAgent',
      createdAt: day(-15),
      updatedAt: day(-12),
      lineItems: [{ subscription: 'lamnaCspE3', status: 'SCHEDULED', scheduledAt: lamnaE3End }],
    },
    {
      key: 'consolidatedSwitchFailed',
      kind: 'PARTNER_SWITCH',
      customer: 'consolidatedMessenger',
      source: 'tailspin',
      target: 'contoso',
      sourceChannel: 'CSP',
      status: 'FAILED',
      effective: 'AT_TERM_END',
      effectiveAt: consolidatedBpEnd,
      failureReason:
        'The subscription was suspended at its term end, so it expired instead of moving.',
      createdBy: 'contosoAgent',
      createdAt: day(-60),
      updatedAt: consolidatedBpEnd,
      lineItems: [
        {
          subscription: 'consolidatedCspBusinessPremium',
          status: 'FAILED',
          scheduledAt: consolidatedBpEnd,
          failureReason: 'SUBSCRIPTION_NOT_ACTIVE: the subscription was suspended at its term end.',
        },
      ],
    },
  ];

  const transfers = transferSpecs.map((spec) => ({
    id: DEMO.transfers[spec.key],
    kind: spec.kind,
    customerId: customerId(spec.customer),
    sourcePartnerId: spec.source ? partnerId(spec.source) : null,
    targetPartnerId: partnerId(spec.target),
    sourceChannel: spec.sourceChannel,
    status: spec.status,
    effective: spec.effective ?? 'IMMEDIATELY',
    effectiveAt: spec.effectiveAt ?? null,
    // Only a transfer that waits for the source partner's answer can expire.
    expiresAt: spec.kind === 'PARTNER_SWITCH' ? addDays(spec.createdAt, TRANSFER_TTL_DAYS) : null,
    cancelSource: spec.cancelSource ?? null,
    newSubscriptionDetails: spec.newSubscriptionDetails ?? null,
    rejectionReason: spec.rejectionReason ?? null,
    failureReason: spec.failureReason ?? null,
    createdByActorType: 'USER' as const,
    createdByActorId: DEMO.users[spec.createdBy].id,
    completedAt: spec.completedAt ?? null,
    createdAt: spec.createdAt,
    updatedAt: spec.updatedAt,
  }));
  const transferLineItems = transferSpecs.flatMap((spec) =>
    spec.lineItems.map((item) => ({
      id: namedUuid('transfer-line-item', `${spec.key}:${item.subscription}`),
      transferId: DEMO.transfers[spec.key],
      subscriptionId: subscriptionId(item.subscription),
      serviceIds: item.services
        ? item.services.map((name) => demoServiceId(item.subscription, name))
        : null,
      status: item.status,
      scheduledAt: item.scheduledAt ?? null,
      failureReason: item.failureReason ?? null,
      resultSubscriptionId: item.resultSubscription
        ? subscriptionId(item.resultSubscription)
        : null,
      createdAt: spec.createdAt,
      updatedAt: spec.updatedAt,
    })),
  );

  return {
    partners,
    indirectLinks,
    users,
    apiKeys,
    offers,
    customers,
    relationshipRequests,
    relationships,
    subscriptions,
    subscriptionServices,
    transfers,
    transferLineItems,
  };
}

/** One subscription row, with the fields the rules derive (term end, window, billing partner) derived. */
function subscriptionRow(spec: SubscriptionSpec): typeof schema.subscriptions.$inferInsert {
  const offer = OFFER_DEFINITIONS[spec.offer];
  const customer = CUSTOMER_DEFINITIONS[spec.customer];
  const billingModel = offer.billingModel;
  const status = spec.status ?? 'ACTIVE';
  const isCsp = spec.channel === 'CSP';
  if (!(offer.clouds as readonly Cloud[]).includes(customer.cloud))
    fail(`${spec.key}: ${offer.name} is not sold in ${customer.cloud}`);
  if (isCsp !== Boolean(spec.seller))
    fail(`${spec.key}: a seller is required for CSP and only for CSP`);
  if ((billingModel === 'LICENSE_BASED') !== (spec.quantity !== undefined))
    fail(`${spec.key}: seats are for license-based offers only`);
  if ((status === 'CANCELLED') !== Boolean(spec.cancelledAt))
    fail(`${spec.key}: cancelledAt goes with CANCELLED`);
  if (!isCsp && !spec.externalReference)
    fail(`${spec.key}: a subscription bought elsewhere needs its agreement number`);

  let term: Term | null;
  let dates: { termStartDate: Date; termEndDate: Date; cancellationAllowedUntil: Date | null };
  let billingCycle: BillingCycle | null;
  if (isCsp) {
    term = spec.term ?? (billingModel === 'USAGE_BASED' ? 'P1M' : 'P1Y');
    if (!(offer.terms as readonly Term[]).includes(term))
      fail(`${spec.key}: ${offer.name} has no ${term} term`);
    dates = termDates(spec.termStart, term, spec.channel, billingModel);
    billingCycle = spec.billingCycle ?? defaultBillingCycle(term, billingModel);
  } else {
    // Registered by hand from the customer's paperwork: its dates, no standard term or cycle.
    if (!spec.termEnd) fail(`${spec.key}: a subscription bought elsewhere needs its term end`);
    term = null;
    dates = {
      termStartDate: spec.termStart,
      termEndDate: spec.termEnd,
      cancellationAllowedUntil: null,
    };
    billingCycle = null;
  }
  const seller = spec.seller ? partnerId(spec.seller) : null;
  const createdAt = spec.createdAt ?? spec.termStart;
  return {
    id: subscriptionId(spec.key),
    customerId: customerId(spec.customer),
    offerId: DEMO.offers[spec.offer].id,
    channel: spec.channel,
    billingModel,
    status,
    quantity: spec.quantity ?? null,
    term,
    ...dates,
    billingCycle,
    isAutoRenewEnabled: spec.autoRenew ?? (isCsp && (status === 'ACTIVE' || status === 'PENDING')),
    sellerPartnerId: seller,
    // The seller bills its own sales; an indirect reseller's are billed by its provider.
    billingPartnerId: spec.billingPartner ? partnerId(spec.billingPartner) : seller,
    managingPartnerId: spec.managingPartner ? partnerId(spec.managingPartner) : seller,
    externalReference: spec.externalReference ?? null,
    migratedFromId: spec.migratedFrom ? subscriptionId(spec.migratedFrom) : null,
    cancelledAt: spec.cancelledAt ?? null,
    createdAt,
    updatedAt: spec.updatedAt ?? spec.cancelledAt ?? createdAt,
  };
}
