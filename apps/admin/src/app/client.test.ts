import { describe, expect, it, vi } from 'vitest';
import { viewerQuery } from '../features/auth/queries';
import { viewerResult } from '../features/auth/fixtures';
import { customerDetailsResult, customerSubscription } from '../features/customers/fixtures';
import { subscriptionSuspendMutation } from '../features/customers/mutations';
import { customerDetailsQuery } from '../features/customers/queries';
import { graphQLError, installFakeApi, jsonResponse } from '../testing/fake-api';
import { createAdminClient } from './client';

describe('createAdminClient', () => {
  it('posts every operation to /graphql with the session cookie and the CSRF-prevention header', async () => {
    const { fetchMock } = installFakeApi({ graphql: { Viewer: viewerResult() } });
    await createAdminClient().query(viewerQuery, {}).toPromise();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('include');
    const headers = new Headers(init?.headers);
    expect(headers.get('apollo-require-preflight')).toBe('true');
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(init?.body as string)).toMatchObject({ operationName: 'Viewer' });
  });

  it('returns the data', async () => {
    installFakeApi({
      graphql: { Viewer: viewerResult({ partnerName: 'Tailspin Managed Services' }) },
    });
    const result = await createAdminClient().query(viewerQuery, {}).toPromise();
    expect(result.data?.viewer?.partner.name).toBe('Tailspin Managed Services');
  });

  it('reports an UNAUTHENTICATED error, so the app can show the sign-in screen', async () => {
    installFakeApi({ graphql: { Viewer: graphQLError('UNAUTHENTICATED') } });
    const onUnauthenticated = vi.fn();
    await createAdminClient({ onUnauthenticated }).query(viewerQuery, {}).toPromise();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('reports a 401 answer the same way', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse({ errors: [{ message: 'Sign in first.' }] }, 401))),
    );
    const onUnauthenticated = vi.fn();
    await createAdminClient({ onUnauthenticated }).query(viewerQuery, {}).toPromise();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('caches Switchyard’s Subscription objects like any other type (not as a GraphQL root)', async () => {
    installFakeApi({
      graphql: {
        CustomerDetails: customerDetailsResult({}, [customerSubscription({ quantity: 7 })]),
      },
    });
    const result = await createAdminClient()
      .query(customerDetailsQuery, { id: 'Q3VzdG9tZXI6MQ==', subscriptionsFirst: 50 })
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.customer?.subscriptions.nodes[0]?.quantity).toBe(7);
  });

  it('does not report other errors as a lost session', async () => {
    installFakeApi({ graphql: { Viewer: graphQLError('FORBIDDEN') } });
    const onUnauthenticated = vi.fn();
    await createAdminClient({ onUnauthenticated }).query(viewerQuery, {}).toPromise();
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('shows a suspension at once, then undoes it when the API refuses', async () => {
    const subscription = customerSubscription({ status: 'ACTIVE', autoRenew: true });
    let answerSuspend: ((response: Response) => void) | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        const { operationName } = JSON.parse(init.body as string) as { operationName: string };
        if (operationName === 'CustomerDetails') {
          return Promise.resolve(jsonResponse(customerDetailsResult({}, [subscription])));
        }
        return new Promise<Response>((resolve) => {
          answerSuspend = resolve;
        });
      }),
    );
    const client = createAdminClient();
    const variables = { id: 'Q3VzdG9tZXI6MQ==', subscriptionsFirst: 50 };
    const cachedSubscription = () =>
      client.readQuery(customerDetailsQuery, variables)?.data?.customer?.subscriptions.nodes[0];
    await client.query(customerDetailsQuery, variables).toPromise();

    const suspension = client
      .mutation(subscriptionSuspendMutation, { input: { subscriptionId: subscription.id } })
      .toPromise();
    expect(cachedSubscription()).toMatchObject({ status: 'SUSPENDED', autoRenew: false });

    await vi.waitFor(() => expect(answerSuspend).toBeDefined());
    answerSuspend?.(
      jsonResponse({
        data: {
          subscriptionSuspend: {
            __typename: 'SubscriptionSuspendPayload',
            subscription: null,
            userErrors: [
              { __typename: 'UserError', code: 'SUBSCRIPTION_NOT_ACTIVE', message: 'Not active.', field: null },
            ],
          },
        },
      }),
    );
    await suspension;
    expect(cachedSubscription()).toMatchObject({ status: 'ACTIVE', autoRenew: true });
  });
});
