/**
 * AuditEvent (domain.md §9): what every committed mutation wrote — who acted, the operation, its
 * targets, the object before and after, the request id and the Idempotency-Key. Append-only; the
 * caller sees its own organisation's events. The `auditEvents` query lives here.
 */
import { builder } from '../../builder.js';
import { ActorTypeEnum } from '../enums.js';
import { encodeGlobalId } from '../global-id.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { visibleAuditEventIds } from './visibility.js';

/**
 * Target types whose ids become global ids (the ones `node` resolves). The first target id is of
 * `targetType`; mutations list related ids after it (e.g. the customer of a relationship request),
 * and those are given raw, since the event does not say their type.
 */
const NODE_TARGET_TYPES = new Set([
  'Customer',
  'Subscription',
  'SubscriptionService',
  'Relationship',
  'RelationshipRequest',
  'Transfer',
  'IndirectLink',
  'Partner',
  'User',
  'ApiKey',
  'Offer',
]);

export const AuditEvent = builder.drizzleNode('auditEvents', {
  name: 'AuditEvent',
  description: 'One committed change, as the audit log recorded it. Kept at least 180 days; never changed or deleted.',
  id: { column: (event) => event.id },
  fields: (t) => ({
    actorType: t.expose('actorType', {
      type: ActorTypeEnum,
      description: 'USER, API_KEY, SYSTEM (the background job) or CUSTOMER (an administrator answering an invitation).',
    }),
    actorId: t.string({
      nullable: true,
      description: 'The global id of the user or API key that acted; null for the system and customers.',
      select: { columns: { actorType: true, actorId: true } },
      resolve: (event) => {
        if (!event.actorId) return null;
        if (event.actorType === 'USER') return encodeGlobalId('User', event.actorId);
        if (event.actorType === 'API_KEY') return encodeGlobalId('ApiKey', event.actorId);
        return null;
      },
    }),
    actorLabel: t.exposeString('actorLabel', {
      description: 'The user’s email or the API key’s name at the time, so the log still reads after the actor is gone.',
    }),
    operation: t.exposeString('operation', { description: 'The mutation, e.g. `transferAccept`, or the background job’s step.' }),
    targetType: t.exposeString('targetType', { description: 'The type of the object changed, e.g. `Transfer`.' }),
    targetIds: t.stringList({
      description:
        'The objects concerned, the changed one first. Ids of the target type are global ids (pass them to `node`); further ids are raw database ids.',
      select: { columns: { targetType: true, targetIds: true } },
      resolve: (event) =>
        event.targetIds.map((id, index) => (index === 0 && NODE_TARGET_TYPES.has(event.targetType) ? encodeGlobalId(event.targetType, id) : id)),
    }),
    before: t.expose('before', { type: 'JSON', nullable: true, description: 'The object before the change; null when it was created.' }),
    after: t.expose('after', { type: 'JSON', nullable: true, description: 'The object after the change.' }),
    requestId: t.exposeString('requestId', { nullable: true, description: 'The request id, as returned in the x-request-id response header.' }),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true, description: 'The Idempotency-Key the request carried, if any.' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
  }),
});

registerNodeVisibility('AuditEvent', visibleAuditEventIds);
