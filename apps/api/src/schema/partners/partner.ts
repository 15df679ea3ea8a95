/**
 * Partner: an organisation using Switchyard (domain.md §2). A partner sees its own organisation,
 * the partners it has indirect links with, and the partners named on what it can see (the seller
 * of a visible subscription, the other party of a transfer).
 */
import { builder } from '../../builder.js';
import { CloudEnum, PartnerKindEnum } from '../enums.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { plannedRows, countRows } from '../planned-rows.js';
import { partners } from '../../db/schema/index.js';
import { visiblePartnerIds, visiblePartnersFilter } from './visibility.js';

export const Partner = builder.drizzleNode('partners', {
  name: 'Partner',
  id: { column: (partner) => partner.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    partnerNumber: t.exposeString('partnerNumber', { description: 'Partner Center number: 6 or 7 digits.' }),
    kind: t.expose('kind', { type: PartnerKindEnum }),
    cloud: t.expose('cloud', { type: CloudEnum }),
    markets: t.exposeStringList('markets', { description: 'ISO 3166 alpha-2 codes of the countries the partner may sell in.' }),
    domain: t.exposeString('domain'),
    isViewerPartner: t.boolean({
      description: 'True for the partner the request acts for.',
      select: { columns: { id: true } },
      resolve: (partner, _args, context) => partner.id === context.partner.id,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

registerNodeVisibility('Partner', visiblePartnerIds);

builder.queryField('partners', (t) =>
  t.drizzleConnection({
    type: Partner,
    description: 'Your own organisation and the partners you have indirect links with, by name.',
    authScopes: { permission: 'partners:read' },
    totalCount: (_parent, _args, context) => countRows(context.db.$count(partners, visiblePartnersFilter(context))),
    resolve: (query, _parent, _args, context) =>
      plannedRows('partners', context.db.query.partners.findMany(query({ where: { RAW: (table) => visiblePartnersFilter(context, table) }, orderBy: { name: 'asc' } }))),
  }),
);
