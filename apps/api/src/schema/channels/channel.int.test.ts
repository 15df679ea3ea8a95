/** `channels`: the seven channels with their rules (domain.md §4) and the caller's subscription counts. */
import { CHANNEL_RULES, CHANNELS } from '@switchyard/domain';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { createActiveCustomer, createPendingCustomer, createReadWorld } from '../../test/read-api-factories.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

interface ChannelsData {
  channels: {
    channel: string;
    label: string;
    description: string;
    isCsp: boolean;
    isMultiChannelSource: boolean;
    licenseBasedPath: string | null;
    usageBasedPath: string | null;
    transferPaths: { billingModel: string; kind: string | null }[];
    subscriptionCount: number;
  }[];
}

const CHANNELS_QUERY = `{ channels { channel label description isCsp isMultiChannelSource licenseBasedPath usageBasedPath transferPaths { billingModel kind } subscriptionCount } }`;

describe('channels', () => {
  it('lists the seven channels with the rules of the domain table', async () => {
    const world = await createReadWorld(db());
    const result = await execute<ChannelsData>(CHANNELS_QUERY, {}, { as: asUser(world.admin) });

    expect(result.errors).toBeUndefined();
    expect(result.data?.channels.map((row) => row.channel)).toEqual([...CHANNELS]);
    expect(result.data?.channels).toHaveLength(7);
    for (const row of result.data?.channels ?? []) {
      const rules = CHANNEL_RULES[row.channel as keyof typeof CHANNEL_RULES];
      expect(row).toMatchObject({
        label: rules.label,
        description: rules.description,
        isCsp: rules.isCsp,
        isMultiChannelSource: rules.isMultiChannelSource,
        licenseBasedPath: rules.transferPath.LICENSE_BASED,
        usageBasedPath: rules.transferPath.USAGE_BASED,
        transferPaths: [
          { billingModel: 'LICENSE_BASED', kind: rules.transferPath.LICENSE_BASED },
          { billingModel: 'USAGE_BASED', kind: rules.transferPath.USAGE_BASED },
        ],
      });
    }
    // domain.md §4, spelled out: the table's rows as the spec states them.
    const byChannel = Object.fromEntries(result.data?.channels.map((row) => [row.channel, row]) ?? []);
    expect(byChannel.CSP).toMatchObject({ isMultiChannelSource: false, licenseBasedPath: 'PARTNER_SWITCH', usageBasedPath: 'PARTNER_SWITCH' });
    for (const channel of ['DIRECT', 'ADVISOR', 'OPEN', 'EA', 'THIRD_PARTY']) {
      expect(byChannel[channel]).toMatchObject({ isMultiChannelSource: true, licenseBasedPath: 'LICENSE_TRANSITION', usageBasedPath: 'USAGE_MIGRATION' });
    }
    expect(byChannel.SYNDICATION).toMatchObject({ isMultiChannelSource: false, licenseBasedPath: null, usageBasedPath: null });
  });

  it('counts only the subscriptions you can see, per channel, in one grouped query', async () => {
    const world = await createReadWorld(db());
    await createActiveCustomer(db(), world.partner, {
      subscriptions: [{ channel: 'EA', billingModel: 'USAGE_BASED' }, { channel: 'EA', managingPartnerId: null }, { channel: 'CSP' }],
    });
    // Not visible: a pending customer's DIRECT subscription, and the stranger's EA Azure.
    await createPendingCustomer(db(), world.partner);

    const { result, queries } = await testDatabase.database.queryCounter.measure(() => execute<ChannelsData>(CHANNELS_QUERY, {}, { as: asUser(world.admin) }));
    const withoutCounts = await testDatabase.database.queryCounter.measure(() => execute(`{ channels { channel } }`, {}, { as: asUser(world.admin) }));

    expect(Object.fromEntries(result.data?.channels.map((row) => [row.channel, row.subscriptionCount]) ?? [])).toEqual({
      CSP: 1,
      DIRECT: 0,
      ADVISOR: 0,
      OPEN: 0,
      EA: 2,
      THIRD_PARTY: 0,
      SYNDICATION: 0,
    });
    expect(queries - withoutCounts.queries).toBe(1);
  });
});
