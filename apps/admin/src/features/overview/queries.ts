/** The overview's counts: one request of `totalCount`s (first: 0), never a list fetched to count it. */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const overviewQuery = graphql(`
  query Overview($termsEndBefore: DateTime!) {
    csp: subscriptions(first: 0, channel: CSP) {
      totalCount
    }
    direct: subscriptions(first: 0, channel: DIRECT) {
      totalCount
    }
    advisor: subscriptions(first: 0, channel: ADVISOR) {
      totalCount
    }
    open: subscriptions(first: 0, channel: OPEN) {
      totalCount
    }
    ea: subscriptions(first: 0, channel: EA) {
      totalCount
    }
    thirdParty: subscriptions(first: 0, channel: THIRD_PARTY) {
      totalCount
    }
    syndication: subscriptions(first: 0, channel: SYNDICATION) {
      totalCount
    }
    pending: subscriptions(first: 0, status: PENDING) {
      totalCount
    }
    active: subscriptions(first: 0, status: ACTIVE) {
      totalCount
    }
    suspended: subscriptions(first: 0, status: SUSPENDED) {
      totalCount
    }
    cancelled: subscriptions(first: 0, status: CANCELLED) {
      totalCount
    }
    expired: subscriptions(first: 0, status: EXPIRED) {
      totalCount
    }
    awaitingAnswer: transfers(first: 0, direction: INCOMING, status: PENDING) {
      totalCount
    }
    pendingRequests: relationshipRequests(first: 0, status: PENDING) {
      totalCount
    }
    termsEnding: subscriptions(first: 0, status: ACTIVE, termEndsBefore: $termsEndBefore) {
      totalCount
    }
  }
`);
export type OverviewCounts = ResultOf<typeof overviewQuery>;
