/** The audit log: events filtered by actor, operation, object and time, paged on the server. */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const auditEventsQuery = graphql(`
  query AuditEvents(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $actorId: ID
    $operation: String
    $targetId: ID
    $since: DateTime
    $until: DateTime
  ) {
    auditEvents(
      first: $first
      after: $after
      last: $last
      before: $before
      actorId: $actorId
      operation: $operation
      targetId: $targetId
      since: $since
      until: $until
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        occurredAt
        actorType
        actorLabel
        operation
        targetIds
        before
        after
        requestId
      }
    }
  }
`);
export type AuditEventItem = ResultOf<typeof auditEventsQuery>['auditEvents']['nodes'][number];
