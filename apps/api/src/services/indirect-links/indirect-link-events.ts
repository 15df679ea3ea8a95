/**
 * Outbox events of indirect links (domain.md §2, §8): a link is seen by its two parties, the
 * provider and the reseller, and both hear of every move.
 */
import type { indirectLinks } from '../../db/schema/index.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import type { OutboxEvent } from '../mutation/audit.js';

export type IndirectLinkRow = typeof indirectLinks.$inferSelect;

export type IndirectLinkEventType =
  | 'indirectLink.invited'
  | 'indirectLink.accepted'
  | 'indirectLink.suspended'
  | 'indirectLink.reactivated'
  | 'indirectLink.revoked';

export function indirectLinkEvent(
  type: IndirectLinkEventType,
  link: IndirectLinkRow,
  details: Record<string, unknown> = {},
): OutboxEvent {
  return {
    type,
    aggregateType: 'IndirectLink',
    aggregateId: link.id,
    audiencePartnerIds: [link.providerId, link.resellerId],
    payload: {
      indirectLinkId: encodeGlobalId('IndirectLink', link.id),
      providerId: encodeGlobalId('Partner', link.providerId),
      resellerId: encodeGlobalId('Partner', link.resellerId),
      status: link.status,
      version: link.version,
      ...details,
    },
  };
}
