/**
 * Optimistic updates: a suspension or reactivation shows at once, before the API answers. The
 * answer replaces the guess; a refusal (`userErrors`, no subscription) leaves the cached
 * subscription as it was, because graphcache drops the optimistic layer when the answer arrives.
 * Only status changes whose outcome the app can know for sure are guessed; the rest wait for the API.
 */
import type { Cache, OptimisticMutationConfig, Variables } from '@urql/exchange-graphcache';
import { graphql } from '../graphql';

/** Everything the subscription mutations select, so the guess is a complete answer. */
const OPTIMISTIC_SUBSCRIPTION = graphql(`
  fragment OptimisticSubscription on CustomerSubscription {
    id
    status
    quantity
    autoRenew
    version
    managingPartner {
      id
      name
      isViewerPartner
    }
    services {
      id
      name
      status
    }
  }
`);

function subscriptionIdOf(args: Variables): string | undefined {
  const input = args.input as { subscriptionId?: unknown } | undefined;
  return typeof input?.subscriptionId === 'string' ? input.subscriptionId : undefined;
}

/** The payload the API will answer with when `status` is accepted, or null when not cached. */
function statusChange(payloadTypename: string, status: 'ACTIVE' | 'SUSPENDED', autoRenew?: boolean) {
  return (args: Variables, cache: Cache) => {
    const id = subscriptionIdOf(args);
    const current = id
      ? cache.readFragment(OPTIMISTIC_SUBSCRIPTION, { __typename: 'CustomerSubscription', id })
      : null;
    if (!current) return null;
    return {
      __typename: payloadTypename,
      subscription: {
        ...current,
        __typename: 'CustomerSubscription',
        status,
        autoRenew: autoRenew ?? current.autoRenew,
      },
      userErrors: [],
    };
  };
}

export const optimisticUpdates: OptimisticMutationConfig = {
  // Suspending turns auto-renew off (domain.md §5).
  subscriptionSuspend: statusChange('SubscriptionSuspendPayload', 'SUSPENDED', false),
  subscriptionReactivate: statusChange('SubscriptionReactivatePayload', 'ACTIVE'),
};
