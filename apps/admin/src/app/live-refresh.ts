/**
 * Pages showing transfers or subscriptions refresh themselves when one the partner may see
 * changes: a live update re-runs the page's query from the network (the update itself only says
 * which object changed; lists may gain or lose rows). A burst of updates — a transfer completing
 * moves several subscriptions — refreshes once.
 */
import { useSubscription } from 'urql';
import { graphql } from '../graphql';
import { useDebouncedCallback } from '../hooks/use-debounced-callback';

export const transferUpdatedSubscription = graphql(`
  subscription TransferUpdated($id: ID) {
    transferUpdated(id: $id) {
      id
      status
      version
    }
  }
`);

export const subscriptionUpdatedSubscription = graphql(`
  subscription SubscriptionUpdated {
    subscriptionUpdated {
      id
      status
      version
    }
  }
`);

/** What a page shows: every transfer, one transfer, subscriptions. */
export interface LiveTopics {
  transfers?: true | { id: string };
  subscriptions?: true;
}

/** Updates arriving within this window cause one refresh. */
export const LIVE_REFRESH_DELAY_MS = 200;

export function useLiveRefresh(topics: LiveTopics, refresh: () => void): void {
  const refreshSoon = useDebouncedCallback(refresh, LIVE_REFRESH_DELAY_MS);
  const onUpdate = () => {
    refreshSoon();
    return null;
  };
  const transferId = typeof topics.transfers === 'object' ? topics.transfers.id : null;
  useSubscription(
    { query: transferUpdatedSubscription, variables: { id: transferId }, pause: !topics.transfers },
    onUpdate,
  );
  useSubscription(
    { query: subscriptionUpdatedSubscription, pause: !topics.subscriptions },
    onUpdate,
  );
}
