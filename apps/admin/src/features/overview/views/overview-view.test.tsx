import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeLiveUpdates } from '../../../testing/fake-live-updates';
import { installFakeApi } from '../../../testing/fake-api';
import { renderWithSession } from '../../../testing/render-with-session';
import { OverviewView } from './overview-view';

const SUBSCRIPTION_COUNTS = ['csp', 'direct', 'advisor', 'open', 'ea', 'thirdParty', 'syndication', 'pending', 'active', 'suspended', 'cancelled', 'expired', 'termsEnding'];

/** The overview's counts, every one `count` except the transfers awaiting an answer. */
function overviewResult(awaitingAnswer: number, count = 1) {
  const connection = (typename: string, totalCount: number) => ({ __typename: typename, totalCount });
  return {
    data: {
      ...Object.fromEntries(SUBSCRIPTION_COUNTS.map((alias) => [alias, connection('SubscriptionConnection', count)])),
      awaitingAnswer: connection('TransferConnection', awaitingAnswer),
      pendingRequests: connection('RelationshipRequestConnection', count),
    },
  };
}

describe('OverviewView live updates', () => {
  it('follows transfers and subscriptions, and counts again when one changes', async () => {
    let awaitingAnswer = 2;
    const api = installFakeApi({ graphql: { Overview: () => overviewResult(awaitingAnswer) } });
    const live = createFakeLiveUpdates();
    renderWithSession(<OverviewView />, { liveUpdates: live.exchange });
    expect(await screen.findByRole('link', { name: /2\s*Transfers awaiting your answer/ })).toBeTruthy();
    expect(live.openSubscriptions('TransferUpdated')).toHaveLength(1);
    expect(live.openSubscriptions('SubscriptionUpdated')).toHaveLength(1);

    awaitingAnswer = 3;
    live.push('TransferUpdated', {
      transferUpdated: { __typename: 'Transfer', id: 'VHJhbnNmZXI6MQ==', status: 'PENDING', version: 1 },
    });

    expect(await screen.findByRole('link', { name: /3\s*Transfers awaiting your answer/ })).toBeTruthy();
    await waitFor(() => expect(api.requestsFor('Overview')).toHaveLength(2));
  });
});
