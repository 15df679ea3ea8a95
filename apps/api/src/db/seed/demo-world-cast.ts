/**
 * Who is in the demo world (domain.md §12): its partners, people, API keys, offers and customers,
 * each customer with the story it tells, and `DEMO`, the well-known ids and names of every seeded
 * row. Ids are derived from names (`namedUuid`), so they are the same in every database, and tests,
 * the README and the admin app's e2e tests can refer to them. The rows themselves, with their
 * dates, are built by ./demo-world-data.ts.
 */
import type { BillingCycle, Cloud, PartnerKind, Role, Term } from '@switchyard/domain';
import { namedUuid } from './deterministic.js';

/** Every demo user signs in with this password. */
export const DEMO_PASSWORD = 'demo-password';

// ---------------------------------------------------------------------------------------------
// Partners, users and API keys
// ---------------------------------------------------------------------------------------------

export interface PartnerDefinition {
  name: string;
  partnerNumber: string;
  kind: PartnerKind;
  cloud: Cloud;
  markets: readonly string[];
  domain: string;
}

export const PARTNER_DEFINITIONS = {
  contoso: {
    name: 'Contoso Cloud Services',
    partnerNumber: '4100001',
    kind: 'DIRECT_PROVIDER',
    cloud: 'GLOBAL',
    markets: ['US', 'CA', 'GB', 'IE', 'NL'],
    domain: 'contoso.example',
  },
  tailspin: {
    name: 'Tailspin Managed Services',
    partnerNumber: '4100002',
    kind: 'DIRECT_PROVIDER',
    cloud: 'GLOBAL',
    markets: ['US', 'CA', 'GB'],
    domain: 'tailspin.example',
  },
  fabrikam: {
    name: 'Fabrikam Distribution',
    partnerNumber: '4200001',
    kind: 'INDIRECT_PROVIDER',
    cloud: 'GLOBAL',
    markets: ['US', 'CA', 'GB', 'DE', 'FR'],
    domain: 'fabrikam.example',
  },
  northwind: {
    name: 'Northwind IT',
    partnerNumber: '4300001',
    kind: 'INDIRECT_RESELLER',
    cloud: 'GLOBAL',
    markets: ['US', 'CA'],
    domain: 'northwind.example',
  },
  // Three more resellers of Fabrikam, so every indirect link status exists.
  litware: {
    name: 'Litware Partners',
    partnerNumber: '4300002',
    kind: 'INDIRECT_RESELLER',
    cloud: 'GLOBAL',
    markets: ['US', 'GB'],
    domain: 'litware.example',
  },
  proseware: {
    name: 'Proseware IT',
    partnerNumber: '4300003',
    kind: 'INDIRECT_RESELLER',
    cloud: 'GLOBAL',
    markets: ['US'],
    domain: 'proseware.example',
  },
  woodgrove: {
    name: 'Woodgrove IT Services',
    partnerNumber: '4300004',
    kind: 'INDIRECT_RESELLER',
    cloud: 'GLOBAL',
    markets: ['CA'],
    domain: 'woodgrove.example',
  },
  liberty: {
    name: 'Liberty Federal IT',
    partnerNumber: '510001',
    kind: 'DIRECT_PROVIDER',
    cloud: 'US_GOVERNMENT',
    markets: ['US'],
    domain: 'liberty.example',
  },
  rheinland: {
    name: 'Rheinland Cloud GmbH',
    partnerNumber: '610001',
    kind: 'DIRECT_PROVIDER',
    cloud: 'GERMANY',
    markets: ['DE', 'AT', 'CH'],
    domain: 'rheinland.example',
  },
} as const satisfies Record<string, PartnerDefinition>;

export type DemoPartnerKey = keyof typeof PARTNER_DEFINITIONS;

export interface UserDefinition {
  partner: DemoPartnerKey;
  email: string;
  name: string;
  role: Role;
}

