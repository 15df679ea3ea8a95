/**
 * `auditEvents`: the caller's own audit log, newest first, by actor, operation, target and time
 * range (domain.md §9, §11).
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { auditEvents } from '../../db/schema/index.js';
import { ActorTypeEnum } from '../enums.js';
import { exactTimestamp } from '../exact-timestamp.js';
import { decodeGlobalId } from '../global-id.js';
import { plannedRows, countRows } from '../planned-rows.js';
import { AuditEvent } from './audit-event.js';
import { ownAuditEventsFilter } from './visibility.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** A global id, or a raw database id as audit events list after the first target; anything else matches nothing. */
function anyDatabaseId(value: string): string {
  const decoded = decodeGlobalId(value);
  if (decoded.id) return decoded.id;
  return UUID.test(value) ? value.toLowerCase() : NO_ID;
}

interface AuditListArgs {
  actorType?: (typeof auditEvents.$inferSelect)['actorType'] | null | undefined;
  actorId?: string | number | null | undefined;
  operation?: string | null | undefined;
  targetId?: string | number | null | undefined;
  since?: Date | null | undefined;
  until?: Date | null | undefined;
}

function auditListFilter(context: Context, table: typeof auditEvents, args: AuditListArgs): SQL {
  return and(
    ownAuditEventsFilter(context, table),
    args.actorType ? eq(table.actorType, args.actorType) : undefined,
    args.actorId ? eq(table.actorId, anyDatabaseId(String(args.actorId))) : undefined,
    args.operation ? eq(table.operation, args.operation) : undefined,
    // `@>` so the GIN index on target_ids serves it.
    args.targetId ? sql`${table.targetIds} @> array[${anyDatabaseId(String(args.targetId))}]::uuid[]` : undefined,
    args.since ? gte(table.occurredAt, args.since) : undefined,
    args.until ? lt(table.occurredAt, args.until) : undefined,
  ) as SQL;
}

builder.queryField('auditEvents', (t) =>
  t.drizzleConnection({
    type: AuditEvent,
    description: 'Your organisation’s audit log, newest first. `first`/`last` at most 100.',
    authScopes: { permission: 'audit:read' },
    args: {
      actorType: t.arg({ type: ActorTypeEnum }),
      actorId: t.arg.id({ description: 'Only what this user or API key did (its global id).' }),
      operation: t.arg.string({ description: 'Only this operation, e.g. `transferAccept`.' }),
      targetId: t.arg.id({ description: 'Only events about this object (its global id, or a raw id as listed in `targetIds`).' }),
      since: t.arg({ type: 'DateTime', description: 'Only events at or after this instant.' }),
      until: t.arg({ type: 'DateTime', description: 'Only events before this instant.' }),
    },
    totalCount: (_parent, args, context) => countRows(context.db.$count(auditEvents, auditListFilter(context, auditEvents, args))),
    resolve: (query, _parent, args, context) =>
      plannedRows(
        'auditEvents',
        context.db.query.auditEvents.findMany(
          query({
            where: { RAW: (table) => auditListFilter(context, table, args) },
            extras: { occurredAtExact: (table) => exactTimestamp(table.occurredAt) },
            orderBy: { occurredAtExact: 'desc' },
          }),
        ),
      ),
  }),
);
