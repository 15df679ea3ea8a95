/** Settings: the organisation's users and API keys. */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const usersQuery = graphql(`
  query Users($first: Int, $after: String) {
    users(first: $first, after: $after) {
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
        email
        role
        isDisabled
        lastSignedInAt
      }
    }
  }
`);
export type UserItem = ResultOf<typeof usersQuery>['users']['nodes'][number];

export const apiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys(first: 100, includeRevoked: true) {
      totalCount
      nodes {
        id
        name
        role
        displayPrefix
        createdAt
        lastUsedAt
        revokedAt
        version
      }
    }
  }
`);

export const apiKeyCreateMutation = graphql(`
  mutation ApiKeyCreate($input: ApiKeyCreateInput!) {
    apiKeyCreate(input: $input) {
      apiKey {
        id
        name
        secret
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
export const apiKeyRevokeMutation = graphql(`
  mutation ApiKeyRevoke($input: ApiKeyRevokeInput!) {
    apiKeyRevoke(input: $input) {
      apiKey {
        id
        revokedAt
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
export const userInviteMutation = graphql(`
  mutation UserInvite($input: UserInviteInput!) {
    userInvite(input: $input) {
      user {
        id
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
export const userUpdateMutation = graphql(`
  mutation UserUpdate($input: UserUpdateInput!) {
    userUpdate(input: $input) {
      user {
        id
        role
        isDisabled
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