export const USER_DEFINITIONS = {
  contosoAdmin: {
    partner: 'contoso',
    email: 'admin@contoso.example',
    name: 'Megan Bowen',
    role: 'GLOBAL_ADMIN',
  },
  contosoAgent: {
    partner: 'contoso',
    email: 'agent@contoso.example',
    name: 'Alex Wilber',
    role: 'ADMIN_AGENT',
  },
  contosoSales: {
    partner: 'contoso',
    email: 'sales@contoso.example',
    name: 'Lidia Holloway',
    role: 'SALES_AGENT',
  },
  contosoHelpdesk: {
    partner: 'contoso',
    email: 'helpdesk@contoso.example',
    name: 'Lee Gu',
    role: 'HELPDESK_AGENT',
  },
  contosoBilling: {
    partner: 'contoso',
    email: 'billing@contoso.example',
    name: 'Nestor Wilke',
    role: 'BILLING_ADMIN',
  },
  tailspinAdmin: {
    partner: 'tailspin',
    email: 'admin@tailspin.example',
    name: 'Isaiah Langer',
    role: 'GLOBAL_ADMIN',
  },
  fabrikamAdmin: {
    partner: 'fabrikam',
    email: 'admin@fabrikam.example',
    name: 'Johanna Lorenz',
    role: 'GLOBAL_ADMIN',
  },
  northwindAdmin: {
    partner: 'northwind',
    email: 'admin@northwind.example',
    name: 'Diego Siciliani',
    role: 'GLOBAL_ADMIN',
  },
  // Beyond §12: someone must be able to accept Proseware's invitation and act in the other clouds.
  prosewareAdmin: {
    partner: 'proseware',
    email: 'admin@proseware.example',
    name: 'Grady Archie',
    role: 'GLOBAL_ADMIN',
  },
  libertyAdmin: {
    partner: 'liberty',
    email: 'admin@liberty.example',
    name: 'Patti Fernandez',
    role: 'GLOBAL_ADMIN',
  },
  rheinlandAdmin: {
    partner: 'rheinland',
    email: 'admin@rheinland.example',
    name: 'Henrietta Mueller',
    role: 'GLOBAL_ADMIN',
  },
} as const satisfies Record<string, UserDefinition>;

export type DemoUserKey = keyof typeof USER_DEFINITIONS;

export interface ApiKeyDefinition {
  partner: DemoPartnerKey;
  name: string;
  secret: string;
  role: Role;
  createdBy: DemoUserKey;
  isRevoked?: boolean;
}

export const API_KEY_DEFINITIONS = {
  contoso: {
    partner: 'contoso',
    name: 'Demo integration',
    secret: 'sy_demo_contoso_0001',
    role: 'GLOBAL_ADMIN',
    createdBy: 'contosoAdmin',
  },
  tailspin: {
    partner: 'tailspin',
    name: 'Demo integration',
    secret: 'sy_demo_tailspin_0001',
    role: 'GLOBAL_ADMIN',
    createdBy: 'tailspinAdmin',
  },
  fabrikam: {
    partner: 'fabrikam',
    name: 'Demo integration',
    secret: 'sy_demo_fabrikam_0001',
    role: 'GLOBAL_ADMIN',
    createdBy: 'fabrikamAdmin',
  },
  northwind: {
    partner: 'northwind',
    name: 'Demo integration',
    secret: 'sy_demo_northwind_0001',
    role: 'GLOBAL_ADMIN',
    createdBy: 'northwindAdmin',
  },
  liberty: {
    partner: 'liberty',
    name: 'Demo integration',
    secret: 'sy_demo_liberty_0001',
    role: 'GLOBAL_ADMIN',
    createdBy: 'libertyAdmin',
  },
  rheinland: {
    partner: 'rheinland',
    name: 'Demo integration',
    secret: 'sy_demo_rheinland_0001',
    role: 'GLOBAL_ADMIN',
    createdBy: 'rheinlandAdmin',
  },
  // A revoked key, so "a revoked key is refused" can be tried without revoking a working one.
  contosoRevoked: {
    partner: 'contoso',
    name: 'Old billing export',
    secret: 'sy_demo_contoso_0000',
    role: 'BILLING_ADMIN',
    createdBy: 'contosoAdmin',
    isRevoked: true,
  },
} as const satisfies Record<string, ApiKeyDefinition>;

export type DemoApiKeyKey = keyof typeof API_KEY_DEFINITIONS;

