/**
 * Factories and probes for the customer, relationship and indirect link tests: a partner with one
 * user of a given role (the usual actor of a test), and what a mutation left behind — its audit
 * events and outbox events — read on the root database, where no row-level security applies.
 *
 *   const contoso = await partnerWithUser(db, { role: 'SALES_AGENT', markets: ['US'] });
 *   await execute(CREATE, { input }, { as: asUser(contoso.user) });
 *   expect(await auditEventsOf(db, contoso.partner.id)).toHaveLength(1);
 */
import type { Role } from '@switchyard/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/client.js';
import { auditEvents, outboxEvents } from '../db/schema/index.js';
import type { partners } from '../db/schema/index.js';
import { seedPartner } from '../db/seed/factories.js';
import { createUser } from './factories.js';

export async function partnerWithUser(
  db: AppDatabase,
  options: Partial<typeof partners.$inferInsert> & { role?: Role } = {},
) {
  const { role = 'GLOBAL_ADMIN', ...overrides } = options;
  const partner = await seedPartner(db, overrides);
  const user = await createUser(db, { partnerId: partner.id, role });
  return { partner, user };
}

/** The partner's audit events, oldest first (optionally of one operation). */
export function auditEventsOf(db: AppDatabase, partnerId: string, operation?: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, partnerId), operation ? eq(auditEvents.operation, operation) : undefined))
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
}

/** Outbox events about one object (aggregate id), in commit order. */
export function outboxEventsAbout(db: AppDatabase, aggregateId: string) {
  return db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, aggregateId)).orderBy(asc(outboxEvents.sequence));
}

/** Outbox events whose audience includes the partner, in commit order. */
export function outboxEventsFor(db: AppDatabase, partnerId: string) {
  return db
    .select()
    .from(outboxEvents)
    .where(sql`${partnerId}::uuid = any(${outboxEvents.audiencePartnerIds})`)
    .orderBy(asc(outboxEvents.sequence));
}
