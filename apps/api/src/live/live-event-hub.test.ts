import { describe, expect, it } from 'vitest';
import { createLiveEventHub, matchesLiveFilter } from './live-event-hub.js';
import type { LiveEvent } from './live-notification.js';
import { liveNotification, parseLiveNotification } from './live-notification.js';

const PARTNER = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OTHER_PARTNER = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const TRANSFER = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const event = (overrides: Partial<LiveEvent> = {}): LiveEvent => ({
  id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  type: 'transfer.created',
  aggregateType: 'Transfer',
  aggregateId: TRANSFER,
  customerId: undefined,
  audiencePartnerIds: [PARTNER],
  ...overrides,
});
const filter = { partnerId: PARTNER, aggregateType: 'Transfer', typename: 'Transfer' };

describe('matchesLiveFilter', () => {
  it.each([
    ['an event about the type, for the partner', event(), filter, true],
    ['another partner’s event', event({ audiencePartnerIds: [OTHER_PARTNER] }), filter, false],
    ['an event without an audience (too wide to send): the re-read decides', event({ audiencePartnerIds: undefined }), filter, true],
    ['another type', event({ aggregateType: 'Subscription' }), filter, false],
    ['another object than the one asked for', event(), { ...filter, aggregateId: OTHER_PARTNER }, false],
    ['another customer than the one asked for', event({ customerId: PARTNER }), { ...filter, customerId: OTHER_PARTNER }, false],
  ])('%s → %s', (_name, candidate, against, expected) => {
    expect(matchesLiveFilter(candidate, against)).toBe(expected);
  });
});

describe('createLiveEventHub', () => {
  it('queues matching events per subscriber, one per object while unread, and ends on return()', async () => {
    const hub = createLiveEventHub();
    const updates = hub.updates(filter);
    hub.publish(event({ id: 'first' }));
    hub.publish(event({ id: 'second' }));
    hub.publish(event({ audiencePartnerIds: [OTHER_PARTNER] }));

    expect(await updates.next()).toEqual({ done: false, value: { event: event({ id: 'first' }), node: { typename: 'Transfer', id: TRANSFER } } });
    expect([hub.openSubscriptions(PARTNER), hub.openSubscriptions(OTHER_PARTNER)]).toEqual([1, 0]);
    const waiting = updates.next();
    await updates.return?.();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(hub.openSubscriptions(PARTNER)).toBe(0);
  });

  it('ends every open iterator when it closes', async () => {
    const hub = createLiveEventHub();
    const updates = hub.updates(filter);
    const waiting = updates.next();
    hub.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
    hub.publish(event());
    expect(await updates.next()).toEqual({ done: true, value: undefined });
  });
});

describe('live notifications', () => {
  it('round-trip, with the customer id taken from the event’s payload', () => {
    const customerId = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
    const text = liveNotification({
      id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
      type: 'subscription.updated',
      aggregateType: 'Subscription',
      aggregateId: TRANSFER,
      audiencePartnerIds: [PARTNER],
      payload: { customerId: Buffer.from(`Customer:${customerId}`).toString('base64') },
    });
    expect(parseLiveNotification(text)).toMatchObject({ aggregateId: TRANSFER, customerId, audiencePartnerIds: [PARTNER] });
  });

  it('leave out an audience too wide for NOTIFY rather than fail the transaction', () => {
    const audience = Array.from({ length: 400 }, () => PARTNER);
    const text = liveNotification({ id: 'x', type: 'transfer.created', aggregateType: 'Transfer', aggregateId: TRANSFER, audiencePartnerIds: audience, payload: {} });
    expect(Buffer.byteLength(text)).toBeLessThan(8000);
    expect(parseLiveNotification(text)?.audiencePartnerIds).toBeUndefined();
  });

  it('ignore text that is not one', () => {
    expect(parseLiveNotification('not json')).toBeUndefined();
    expect(parseLiveNotification('{"id": 1}')).toBeUndefined();
  });
});
