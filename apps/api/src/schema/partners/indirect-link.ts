/**
 * IndirectLink (domain.md §2): a two-tier link from an indirect provider to an indirect reseller,
 * `INVITED → ACTIVE → SUSPENDED ⇄ ACTIVE`, and `→ REVOKED`. Seen by its two parties only. The
 * `indirectLinks` query lives here.
 */
import { and, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { indirectLinks } from '../../db/schema/index.js';
import { IndirectLinkStatusEnum } from '../enums.js';
import { exactTimestamp } from '../exact-timestamp.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { plannedRows, countRows } from '../planned-rows.js';
import { visibleIndirectLinkIds, visibleIndirectLinksFilter } from './indirect-link-visibility.js';

export const IndirectLink = builder.drizzleNode('indirectLinks', {
  name: 'IndirectLink',
  description:
    'A link between an indirect provider and an indirect reseller: the reseller sells to customers through the provider while it is ACTIVE.',
  id: { column: (link) => link.id },
  fields: (t) => ({
    provider: t.relation('provider', { description: 'The indirect provider (distributor): it invites, suspends and revokes.' }),
    reseller: t.relation('reseller', { description: 'The indirect reseller: it accepts the invitation.' }),
    status: t.expose('status', { type: IndirectLinkStatusEnum }),
    invitedAt: t.expose('invitedAt', { type: 'DateTime' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'REVOKED is final; the provider may invite the reseller again.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: 'Send it back as `expectedVersion` to refuse a change made meanwhile.' }),
  }),
});

registerNodeVisibility('IndirectLink', visibleIndirectLinkIds);

function linkListFilter(context: Context, table: typeof indirectLinks, status: (typeof indirectLinks.$inferSelect)['status'] | null | undefined): SQL {
  return and(visibleIndirectLinksFilter(context, table), status ? eq(table.status, status) : undefined) as SQL;
}

builder.queryField('indirectLinks', (t) =>
  t.drizzleConnection({
    type: IndirectLink,
    description: 'The indirect links your organisation is a party to (as provider or reseller), newest invitation first.',
    authScopes: { permission: 'partners:read' },
    args: { status: t.arg({ type: IndirectLinkStatusEnum }) },
    totalCount: (_parent, args, context) => countRows(context.db.$count(indirectLinks, linkListFilter(context, indirectLinks, args.status))),
    resolve: (query, _parent, args, context) =>
      plannedRows(
        'indirectLinks',
        context.db.query.indirectLinks.findMany(
          query({
            where: { RAW: (table) => linkListFilter(context, table, args.status) },
            extras: { invitedAtExact: (table) => exactTimestamp(table.invitedAt) },
            orderBy: { invitedAtExact: 'desc' },
          }),
        ),
      ),
  }),
);
