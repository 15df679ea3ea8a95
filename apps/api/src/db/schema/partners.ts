/** Partners (organisations using Switchyard) and the two-tier indirect links between them. */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { at, id, timestamps, version } from './columns.js';
import { cloudEnum, indirectLinkStatusEnum, partnerKindEnum } from './enums.js';

export const partners = pgTable(
  'partners',
  {
    id: id(),
    name: text('name').notNull(),
    partnerNumber: varchar('partner_number', { length: 7 }).notNull().unique(),
    kind: partnerKindEnum('kind').notNull(),
    cloud: cloudEnum('cloud').notNull(),
    /** ISO 3166 alpha-2 codes of the countries the partner may sell in. */
    markets: text('markets').array().notNull().default(sql`'{}'::text[]`),
    domain: text('domain').notNull(),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    check('partners_partner_number_digits', sql`${t.partnerNumber} ~ '^[0-9]{6,7}$'`),
    index('partners_cloud_idx').on(t.cloud),
  ],
);

export const indirectLinks = pgTable(
  'indirect_links',
  {
    id: id(),
    providerId: uuid('provider_id').notNull().references(() => partners.id),
    resellerId: uuid('reseller_id').notNull().references(() => partners.id),
    status: indirectLinkStatusEnum('status').notNull().default('INVITED'),
    invitedAt: at('invited_at').notNull().defaultNow(),
    acceptedAt: at('accepted_at'),
    revokedAt: at('revoked_at'),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    // One live link per provider and reseller; a revoked one is history, and the provider may invite again.
    uniqueIndex('indirect_links_provider_reseller_key')
      .on(t.providerId, t.resellerId)
      .where(sql`${t.status} <> 'REVOKED'`),
    index('indirect_links_reseller_idx').on(t.resellerId),
    check('indirect_links_distinct_parties', sql`${t.providerId} <> ${t.resellerId}`),
  ],
);
