/**
 * `channels` (domain.md §4): each channel a subscription can be bought through, with its rules from
 * the domain's CHANNEL_RULES (the single definition) and how many of the caller's customers'
 * subscriptions came through it. The counts are one grouped query for the whole list.
 */
import { BILLING_MODELS, CHANNEL_RULES, CHANNELS } from '@switchyard/domain';
import type { BillingModel, Channel, TransferKind } from '@switchyard/domain';
import { count } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { subscriptions } from '../../db/schema/index.js';
import { BillingModelEnum, ChannelEnum, TransferKindEnum } from '../enums.js';
import { visibleSubscriptionsFilter } from '../subscriptions/visibility.js';

/** Per request: the caller's visible subscriptions counted by channel, loaded once for every channel. */
const countsByRequest = new WeakMap<Context, Promise<Map<Channel, number>>>();

function subscriptionCountsByChannel(context: Context): Promise<Map<Channel, number>> {
  let counts = countsByRequest.get(context);
  if (!counts) {
    counts = context.db
      .select({ channel: subscriptions.channel, count: count() })
      .from(subscriptions)
      .where(visibleSubscriptionsFilter(context))
      .groupBy(subscriptions.channel)
      .then((rows) => new Map(rows.map((row) => [row.channel, Number(row.count)])));
    countsByRequest.set(context, counts);
  }
  return counts;
}

interface TransferPath {
  billingModel: BillingModel;
  kind: TransferKind | null;
}

const TransferPathType = builder.objectRef<TransferPath>('ChannelTransferPath').implement({
  description: 'How a channel’s subscriptions of one billing model move to (or within) CSP.',
  fields: (t) => ({
    billingModel: t.field({ type: BillingModelEnum, resolve: (path) => path.billingModel }),
    kind: t.field({
      type: TransferKindEnum,
      nullable: true,
      description: 'The transfer kind to request (`transferCreate`); null: they cannot move.',
      resolve: (path) => path.kind,
    }),
  }),
});

const ChannelType = builder.objectRef<Channel>('ChannelRules').implement({
  description: 'A channel a subscription can be bought through, and what Switchyard lets you do with its subscriptions.',
  fields: (t) => ({
    channel: t.field({ type: ChannelEnum, resolve: (channel) => channel }),
    label: t.string({ description: 'A name to show people.', resolve: (channel) => CHANNEL_RULES[channel].label }),
    description: t.string({ resolve: (channel) => CHANNEL_RULES[channel].description }),
    isCsp: t.boolean({
      description: 'Sold by a CSP partner in Switchyard: it has a seller (partner of record).',
      resolve: (channel) => CHANNEL_RULES[channel].isCsp,
    }),
    isMultiChannelSource: t.boolean({
      description:
        'Bought outside CSP, and a CSP partner with an ACTIVE relationship may take it over: manage it (`subscriptionManage`) or move it to CSP.',
      resolve: (channel) => CHANNEL_RULES[channel].isMultiChannelSource,
    }),
    transferPaths: t.field({
      type: [TransferPathType],
      description: 'The transfer kind for each billing model.',
      resolve: (channel) => BILLING_MODELS.map((billingModel) => ({ billingModel, kind: CHANNEL_RULES[channel].transferPath[billingModel] })),
    }),
    licenseBasedPath: t.field({
      type: TransferKindEnum,
      nullable: true,
      description: 'How its license-based subscriptions move; null: they cannot.',
      resolve: (channel) => CHANNEL_RULES[channel].transferPath.LICENSE_BASED,
    }),
    usageBasedPath: t.field({
      type: TransferKindEnum,
      nullable: true,
      description: 'How its usage-based (Azure) subscriptions move; null: they cannot.',
      resolve: (channel) => CHANNEL_RULES[channel].transferPath.USAGE_BASED,
    }),
    subscriptionCount: t.int({
      description: 'How many subscriptions of your customers (ACTIVE relationships) came through it, in any status.',
      authScopes: { permission: 'subscriptions:read' },
      resolve: async (channel, _args, context) => (await subscriptionCountsByChannel(context)).get(channel) ?? 0,
    }),
  }),
});

builder.queryField('channels', (t) =>
  t.field({
    type: [ChannelType],
    description: 'Every channel with its rules (domain.md §4) and your subscription counts, in a fixed order (CSP first).',
    authScopes: { authenticated: true },
    resolve: () => [...CHANNELS],
  }),
);
