/** `offers`: the catalog of the caller's cloud, and `node` for offers. */
import { describe, expect, it } from 'vitest';
import { seedOffer, uniqueSuffix } from '../../db/seed/factories.js';
import { createPartnerWithAdmin } from '../../test/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

interface OffersData {
  offers: { totalCount: number; nodes: { id: string; name: string; sku: string; billingModel: string; terms: string[]; billingCycles: string[]; clouds: string[]; unitPrice: string | null; currency: string }[] };
}
const OFFERS = `query Offers($search: String, $billingModel: BillingModel) {
  offers(first: 100, search: $search, billingModel: $billingModel) { totalCount nodes { id name sku billingModel terms billingCycles clouds unitPrice currency } }
}`;

describe('offers', () => {
  it('lists the catalog of your cloud only, by name, with exact decimal prices', async () => {
    const tag = uniqueSuffix();
    const { admin } = await createPartnerWithAdmin(db(), { cloud: 'US_GOVERNMENT' });
    const government = await seedOffer(db(), { name: `B Gov ${tag}`, clouds: ['US_GOVERNMENT'], unitPrice: '12.50' });
    const everywhere = await seedOffer(db(), { name: `A All ${tag}`, billingModel: 'USAGE_BASED' });
    await seedOffer(db(), { name: `C Global ${tag}`, clouds: ['GLOBAL'] });

    const result = await execute<OffersData>(OFFERS, { search: tag }, { as: asUser(admin) });

    expect(result.errors).toBeUndefined();
    expect(result.data?.offers.totalCount).toBe(2);
    expect(result.data?.offers.nodes).toEqual([
      {
        id: encodeGlobalId('Offer', everywhere.id),
        name: everywhere.name,
        sku: everywhere.sku,
        billingModel: 'USAGE_BASED',
        terms: ['P1M'],
        billingCycles: ['MONTHLY'],
        clouds: ['GLOBAL', 'US_GOVERNMENT', 'GERMANY'],
        unitPrice: null,
        currency: 'USD',
      },
      expect.objectContaining({ id: encodeGlobalId('Offer', government.id), billingModel: 'LICENSE_BASED', unitPrice: '12.50', clouds: ['US_GOVERNMENT'] }),
    ]);
  });

  it('filters by billing model and searches the SKU', async () => {
    const tag = uniqueSuffix();
    const { admin } = await createPartnerWithAdmin(db());
    const licenses = await seedOffer(db(), { name: `Licenses ${tag}` });
    await seedOffer(db(), { name: `Azure ${tag}`, billingModel: 'USAGE_BASED' });

    const usage = await execute<OffersData>(OFFERS, { search: tag, billingModel: 'LICENSE_BASED' }, { as: asUser(admin) });
    const bySku = await execute<OffersData>(OFFERS, { search: licenses.sku.toLowerCase() }, { as: asUser(admin) });

    expect(usage.data?.offers.nodes.map((node) => node.name)).toEqual([`Licenses ${tag}`]);
    expect(bySku.data?.offers.nodes.map((node) => node.name)).toEqual([`Licenses ${tag}`]);
  });

  it('refetches an offer of your cloud through node, and not one of another cloud', async () => {
    const { admin } = await createPartnerWithAdmin(db());
    const mine = await seedOffer(db());
    const foreign = await seedOffer(db(), { clouds: ['GERMANY'] });
    const result = await execute<{ nodes: ({ id: string } | null)[] }>(`query N($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [encodeGlobalId('Offer', mine.id), encodeGlobalId('Offer', foreign.id)],
    }, { as: asUser(admin) });
    expect(result.data?.nodes).toEqual([{ id: encodeGlobalId('Offer', mine.id) }, null]);
  });
});
