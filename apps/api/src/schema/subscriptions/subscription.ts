/**
 * A customer's subscription (domain.md §5), whatever channel sold it. The TypeScript ref is
 * `Subscription`; the GraphQL type is `CustomerSubscription`, because an object type named
 * `Subscription` would be taken for the root subscription type. Its ids still say `Subscription`
 * (../global-id.ts). You see every subscription of a customer you have an ACTIVE relationship with
 * (§8). `transferEligibility` is added by ../transfers/transfer-eligibility.ts; the `subscriptions`
 * query lives in ./subscription-queries.ts.
 */
import { builder } from '../../builder.js';
import { isInOpenTransferSql } from '../../services/subscriptions/load-subscription.js';
import { BillingCycleEnum, BillingModelEnum, ChannelEnum, SubscriptionStatusEnum, TermEnum } from '../enums.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { SubscriptionService } from './subscription-service.js';
import { visibleSubscriptionIds, visibleSubscriptionServicesFilter } from './visibility.js';

export { SubscriptionService } from './subscription-service.js';

export const Subscription = builder.drizzleNode('subscriptions', {
  name: 'CustomerSubscription',
  description:
    'A subscription of a customer, bought through any channel. Its id is what the subscription mutations take as `subscriptionId`.',
  id: { column: (subscription) => subscription.id },
  // Only the columns the query asks for (each exposed field adds its own; computed fields declare
  // theirs): a page of 500 subscriptions no longer carries all 22 columns through PostgreSQL's JSON.
  select: {},
  fields: (t) => ({
    customer: t.relation('customer'),
    offer: t.relation('offer', { description: 'What was bought: the catalog item.' }),
    channel: t.expose('channel', { type: ChannelEnum, description: 'The route it was bought through; see `channels` for each channel’s rules.' }),
    billingModel: t.expose('billingModel', { type: BillingModelEnum, description: 'LICENSE_BASED (seats and a term) or USAGE_BASED (Azure: metered services).' }),
    status: t.expose('status', { type: SubscriptionStatusEnum }),
    quantity: t.exposeInt('quantity', { nullable: true, description: 'Seats (license-based); null for usage-based subscriptions.' }),
    term: t.expose('term', { type: TermEnum, nullable: true, description: 'The term length; null when none applies (usage-based).' }),
    termStartDate: t.expose('termStartDate', { type: 'DateTime', description: 'Start of the current term (the last renewal, if any).' }),
    termEndDate: t.expose('termEndDate', {
      type: 'DateTime',
      nullable: true,
      description: 'End of the current term: it then renews (auto-renew on) or expires. Null when it has no end.',
    }),
    billingCycle: t.expose('billingCycle', { type: BillingCycleEnum, nullable: true }),
    autoRenew: t.exposeBoolean('isAutoRenewEnabled', {
      description: 'Whether it renews at term end. Suspending a subscription turns it off.',
    }),
    cancellationAllowedUntil: t.expose('cancellationAllowedUntil', {
      type: 'DateTime',
      nullable: true,
      description:
        'CSP license-based: the last moment it may be cancelled or lose seats (term start or renewal + 7 days). Null when cancellation is not limited.',
    }),
    seller: t.relation('seller', { nullable: true, description: 'The partner of record (CSP only); null for other channels.' }),
    billingPartner: t.relation('billingPartner', {
      nullable: true,
      description: 'The indirect provider that bills it when an indirect reseller sold it; null otherwise.',
    }),
    managingPartner: t.relation('managingPartner', {
      nullable: true,
      description: 'Who supports it. May differ from the seller: taking over management (`subscriptionManage`) sets it.',
    }),
    externalReference: t.exposeString('externalReference', {
      nullable: true,
      description: 'For a subscription bought outside CSP: the enrollment or agreement number, as entered.',
    }),
    services: t.relation('services', {
      description: 'Usage-based (Azure): its named services, each ACTIVE, CANCELLED or MIGRATED; empty for license-based subscriptions.',
      query: (_args, context) => ({
        where: { RAW: (table) => visibleSubscriptionServicesFilter(context, table) },
        orderBy: { name: 'asc', id: 'asc' },
      }),
    }),
    migratedFrom: t.relation('migratedFrom', {
      nullable: true,
      description: 'The subscription this CSP subscription replaced (a usage migration or a license transition); null otherwise.',
    }),
    isInOpenTransfer: t.boolean({
      description: 'True while a PENDING or SCHEDULED transfer holds it: no other transfer may include it until that one ends.',
      select: { extras: { isInOpenTransfer: (table) => isInOpenTransferSql(table.id) } },
      resolve: (subscription) => Boolean((subscription as { isInOpenTransfer?: boolean }).isInOpenTransfer),
    }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: 'Send it back as `expectedVersion` to refuse a change made meanwhile.' }),
  }),
});

registerNodeVisibility('CustomerSubscription', visibleSubscriptionIds);

// SubscriptionService.subscription and .migratedTo point back here; declared after both types exist.
builder.drizzleObjectFields(SubscriptionService, (t) => ({
  subscription: t.relation('subscription', { type: Subscription, description: 'The subscription the service belongs to.' }),
  migratedTo: t.relation('migratedTo', {
    type: Subscription,
    nullable: true,
    description: 'MIGRATED: the CSP subscription the service now runs under; null otherwise.',
  }),
}));
