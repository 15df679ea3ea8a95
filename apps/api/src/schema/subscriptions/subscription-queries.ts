/**
 * `subscriptions` (filters by customer, channel, billing model, status and term end; domain.md §11)
 * and `subscriptionCounts`, the overview's aggregate. Only subscriptions the caller may see
 * (./visibility.ts): every channel's, of customers it has an ACTIVE relationship with.
 */
import { and, count, gte, inArray, lt, sql } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { subscriptions } from '../../db/schema/index.js';
import { codedError } from '../../errors.js';
import { BillingModelEnum, ChannelEnum, SubscriptionStatusEnum } from '../enums.js';
import { exactTimestamp } from '../exact-timestamp.js';
import { databaseIdOf } from '../global-id.js';
import { OrderDirectionEnum } from '../order-direction.js';
import { plannedRows, countRows } from '../planned-rows.js';
import { Subscription } from './subscription.js';
import { subscriptionFilters } from './subscription-filters.js';
import { visibleSubscriptionsFilter } from './visibility.js';

type SubscriptionOrderField = 'CREATED_AT' | 'TERM_END_DATE';

const SubscriptionOrderFieldEnum = builder.enumType('SubscriptionOrderField', {
  values: {
    CREATED_AT: { description: 'By when it was created or registered in Switchyard.' },
    TERM_END_DATE: { description: 'By the end of its current term; subscriptions without a term end come last when ascending.' },
  } satisfies Record<SubscriptionOrderField, { description: string }>,
});

const SubscriptionOrder = builder.inputType('SubscriptionOrder', {
  description: 'How to order subscriptions. Default: newest first.',
  fields: (t) => ({
    field: t.field({ type: SubscriptionOrderFieldEnum, required: true }),
    direction: t.field({ type: OrderDirectionEnum, required: true, defaultValue: 'ASC' }),
  }),
});

builder.queryField('subscriptions', (t) =>
  t.drizzleConnection({
    type: Subscription,
    description:
      'The subscriptions of your customers, whatever channel sold them (customers you have an ACTIVE relationship with). `first`/`last` at most 100.',
    authScopes: { permission: 'subscriptions:read' },
    args: {
      customerId: t.arg.id({ description: 'Only this customer’s subscriptions.' }),
      channel: t.arg({ type: ChannelEnum }),
      billingModel: t.arg({ type: BillingModelEnum }),
      status: t.arg({ type: SubscriptionStatusEnum }),
      termEndsBefore: t.arg({ type: 'DateTime', description: 'Only subscriptions whose current term ends before this instant.' }),
      orderBy: t.arg({ type: SubscriptionOrder }),
    },
    totalCount: (_parent, args, context) => countRows(context.db.$count(subscriptions, subscriptionFilters(context, subscriptions, listArgs(args)))),
    resolve: (query, _parent, args, context) => {
      const direction = args.orderBy?.direction === 'DESC' ? 'desc' : 'asc';
      const where = { RAW: (table: typeof subscriptions) => subscriptionFilters(context, table, listArgs(args)) };
      if (args.orderBy?.field === 'TERM_END_DATE') {
        // '~' sorts after every digit: no term end comes last (ascending), and the cursor never holds a null.
        return plannedRows(
          'subscriptions',
          context.db.query.subscriptions.findMany(
            query({
              where,
              extras: { termEndSort: (table) => sql<string>`coalesce(${exactTimestamp(table.termEndDate)}, '~')` },
              orderBy: { termEndSort: direction },
            }),
          ),
        );
      }
      return plannedRows(
        'subscriptions',
        context.db.query.subscriptions.findMany(
          query({
            where,
            extras: { createdAtExact: (table) => exactTimestamp(table.createdAt) },
            orderBy: { createdAtExact: args.orderBy ? direction : 'desc' },
          }),
        ),
      );
    },
  }),
);

/** The GraphQL arguments as the shared filter takes them; an id that is not a customer's matches nothing. */
function listArgs(args: {
  customerId?: string | number | null | undefined;
  channel?: Parameters<typeof subscriptionFilters>[2]['channel'];
  billingModel?: Parameters<typeof subscriptionFilters>[2]['billingModel'];
  status?: Parameters<typeof subscriptionFilters>[2]['status'];
  termEndsBefore?: Date | null | undefined;
}) {
  const customerId =
    args.customerId === null || args.customerId === undefined
      ? undefined
      : (databaseIdOf(String(args.customerId), 'Customer') ?? '00000000-0000-0000-0000-000000000000');
  return { ...args, customerId };
}

// ---- subscriptionCounts: the overview's numbers, all of them from one statement ----

interface ChannelCount {
  channel: (typeof subscriptions.$inferSelect)['channel'];
  count: number;
}
interface StatusCount {
  status: (typeof subscriptions.$inferSelect)['status'];
  count: number;
}

const ChannelCountType = builder.objectRef<ChannelCount>('SubscriptionChannelCount').implement({
  description: 'How many of your customers’ subscriptions came through a channel.',
  fields: (t) => ({
    channel: t.field({ type: ChannelEnum, resolve: (row) => row.channel }),
    count: t.exposeInt('count'),
  }),
});

const StatusCountType = builder.objectRef<StatusCount>('SubscriptionStatusCount').implement({
  description: 'How many of your customers’ subscriptions are in a status.',
  fields: (t) => ({
    status: t.field({ type: SubscriptionStatusEnum, resolve: (row) => row.status }),
    count: t.exposeInt('count'),
  }),
});

