/**
 * The overview's counts, in one request: `subscriptionCounts` (by channel, by status and terms
 * ending soon, which the API counts in one pass over the subscriptions) and two `totalCount`s
 * (first: 0) — never a list fetched to count it.
 */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const overviewQuery = graphql(`
  query Overview($termsEndingDays: Int!) {
    subscriptionCounts {
      byChannel {
        channel
        count
      }
      byStatus {
        status
        count
      }
      termsEndingWithin(days: $termsEndingDays)
    }
    awaitingAnswer: transfers(first: 0, direction: INCOMING, status: PENDING) {
      totalCount
    }
    pendingRequests: relationshipRequests(first: 0, status: PENDING) {
      totalCount
    }
  }
`);
export type OverviewCounts = ResultOf<typeof overviewQuery>;
