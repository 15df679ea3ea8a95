/** Partners (the API's `partners`: your organisation and linked partners) and indirect links. */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const partnerListQuery = graphql(`
  query PartnerList($first: Int, $after: String, $last: Int, $before: String) {
    partners(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        name
        kind
        cloud
        partnerNumber
        domain
        markets
        isViewerPartner
      }
    }
  }
`);
export type PartnerListItem = ResultOf<typeof partnerListQuery>['partners']['nodes'][number];

export const indirectLinksQuery = graphql(`
  query IndirectLinks {
    indirectLinks(first: 100) {
      totalCount
      nodes {
        id
        status
        createdAt
        version
        provider {
          id
          name
          isViewerPartner
        }
        reseller {
          id
          name
          isViewerPartner
        }
      }
    }
  }
`);
export type IndirectLinkItem = ResultOf<
  typeof indirectLinksQuery
>['indirectLinks']['nodes'][number];

export const indirectLinkInviteMutation = graphql(`
  mutation IndirectLinkInvite($input: IndirectLinkInviteInput!) {
    indirectLinkInvite(input: $input) {
      indirectLink {
        id
        status
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
export const indirectLinkAcceptMutation = graphql(`
  mutation IndirectLinkAccept($input: IndirectLinkAcceptInput!) {
    indirectLinkAccept(input: $input) {
      indirectLink {
        id
        status
        version
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
export const indirectLinkUpdateMutation = graphql(`
  mutation IndirectLinkUpdate($input: IndirectLinkUpdateInput!) {
    indirectLinkUpdate(input: $input) {
      indirectLink {
        id
        status
        version
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
