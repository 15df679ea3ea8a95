import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeLiveUpdates } from '../../../testing/fake-live-updates';
import { installFakeApi } from '../../../testing/fake-api';
import { renderWithSession } from '../../../testing/render-with-session';
import { OverviewView } from './overview-view';

/** The overview's counts: CSP and ACTIVE subscriptions (none of the others), and the transfers awaiting an answer. */
function overviewResult(awaitingAnswer: number, count = 1) {
  const connection = (typename: string, totalCount: number) => ({ __typename: typename, totalCount });
  return {
    data: {
      subscriptionCounts: {
        __typename: 'SubscriptionCounts',
        byChannel: [{ __typename: 'SubscriptionChannelCount', channel: 'CSP', count }],
        byStatus: [{ __typename: 'SubscriptionStatusCount', status: 'ACTIVE', count }],
        termsEndingWithin: count,
      },
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

describe('OverviewView counts', () => {
  it('asks for the terms ending within 60 days, and charts every channel and status, those without subscriptions at 0', async () => {
    const api = installFakeApi({ graphql: { Overview: () => overviewResult(0, 7) } });
    renderWithSession(<OverviewView />);

    expect(await screen.findByRole('link', { name: /7\s*Terms ending in the next 60 days/ })).toBeTruthy();
    expect(api.requestsFor('Overview')[0]?.variables).toEqual({ termsEndingDays: 60 });
    expect(screen.getByRole('link', { name: /CSP.*7/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Direct.*0/ })).toBeTruthy();
  });
});