// ---------------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------------

export interface OfferDefinition {
  name: string;
  sku: string;
  billingModel: 'LICENSE_BASED' | 'USAGE_BASED';
  terms: readonly Term[];
  billingCycles: readonly BillingCycle[];
  clouds: readonly Cloud[];
  /** Per seat and month; usage-based offers are metered. */
  unitPrice: string | null;
}

export const OFFER_DEFINITIONS = {
  m365E3: {
    name: 'Microsoft 365 E3',
    sku: 'M365-E3',
    billingModel: 'LICENSE_BASED',
    terms: ['P1M', 'P1Y', 'P3Y'],
    billingCycles: ['MONTHLY', 'ANNUAL', 'TRIENNIAL'],
    clouds: ['GLOBAL', 'GERMANY'],
    unitPrice: '36.00',
  },
  m365E5: {
    name: 'Microsoft 365 E5',
    sku: 'M365-E5',
    billingModel: 'LICENSE_BASED',
    terms: ['P1M', 'P1Y', 'P3Y'],
    billingCycles: ['MONTHLY', 'ANNUAL', 'TRIENNIAL'],
    clouds: ['GLOBAL', 'GERMANY'],
    unitPrice: '57.00',
  },
  m365BusinessPremium: {
    name: 'Microsoft 365 Business Premium',
    sku: 'M365-BP',
    billingModel: 'LICENSE_BASED',
    terms: ['P1M', 'P1Y', 'P3Y'],
    billingCycles: ['MONTHLY', 'ANNUAL', 'TRIENNIAL'],
    clouds: ['GLOBAL'],
    unitPrice: '22.00',
  },
  m365BusinessBasic: {
    name: 'Microsoft 365 Business Basic',
    sku: 'M365-BB',
    billingModel: 'LICENSE_BASED',
    terms: ['P1M', 'P1Y'],
    billingCycles: ['MONTHLY', 'ANNUAL'],
    clouds: ['GLOBAL'],
    unitPrice: '6.00',
  },
  m365G3: {
    name: 'Microsoft 365 G3',
    sku: 'M365-G3',
    billingModel: 'LICENSE_BASED',
    terms: ['P1M', 'P1Y', 'P3Y'],
    billingCycles: ['MONTHLY', 'ANNUAL', 'TRIENNIAL'],
    clouds: ['US_GOVERNMENT'],
    unitPrice: '32.00',
  },
  dynamics365Sales: {
    name: 'Dynamics 365 Sales Enterprise',
    sku: 'D365-SALES-ENT',
    billingModel: 'LICENSE_BASED',
    terms: ['P1M', 'P1Y'],
    billingCycles: ['MONTHLY', 'ANNUAL'],
    clouds: ['GLOBAL', 'US_GOVERNMENT'],
    unitPrice: '105.00',
  },
  dynamics365BusinessCentral: {
    name: 'Dynamics 365 Business Central Essentials',
    sku: 'D365-BC-ESS',
    billingModel: 'LICENSE_BASED',
    terms: ['P1M', 'P1Y'],
    billingCycles: ['MONTHLY', 'ANNUAL'],
    clouds: ['GLOBAL'],
    unitPrice: '80.00',
  },
  powerBiPro: {
    name: 'Power BI Pro',
    sku: 'PBI-PRO',
    billingModel: 'LICENSE_BASED',
    terms: ['P1M', 'P1Y'],
    billingCycles: ['MONTHLY', 'ANNUAL'],
    clouds: ['GLOBAL', 'US_GOVERNMENT', 'GERMANY'],
    unitPrice: '14.00',
  },
  // Azure is metered: one monthly billing period is its only term.
  azurePlan: {
    name: 'Azure plan',
    sku: 'AZURE-PLAN',
    billingModel: 'USAGE_BASED',
    terms: ['P1M'],
    billingCycles: ['MONTHLY'],
    clouds: ['GLOBAL', 'US_GOVERNMENT', 'GERMANY'],
    unitPrice: null,
  },
} as const satisfies Record<string, OfferDefinition>;

export type DemoOfferKey = keyof typeof OFFER_DEFINITIONS;

