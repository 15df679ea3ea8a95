/** The customers feature's GraphQL writes: customers, relationships and subscriptions. */
import { graphql } from '../../graphql';

export const customerCreateMutation = graphql(`
  mutation CustomerCreate($input: CustomerCreateInput!) {
    customerCreate(input: $input) {
      customer {
        id
        companyName
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const relationshipRequestCreateMutation = graphql(`
  mutation RelationshipRequestCreate($input: RelationshipRequestCreateInput!) {
    relationshipRequestCreate(input: $input) {
      relationshipRequest {
        id
        status
        isDelegatedAdminRequested
        createdAt
        expiresAt
        version
      }
      invitationUrl
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const relationshipRequestRevokeMutation = graphql(`
  mutation RelationshipRequestRevoke($input: RelationshipRequestRevokeInput!) {
    relationshipRequestRevoke(input: $input) {
      relationshipRequest {
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

export const relationshipTerminateMutation = graphql(`
  mutation RelationshipTerminate($input: RelationshipTerminateInput!) {
    relationshipTerminate(input: $input) {
      relationship {
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

export const subscriptionRegisterExternalMutation = graphql(`
  mutation SubscriptionRegisterExternal($input: SubscriptionRegisterExternalInput!) {
    subscriptionRegisterExternal(input: $input) {
      subscription {
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
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const subscriptionCreateMutation = graphql(`
  mutation SubscriptionCreate($input: SubscriptionCreateInput!) {
    subscriptionCreate(input: $input) {
      subscription {
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
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const subscriptionManageMutation = graphql(`
  mutation SubscriptionManage($input: SubscriptionManageInput!) {
    subscriptionManage(input: $input) {
      subscription {
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
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const subscriptionUpdateMutation = graphql(`
  mutation SubscriptionUpdate($input: SubscriptionUpdateInput!) {
    subscriptionUpdate(input: $input) {
      subscription {
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
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const subscriptionSuspendMutation = graphql(`
  mutation SubscriptionSuspend($input: SubscriptionSuspendInput!) {
    subscriptionSuspend(input: $input) {
      subscription {
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
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const subscriptionReactivateMutation = graphql(`
  mutation SubscriptionReactivate($input: SubscriptionReactivateInput!) {
    subscriptionReactivate(input: $input) {
      subscription {
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
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const subscriptionCancelMutation = graphql(`
  mutation SubscriptionCancel($input: SubscriptionCancelInput!) {
    subscriptionCancel(input: $input) {
      subscription {
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
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const subscriptionServiceCancelMutation = graphql(`
  mutation SubscriptionServiceCancel($input: SubscriptionServiceCancelInput!) {
    subscriptionServiceCancel(input: $input) {
      subscription {
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
      userErrors {
        code
        message
        field
      }
    }
  }
`);
