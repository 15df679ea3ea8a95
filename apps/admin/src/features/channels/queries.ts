/** The channels and their rules (domain.md §4), as the API serves them, with counts. */
import { graphql } from '../../graphql';

export const channelsQuery = graphql(`
  query Channels {
    channels {
      channel
      isMultiChannelSource
      licenseBasedPath
      usageBasedPath
      subscriptionCount
    }
  }
`);
