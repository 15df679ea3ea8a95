/**
 * Relationship (domain.md §6): a partner's reseller relationship with a customer, created by an
 * accepted request or by `customerCreate`, `ACTIVE` until `relationshipTerminate`. An ACTIVE
 * relationship is what shows a customer's subscriptions (§8). Seen by its partner and the indirect
 * provider it names; never another partner's relationship with the same customer.
 */
import { builder } from '../../builder.js';
import { RelationshipStatusEnum, RelationshipTypeEnum } from '../enums.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { visibleRelationshipIds } from './visibility.js';

export { RelationshipRequest } from './relationship-request.js';

export const Relationship = builder.drizzleNode('relationships', {
  name: 'Relationship',
  description: 'A reseller relationship between a partner and a customer. Its id is what `relationshipTerminate` takes.',
  id: { column: (relationship) => relationship.id },
  fields: (t) => ({
    partner: t.relation('partner'),
    customer: t.relation('customer'),
    type: t.expose('type', {
      type: RelationshipTypeEnum,
      description: 'RESELLER (a direct provider), INDIRECT_RESELLER (through `indirectProvider`) or INDIRECT_PROVIDER (the provider’s own).',
    }),
    indirectProvider: t.relation('indirectProvider', {
      nullable: true,
      description: 'INDIRECT_RESELLER: the indirect provider the reseller sells through; null otherwise.',
    }),
    status: t.expose('status', { type: RelationshipStatusEnum }),
    hasDelegatedAdmin: t.exposeBoolean('hasDelegatedAdmin', { description: 'Whether the customer granted delegated administration.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    terminatedAt: t.expose('terminatedAt', { type: 'DateTime', nullable: true, description: 'Set when it was TERMINATED.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: 'Send it back as `expectedVersion` to refuse a change made meanwhile.' }),
  }),
});

registerNodeVisibility('Relationship', visibleRelationshipIds);
