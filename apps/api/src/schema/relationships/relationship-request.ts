/**
 * RelationshipRequest (domain.md §6): a partner's request for a reseller relationship with a
 * customer, `PENDING → ACCEPTED | DECLINED | EXPIRED (90 days) | REVOKED`. Seen by the partner that
 * sent it and the indirect provider it names. Never the invitation token or its hash: the URL is
 * returned once, in `relationshipRequestCreate`'s payload.
 */
import { builder } from '../../builder.js';
import { RelationshipRequestStatusEnum } from '../enums.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { visibleRelationshipRequestIds } from './visibility.js';

export const RelationshipRequest = builder.drizzleNode('relationshipRequests', {
  name: 'RelationshipRequest',
  description:
    'A request for a reseller relationship with a customer, which the customer’s administrator accepts or declines on the invitation page.',
  id: { column: (request) => request.id },
  fields: (t) => ({
    partner: t.relation('partner', { description: 'The partner that asked.' }),
    customer: t.relation('customer'),
    indirectProvider: t.relation('indirectProvider', {
      nullable: true,
      description: 'When an indirect reseller asked: the indirect provider it sells through, which gets its own relationship too.',
    }),
    isDelegatedAdminRequested: t.exposeBoolean('isDelegatedAdminRequested', {
      description: 'Whether the request also asks for delegated administration of the tenant.',
    }),
    message: t.exposeString('message', { nullable: true, description: 'The note shown to the customer’s administrator.' }),
    status: t.expose('status', { type: RelationshipRequestStatusEnum }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'A PENDING request nobody answers expires then (90 days after it was sent).' }),
    respondedAt: t.expose('respondedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was accepted, declined or revoked; null while PENDING (and for an expired request).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was sent.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: 'Send it back as `expectedVersion` to refuse a change made meanwhile.' }),
  }),
});

registerNodeVisibility('RelationshipRequest', visibleRelationshipRequestIds);