// ---------------------------------------------------------------------------------------------
// Customers and their stories
// ---------------------------------------------------------------------------------------------

export interface CustomerDefinition {
  companyName: string;
  primaryDomain: string;
  country: string;
  cloud: Cloud;
  isPartnerTenant: boolean;
  createdBy: DemoPartnerKey | null;
  createdDaysAgo: number;
  /** What the customer demonstrates, for the README and whoever reads the seed. */
  story: string;
}

export const CUSTOMER_DEFINITIONS = {
  // (a) §12 asks for "Azure from EA and Microsoft 365 bought direct and a pending request from
  // Contoso", and the transfer stories need Contoso to migrate that EA Azure, which takes an ACTIVE
  // relationship. A pending request and an active relationship of the same partner with the same
  // customer contradict each other (the request would fail RELATIONSHIP_ALREADY_EXISTS), so the
  // story is told by two customers with the same subscriptions: Adatum (accepted: migrate now) and
  // Lucerne (pending, with a known invitation token: accept it in the admin app, then migrate).
  adatum: {
    companyName: 'Adatum Corporation',
    primaryDomain: 'adatum.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: null,
    createdDaysAgo: 720,
    story:
      'Azure from an Enterprise Agreement (Virtual Machines, Storage, SQL Database, App Service, Azure Kubernetes Service, not managed by anyone yet) and Microsoft 365 E3 bought direct (managed by Contoso). Contoso has an ACTIVE relationship (its request was ACCEPTED), so it can take over management, migrate the EA Azure to CSP (USAGE_MIGRATION) and transition the direct licenses at term end (LICENSE_TRANSITION). Tailspin asked too and was DECLINED.',
  },
  lucerne: {
    companyName: 'Lucerne Publishing',
    primaryDomain: 'lucernepublishing.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: null,
    createdDaysAgo: 400,
    story:
      "Azure from an Enterprise Agreement and Microsoft 365 E5 bought direct, with a PENDING relationship request from Contoso (delegated admin asked). Its invitation token is DEMO.relationshipRequests.lucernePending.token: accept it on the customer page, then Contoso sees every subscription. Tailspin's earlier request EXPIRED.",
  },
  wingtip: {
    companyName: 'Wingtip Toys',
    primaryDomain: 'wingtiptoys.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: 'tailspin',
    createdDaysAgo: 400,
    story:
      "Azure CSP sold by Tailspin (usage-based, so it can switch partners at once) and Microsoft 365 Business Premium from Tailspin; active relationships with Tailspin and Contoso (multi-partner). Contoso's first switch request was REJECTED by Tailspin; Contoso can ask again.",
  },
  fourthCoffee: {
    companyName: 'Fourth Coffee',
    primaryDomain: 'fourthcoffee.onmicrosoft.com',
    country: 'CA',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: 'tailspin',
    createdDaysAgo: 600,
    story:
      'Microsoft 365 E5 CSP sold by Tailspin, four months before its annual term ends; Contoso also has an active relationship. An immediate switch by Contoso fails LICENSE_TERM_NOT_ENDED; an AT_TERM_END switch is scheduled for the term end. Contoso CANCELLED an earlier attempt.',
  },
  treyResearch: {
    companyName: 'Trey Research',
    primaryDomain: 'treyresearch.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: true,
    createdBy: 'contoso',
    createdDaysAgo: 150,
    story:
      "A CSP partner's own tenant (isPartnerTenant). Contoso added it and can see its direct Azure and Business Premium, but selling to it or migrating its subscriptions fails PARTNER_TENANT_NOT_ALLOWED.",
  },
  cohoWinery: {
    companyName: 'Coho Winery',
    primaryDomain: 'cohowinery.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: null,
    createdDaysAgo: 900,
    story:
      "Open licensing: Azure through Open and Microsoft 365 Business Basic through Open. Contoso migrated two Azure services to a new CSP subscription (USAGE_MIGRATION, cancelSource SERVICES: those services are MIGRATED, the rest keep running on Open; one was CANCELLED earlier). Contoso's first request was REVOKED, the second ACCEPTED; Tailspin's old relationship is TERMINATED.",
  },
  margiesTravel: {
    companyName: "Margie's Travel",
    primaryDomain: 'margiestravel.onmicrosoft.com',
    country: 'GB',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: null,
    createdDaysAgo: 500,
    story:
      'Advisor: its Azure through Advisor was migrated to Contoso with cancelSource ENTIRE (the source is CANCELLED, every service MIGRATED); Microsoft 365 Business Premium through Advisor still runs.',
  },
  humongousInsurance: {
    companyName: 'Humongous Insurance',
    primaryDomain: 'humongousinsurance.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: null,
    createdDaysAgo: 300,
    story:
      'Third party: Microsoft 365 E3 from a third-party reseller with a SCHEDULED LICENSE_TRANSITION to Contoso at its term end (auto-renew turned off), and third-party Azure Contoso can migrate.',
  },
  blueYonder: {
    companyName: 'Blue Yonder Airlines',
    primaryDomain: 'blueyonderairlines.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: null,
    createdDaysAgo: 200,
    story:
      'Syndication: Microsoft 365 E3 and Azure from a Syndication partner. Contoso sees them (active relationship) but can neither manage nor move them.',
  },
  alpineSkiHouse: {
    companyName: 'Alpine Ski House',
    primaryDomain: 'alpineskihouse.onmicrosoft.com',
    country: 'CA',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: 'tailspin',
    createdDaysAgo: 800,
    story:
      "Contoso's history: a COMPLETED partner switch of Tailspin's production Azure (the dev/test one was DESELECTED by Tailspin and stays with it), Tailspin's attempt to win it back EXPIRED unanswered, and a COMPLETED license transition of its direct Microsoft 365 E3 (the source EXPIRED, a CSP one took over). Contoso's Dynamics 365 is SUSPENDED (auto-renew off) and a new Microsoft 365 E5 order is PENDING.",
  },
  lamnaHealthcare: {
    companyName: 'Lamna Healthcare',
    primaryDomain: 'lamnahealthcare.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: 'tailspin',
    createdDaysAgo: 650,
    story:
      'Open transfers from Tailspin to Contoso: its Azure in a PENDING partner switch (Tailspin can accept or reject, Contoso can cancel) and its Microsoft 365 E3 in a SCHEDULED switch at its term end.',
  },
  consolidatedMessenger: {
    companyName: 'Consolidated Messenger',
    primaryDomain: 'consolidatedmessenger.onmicrosoft.com',
    country: 'GB',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: 'tailspin',
    createdDaysAgo: 850,
    story:
      "A FAILED transfer: Contoso's scheduled switch of Tailspin's Business Premium failed at term end because the subscription was suspended, so it EXPIRED instead. Its Azure from Tailspin is still active.",
  },
  bestForYou: {
    companyName: 'Best For You Organics',
    primaryDomain: 'bestforyouorganics.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: 'contoso',
    createdDaysAgo: 25,
    story:
      "Contoso's own CSP customer: Business Premium bought three days ago (inside the 7-day cancellation window: seats can go down, it can be cancelled), Azure with three services, and a Business Basic subscription CANCELLED inside its window.",
  },
  relecloud: {
    companyName: 'Relecloud',
    primaryDomain: 'relecloud.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: 'northwind',
    createdDaysAgo: 210,
    story:
      'Two-tier: Northwind sells through Fabrikam. Northwind has an INDIRECT_RESELLER relationship naming Fabrikam, Fabrikam its INDIRECT_PROVIDER relationship; Business Premium and Azure are sold by Northwind and billed by Fabrikam.',
  },
  vanArsdel: {
    companyName: 'VanArsdel Ltd.',
    primaryDomain: 'vanarsdel.onmicrosoft.com',
    country: 'CA',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: null,
    createdDaysAgo: 100,
    story:
      'A PENDING indirect relationship request from Northwind naming Fabrikam (token DEMO.relationshipRequests.vanArsdelPending.token); Microsoft 365 E3 bought direct.',
  },
  southridgeVideo: {
    companyName: 'Southridge Video',
    primaryDomain: 'southridgevideo.onmicrosoft.com',
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    createdBy: 'litware',
    createdDaysAgo: 420,
    story:
      "Sold by Litware through Fabrikam. Fabrikam has SUSPENDED Litware's link: the subscription keeps running, but Litware cannot sell through Fabrikam until it is reactivated.",
  },
  cityPower: {
    companyName: 'City Power & Light',
    primaryDomain: 'citypowerlight.onmicrosoft.us',
    country: 'US',
    cloud: 'US_GOVERNMENT',
    isPartnerTenant: false,
    createdBy: 'liberty',
    createdDaysAgo: 420,
    story:
      'US Government cloud: Microsoft 365 G3 (three-year term, triennial billing) and Azure sold by Liberty Federal IT, plus EA Azure that Liberty can migrate. Nothing here is visible to, or movable by, the GLOBAL partners (CLOUD_MISMATCH).',
  },
  suedwerk: {
    companyName: 'Südwerk Maschinenbau AG',
    primaryDomain: 'suedwerk.onmicrosoft.de',
    country: 'DE',
    cloud: 'GERMANY',
    isPartnerTenant: false,
    createdBy: 'rheinland',
    createdDaysAgo: 950,
    story:
      'Germany cloud (closed to new customers: customerCreate fails CLOUD_CLOSED): Microsoft 365 E3 and Azure sold by Rheinland Cloud GmbH.',
  },
} as const satisfies Record<string, CustomerDefinition>;

