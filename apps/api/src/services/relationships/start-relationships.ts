/**
 * Starts the `ACTIVE` relationships a plan names (the domain's `RelationshipToCreate`): on
 * `customerCreate` and on accepting a request. The acting partner's own relationship is a plain
 * insert; the partial unique index "one active relationship per partner and customer" is the
 * backstop when two requests race past the rule's check (RELATIONSHIP_ALREADY_EXISTS,
 * database-errors.ts). An indirect reseller's provider gets its relationship on its behalf
 * (`actAsPartner`: row-level security lets a partner write only its own rows), and only if it has
 * none yet — which the reseller cannot see, so the insert itself skips an existing one.
 */
import type { RelationshipToCreate } from '@switchyard/domain';
import { sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { actAsPartner } from '../../db/partner-switch.js';
import { relationships } from '../../db/schema/index.js';
import type { RelationshipRow } from './relationship-events.js';

export async function startRelationships(
  tx: AppTransaction,
  planned: readonly RelationshipToCreate[],
  options: {
    now: Date;
    /** The partner the request acts for. */
    actingPartnerId: string;
    /** The accepted request the relationships come from. */
    requestId?: string;
    /** The partner granted delegated admin access: the one that asked for it, not the provider beside it. */
    delegatedAdminPartnerId?: string;
  },
): Promise<RelationshipRow[]> {
  const started: RelationshipRow[] = [];
  for (const relationship of planned) {
    const values = {
      partnerId: relationship.partnerId,
      customerId: relationship.customerId,
      type: relationship.type,
      indirectProviderId: relationship.indirectProviderId,
      status: 'ACTIVE' as const,
      hasDelegatedAdmin: relationship.partnerId === options.delegatedAdminPartnerId,
      requestId: options.requestId ?? null,
      startedAt: options.now,
      createdAt: options.now,
      updatedAt: options.now,
    };
    const rows =
      relationship.partnerId === options.actingPartnerId
        ? await tx.insert(relationships).values(values).returning()
        : await actAsPartner(tx, relationship.partnerId, options.actingPartnerId, (savepoint) =>
            savepoint
              .insert(relationships)
              .values(values)
              .onConflictDoNothing({
                target: [relationships.partnerId, relationships.customerId],
                where: sql`status = 'ACTIVE'`,
              })
              .returning(),
          );
    started.push(...rows);
  }
  return started;
}
