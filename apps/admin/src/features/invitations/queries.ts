/** The public invitation page: what the customer's administrator is asked, and the answers (by token). */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const invitationQuery = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      status
      partnerName
      indirectProviderName
      customerCompanyName
      customerPrimaryDomain
      isDelegatedAdminRequested
      message
      expiresAt
    }
  }
`);
export type InvitationDetails = NonNullable<ResultOf<typeof invitationQuery>['invitation']>;

export const invitationAcceptMutation = graphql(`
  mutation InvitationAccept($input: RelationshipRequestAcceptInput!) {
    relationshipRequestAccept(input: $input) {
      invitation {
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
export const invitationDeclineMutation = graphql(`
  mutation InvitationDecline($input: RelationshipRequestDeclineInput!) {
    relationshipRequestDecline(input: $input) {
      invitation {
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
