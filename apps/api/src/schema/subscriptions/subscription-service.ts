/**
 * A named Azure service of a usage-based subscription (domain.md §5): `ACTIVE`, `CANCELLED`
 * (`subscriptionServiceCancel`) or `MIGRATED` (moved to a CSP subscription by a usage migration).
 * Visible with its subscription. Its links back to subscriptions are added in ./subscription.ts.
 */
import { builder } from '../../builder.js';
import { ServiceStatusEnum } from '../enums.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { visibleSubscriptionServiceIds } from './visibility.js';

export const SubscriptionService = builder.drizzleNode('subscriptionServices', {
  name: 'SubscriptionService',
  description: 'A named Azure service of a usage-based subscription. Its id is what `subscriptionServiceCancel` and usage migrations take.',
  id: { column: (service) => service.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    status: t.expose('status', { type: ServiceStatusEnum }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true, description: 'When it was cancelled or migrated.' }),
    version: t.exposeInt('version', { description: 'Send it back as `expectedVersion` to refuse a change made meanwhile.' }),
  }),
});

registerNodeVisibility('SubscriptionService', visibleSubscriptionServiceIds);