export type DemoCustomerKey = keyof typeof CUSTOMER_DEFINITIONS;

// ---------------------------------------------------------------------------------------------
// Keys of the rows built from dates (their ids are known before the dates are)
// ---------------------------------------------------------------------------------------------

const SUBSCRIPTION_KEYS = [
  'adatumEaAzure',
  'adatumDirectE3',
  'lucerneEaAzure',
  'lucerneDirectE5',
  'wingtipCspAzure',
  'wingtipCspBusinessPremium',
  'fourthCoffeeCspE5',
  'treyDirectAzure',
  'treyDirectBusinessPremium',
  'cohoOpenAzure',
  'cohoOpenBusinessBasic',
  'cohoCspAzure',
  'margiesAdvisorAzure',
  'margiesCspAzure',
  'margiesAdvisorBusinessPremium',
  'humongousThirdPartyE3',
  'humongousThirdPartyAzure',
  'blueYonderSyndicationE3',
  'blueYonderSyndicationAzure',
  'alpineCspAzureProduction',
  'alpineCspAzureDevTest',
  'alpineDirectE3',
  'alpineCspE3',
  'alpineCspDynamics',
  'alpineCspE5',
  'lamnaCspAzure',
  'lamnaCspE3',
  'consolidatedCspBusinessPremium',
  'consolidatedCspAzure',
  'bestForYouCspBusinessPremium',
  'bestForYouCspAzure',
  'bestForYouCspBusinessBasic',
  'relecloudCspBusinessPremium',
  'relecloudCspAzure',
  'vanArsdelDirectE3',
  'southridgeCspE3',
  'cityPowerCspG3',
  'cityPowerCspAzure',
  'cityPowerEaAzure',
  'suedwerkCspE3',
  'suedwerkCspAzure',
] as const;
export type DemoSubscriptionKey = (typeof SUBSCRIPTION_KEYS)[number];

