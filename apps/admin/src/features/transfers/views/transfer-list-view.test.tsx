import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeLiveUpdates } from '../../../testing/fake-live-updates';
import { installFakeApi } from '../../../testing/fake-api';
import { renderWithSession } from '../../../testing/render-with-session';
import { transferListItem, transferListResult } from '../fixtures';
import { TransferListView } from './transfer-list-view';

describe('TransferListView live updates', () => {
  it('reloads the list from the server when one of the partner’s transfers changes', async () => {
    const first = transferListItem({ companyName: 'Adatum' });
    const arrived = transferListItem({ companyName: 'Fourth Coffee' });
    let answers = [transferListResult([first]), transferListResult([arrived, first])];
    const api = installFakeApi({
      graphql: {
        TransferList: () => {
          const [answer, ...rest] = answers;
          if (rest.length > 0) answers = rest;
          return answer ?? transferListResult([]);
        },
      },
    });
    const live = createFakeLiveUpdates();
    window.history.replaceState(null, '', '/transfers');
    renderWithSession(<TransferListView />, { liveUpdates: live.exchange });
    await screen.findByRole('rowheader', { name: 'Adatum' });
    expect(live.openSubscriptions('TransferUpdated')).toEqual([{ id: null }]);

    live.push('TransferUpdated', {
      transferUpdated: { __typename: 'Transfer', id: arrived.id, status: 'PENDING', version: 1 },
    });

    expect(await screen.findByRole('rowheader', { name: 'Fourth Coffee' })).toBeTruthy();
    expect(api.requestsFor('TransferList')).toHaveLength(2);
  });

  it('refreshes once for a burst of updates', async () => {
    const api = installFakeApi({ graphql: { TransferList: transferListResult([transferListItem()]) } });
    const live = createFakeLiveUpdates();
    window.history.replaceState(null, '', '/transfers');
    renderWithSession(<TransferListView />, { liveUpdates: live.exchange });
    await waitFor(() => expect(api.requestsFor('TransferList')).toHaveLength(1));

    for (const version of [2, 3, 4]) {
      live.push('TransferUpdated', {
        transferUpdated: { __typename: 'Transfer', id: 'VHJhbnNmZXI6eA==', status: 'SCHEDULED', version },
      });
    }

    await waitFor(() => expect(api.requestsFor('TransferList')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.requestsFor('TransferList')).toHaveLength(2);
  });
});
