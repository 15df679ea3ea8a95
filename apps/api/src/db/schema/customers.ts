/** Customers (tenants) and their relationships with partners, with the requests that create them. */
import { sql } from 'drizzle-orm';
import { boolean, char, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, id, timestamps, version } from './columns.js';
import { cloudEnum, relationshipRequestStatusEnum, relationshipStatusEnum, relationshipTypeEnum } from './enums.js';
import { partners } from './partners.js';

export const customers = pgTable(
  'customers',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().unique().defaultRandom(),
    companyName: text('company_name').notNull(),
    primaryDomain: text('primary_domain').notNull(),
    country: char('country', { length: 2 }).notNull(),
    cloud: cloudEnum('cloud').notNull(),
    /** The tenant is itself a CSP partner's own tenant: no CSP partner may sell to it. */
    isPartnerTenant: boolean('is_partner_tenant').notNull().default(false),
    createdByPartnerId: uuid('created_by_partner_id').references(() => partners.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex('customers_cloud_primary_domain_key').on(t.cloud, t.primaryDomain),
    index('customers_company_name_idx').on(sql`lower(${t.companyName})`),
    index('customers_created_at_idx').on(t.createdAt),
    check('customers_primary_domain_lowercase', sql`${t.primaryDomain} = lower(${t.primaryDomain})`),
    check('customers_country_code', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const relationshipRequests = pgTable(
  'relationship_requests',
  {
    id: id(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    /** Set when an indirect reseller asks on behalf of (and names) its indirect provider. */
    indirectProviderId: uuid('indirect_provider_id').references(() => partners.id),
    isDelegatedAdminRequested: boolean('is_delegated_admin_requested').notNull().default(false),
    message: text('message'),
    status: relationshipRequestStatusEnum('status').notNull().default('PENDING'),
    /** SHA-256 of the single-use invitation token; the token itself is only in the invitation URL. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: at('expires_at').notNull(),
    respondedAt: at('responded_at'),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    // One pending request per partner and customer at a time.
    uniqueIndex('relationship_requests_one_pending_key')
      .on(t.partnerId, t.customerId)
      .where(sql`${t.status} = 'PENDING'`),
    index('relationship_requests_customer_idx').on(t.customerId),
    // A partner's requests, any status (row-level security's customer visibility asks by partner).
    index('relationship_requests_partner_idx').on(t.partnerId),
    index('relationship_requests_pending_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'PENDING'`),
  ],
);

export const relationships = pgTable(
  'relationships',
  {
    id: id(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    type: relationshipTypeEnum('type').notNull().default('RESELLER'),
    /** For an `INDIRECT_RESELLER` relationship: the provider it sells through. */
    indirectProviderId: uuid('indirect_provider_id').references(() => partners.id),
    status: relationshipStatusEnum('status').notNull().default('ACTIVE'),
    hasDelegatedAdmin: boolean('has_delegated_admin').notNull().default(false),
    requestId: uuid('request_id').references(() => relationshipRequests.id),
    startedAt: at('started_at').notNull().defaultNow(),
    terminatedAt: at('terminated_at'),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    // At most one active relationship per partner and customer.
    uniqueIndex('relationships_one_active_key')
      .on(t.partnerId, t.customerId)
      .where(sql`${t.status} = 'ACTIVE'`),
    index('relationships_customer_idx').on(t.customerId),
    // A partner's relationships, any status, and those naming it as the indirect provider
    // (row-level security and the visibility filters ask by both).
    index('relationships_partner_idx').on(t.partnerId),
    index('relationships_indirect_provider_idx').on(t.indirectProviderId).where(sql`${t.indirectProviderId} IS NOT NULL`),
    check(
      'relationships_indirect_reseller_names_provider',
      sql`(${t.type} = 'INDIRECT_RESELLER') = (${t.indirectProviderId} IS NOT NULL)`,
    ),
    check('relationships_terminated_at', sql`(${t.status} = 'TERMINATED') = (${t.terminatedAt} IS NOT NULL)`),
  ],
);