const TRANSFER_KEYS = [
  'wingtipSwitchRejected',
  'fourthCoffeeSwitchCancelled',
  'cohoMigrationCompleted',
  'margiesMigrationCompleted',
  'humongousTransitionScheduled',
  'alpineSwitchCompleted',
  'alpineSwitchExpired',
  'alpineTransitionCompleted',
  'lamnaSwitchPending',
  'lamnaSwitchScheduled',
  'consolidatedSwitchFailed',
] as const;
export type DemoTransferKey = (typeof TRANSFER_KEYS)[number];

/** Invitation tokens are normally random; these are fixed so a demo can open the invitation page. */
const RELATIONSHIP_REQUEST_TOKENS = {
  adatumAccepted: 'demo-invitation-adatum-accepted',
  lucernePending: 'demo-invitation-lucerne-publishing',
  adatumDeclinedByTailspin: 'demo-invitation-adatum-tailspin',
  lucerneExpiredForTailspin: 'demo-invitation-lucerne-tailspin',
  cohoRevoked: 'demo-invitation-coho-revoked',
  cohoAccepted: 'demo-invitation-coho-accepted',
  relecloudAccepted: 'demo-invitation-relecloud-accepted',
  vanArsdelPending: 'demo-invitation-vanarsdel',
} as const;
export type DemoRelationshipRequestKey = keyof typeof RELATIONSHIP_REQUEST_TOKENS;