const MAX_TERM_WINDOW_DAYS = 3660;

interface Tally {
  total: number;
  byChannel: ChannelCount[];
  byStatus: StatusCount[];
  /** ACTIVE or SUSPENDED subscriptions whose term ends within so many days, by the days asked. */
  termsEndingWithin: Map<number, number>;
}

/**
 * Counts every field of one `subscriptionCounts` in ONE statement. Each count is a pass over all
 * the caller's visible subscriptions (row-level security checks every row, so on a large partner
 * a pass costs a quarter of a second), so the fields ask here and the first ask waits until
 * their siblings have asked too (GraphQL calls them in one go) before one grouped statement
 * counts them all: by channel, by status and in total with GROUPING SETS, and each term window
 * asked for (aliases may ask several) as a FILTERed count. A field asking after that statement
 * went out gets a statement of its own.
 */
class SubscriptionTally {
  private pending: { windows: Set<number>; result: Promise<Tally> } | undefined;

  constructor(private readonly context: Context) {}

  load(windowDays?: number): Promise<Tally> {
    if (!this.pending) {
      const windows = new Set<number>();
      // Wait for the microtasks already queued (plugin wrappers may call a sibling's resolver in
      // one), then a tick, so every sibling has asked before the statement is built.
      const afterSiblings = Promise.resolve().then(() => new Promise<void>((resolve) => process.nextTick(resolve)));
      const result = afterSiblings.then(() => {
        this.pending = undefined;
        return countSubscriptions(this.context, [...windows]);
      });
      this.pending = { windows, result };
    }
    if (windowDays !== undefined) this.pending.windows.add(windowDays);
    return this.pending.result;
  }
}

async function countSubscriptions(context: Context, windowDays: number[]): Promise<Tally> {
  const now = context.requestedAt;
  const endingWithin = (days: number) =>
    sql<number>`count(*) filter (where ${and(
      inArray(subscriptions.status, ['ACTIVE', 'SUSPENDED']),
      gte(subscriptions.termEndDate, now),
      lt(subscriptions.termEndDate, new Date(now.getTime() + days * 24 * 60 * 60 * 1000)),
    )})`;
  const grouping = sql<number>`grouping(${subscriptions.channel}, ${subscriptions.status})`;
  const rows = await context.db
    .select({
      channel: subscriptions.channel,
      status: subscriptions.status,
      // 1: a channel's row, 2: a status's row, 3: the total's.
      level: grouping.mapWith(Number),
      count: count(),
      ending: sql<number[]>`array[${sql.join([sql`0`, ...windowDays.map(endingWithin)], sql`, `)}]::int[]`,
    })
    .from(subscriptions)
    .where(visibleSubscriptionsFilter(context))
    .groupBy(sql`grouping sets ((${subscriptions.channel}), (${subscriptions.status}), ())`)
    // Enum order, as the list pages show channels and statuses.
    .orderBy(grouping, subscriptions.channel, subscriptions.status);
  const totalRow = rows.find((row) => row.level === 3);
  return {
    total: Number(totalRow?.count ?? 0),
    byChannel: rows.flatMap((row) => (row.level === 1 && row.channel ? [{ channel: row.channel, count: Number(row.count) }] : [])),
    byStatus: rows.flatMap((row) => (row.level === 2 && row.status ? [{ status: row.status, count: Number(row.count) }] : [])),
    termsEndingWithin: new Map(windowDays.map((days, index) => [days, Number(totalRow?.ending[index + 1] ?? 0)])),
  };
}

const SubscriptionCountsType = builder.objectRef<SubscriptionTally>('SubscriptionCounts').implement({
  description:
    'Counts of the subscriptions you can see, for an overview screen. Every field you ask for in one `subscriptionCounts` is counted by one statement, in one pass over your subscriptions.',
  fields: (t) => ({
    total: t.int({ resolve: async (tally) => (await tally.load()).total }),
    byChannel: t.field({
      type: [ChannelCountType],
      description: 'Per channel that has subscriptions (channels with none are left out).',
      resolve: async (tally) => (await tally.load()).byChannel,
    }),
    byStatus: t.field({
      type: [StatusCountType],
      description: 'Per status that has subscriptions (statuses with none are left out).',
      resolve: async (tally) => (await tally.load()).byStatus,
    }),
    termsEndingWithin: t.int({
      description: 'ACTIVE or SUSPENDED subscriptions whose current term ends within `days` days from now (they renew or expire then).',
      args: { days: t.arg.int({ required: true, defaultValue: 60 }) },
      resolve: async (tally, args) => {
        if (args.days < 0 || args.days > MAX_TERM_WINDOW_DAYS) {
          throw codedError('VALIDATION_FAILED', `days must be between 0 and ${MAX_TERM_WINDOW_DAYS}.`, { field: ['days'] });
        }
        return (await tally.load(args.days)).termsEndingWithin.get(args.days) ?? 0;
      },
    }),
  }),
});

builder.queryField('subscriptionCounts', (t) =>
  t.field({
    type: SubscriptionCountsType,
    description: 'Counts of your customers’ subscriptions by channel and by status, and terms ending soon: the overview screen’s numbers.',
    authScopes: { permission: 'subscriptions:read' },
    resolve: (_root, _args, context) => new SubscriptionTally(context),
  }),
);
