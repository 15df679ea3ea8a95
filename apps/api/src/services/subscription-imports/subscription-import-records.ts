/** What the import mutations and the import job write besides the import itself: audit entries and events. */
import type { InferSelectModel } from 'drizzle-orm';
import type { subscriptionImports } from '../../db/schema/index.js';
import type { AuditEntry, OutboxEvent } from '../mutation/audit.js';

export type SubscriptionImportRecord = InferSelectModel<typeof subscriptionImports>;

/** The import's summary, without who started it (the audit event names the actor anyway). */
function snapshot(subscriptionImport: SubscriptionImportRecord) {
  const { startedBy: _startedBy, ...summary } = subscriptionImport;
  return summary;
}

export function subscriptionImportAudit(before: SubscriptionImportRecord | null, after: SubscriptionImportRecord): AuditEntry {
  return {
    targetType: 'SubscriptionImport',
    targetIds: [after.id],
    before: before ? snapshot(before) : null,
    after: snapshot(after),
  };
}

export function subscriptionImportEvent(
  type: 'subscriptionImport.created' | 'subscriptionImport.started' | 'subscriptionImport.completed' | 'subscriptionImport.cancelled',
  subscriptionImport: SubscriptionImportRecord,
): OutboxEvent {
  return {
    type,
    aggregateType: 'SubscriptionImport',
    aggregateId: subscriptionImport.id,
    audiencePartnerIds: [subscriptionImport.partnerId],
    payload: {
      status: subscriptionImport.status,
      fileName: subscriptionImport.fileName,
      rowCount: subscriptionImport.rowCount,
      validRowCount: subscriptionImport.validRowCount,
      appliedRowCount: subscriptionImport.appliedRowCount,
      refusedRowCount: subscriptionImport.refusedRowCount,
    },
  };
}
