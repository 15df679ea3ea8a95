/** Who is signed in: the user (absent for API keys), their partner and their role. */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const viewerQuery = graphql(`
  query Viewer {
    viewer {
      user {
        id
        email
        name
        role
      }
      partner {
        id
        name
        kind
        cloud
      }
      role
    }
  }
`);

export type Viewer = ResultOf<typeof viewerQuery>['viewer'];