const INDIRECT_LINK_KEYS = [
  'fabrikamNorthwind',
  'fabrikamLitware',
  'fabrikamProseware',
  'fabrikamWoodgrove',
] as const;
export type DemoIndirectLinkKey = (typeof INDIRECT_LINK_KEYS)[number];

// ---------------------------------------------------------------------------------------------
// DEMO: the well-known ids and names
// ---------------------------------------------------------------------------------------------

const mapValues = <K extends string, V, R>(
  record: Record<K, V>,
  fn: (value: V, key: K) => R,
): Record<K, R> =>
  Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, fn(value as V, key as K)]),
  ) as Record<K, R>;

const keyedIds = <K extends string>(namespace: string, keys: readonly K[]): Record<K, string> =>
  Object.fromEntries(keys.map((key) => [key, namedUuid(namespace, key)])) as Record<K, string>;

/**
 * The demo world's well-known rows. `DEMO.partners.contoso.id`, `DEMO.apiKeys.contoso.secret`,
 * `DEMO.customers.adatum.id`, `DEMO.subscriptions.adatumEaAzure`… never change between databases.
 */
export const DEMO = {
  password: DEMO_PASSWORD,
  partners: mapValues(PARTNER_DEFINITIONS, (partner: PartnerDefinition, key) => ({
    ...partner,
    id: namedUuid('partner', key),
  })),
  users: mapValues(USER_DEFINITIONS, (user: UserDefinition, key) => ({
    ...user,
    id: namedUuid('user', key),
    partnerId: namedUuid('partner', user.partner),
    password: DEMO_PASSWORD,
  })),
  apiKeys: mapValues(API_KEY_DEFINITIONS, (apiKey: ApiKeyDefinition, key) => ({
    id: namedUuid('api-key', key),
    partner: apiKey.partner,
    partnerId: namedUuid('partner', apiKey.partner),
    name: apiKey.name,
    secret: apiKey.secret,
    role: apiKey.role,
    isRevoked: apiKey.isRevoked ?? false,
  })),
  offers: mapValues(OFFER_DEFINITIONS, (offer: OfferDefinition, key) => ({
    id: namedUuid('offer', key),
    name: offer.name,
    sku: offer.sku,
    billingModel: offer.billingModel,
    terms: offer.terms,
    clouds: offer.clouds,
  })),
  customers: mapValues(CUSTOMER_DEFINITIONS, (customer: CustomerDefinition, key) => ({
    id: namedUuid('customer', key),
    tenantId: namedUuid('tenant', key),
    companyName: customer.companyName,
    primaryDomain: customer.primaryDomain,
    country: customer.country,
    cloud: customer.cloud,
    isPartnerTenant: customer.isPartnerTenant,
    story: customer.story,
  })),
  subscriptions: keyedIds('subscription', SUBSCRIPTION_KEYS),
  transfers: keyedIds('transfer', TRANSFER_KEYS),
  relationshipRequests: mapValues(RELATIONSHIP_REQUEST_TOKENS, (token: string, key) => ({
    id: namedUuid('relationship-request', key),
    token,
  })),
  indirectLinks: keyedIds('indirect-link', INDIRECT_LINK_KEYS),
} as const;

/** The id of the relationship `partner` has (or had) with `customer`. */
export function demoRelationshipId(
  partner: DemoPartnerKey,
  customer: DemoCustomerKey,
  generation = 1,
): string {
  return namedUuid('relationship', `${partner}:${customer}:${generation}`);
}

/** The id of a seeded Azure service, by subscription and service name. */
export function demoServiceId(subscription: DemoSubscriptionKey, serviceName: string): string {
  return namedUuid('service', `${subscription}:${serviceName}`);
}
