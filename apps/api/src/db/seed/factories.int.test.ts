/** The test factories write rows the database accepts and the rules expect, with unique values. */
import { TRANSFER_KINDS, TRANSFER_STATUSES } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/passwords.js';
import { hashSecret } from '../../auth/secrets.js';
import { useTestDatabase } from '../../test/database.js';
import * as schema from '../schema/index.js';
import {
  lineItemStatusForTransfer,
  seedApiKey,
  seedCustomer,
  seedIndirectLink,
  seedOffer,
  seedPartner,
  seedRelationship,
  seedRelationshipRequest,
  seedSubscription,
  seedTransfer,
  seedUser,
} from './factories.js';
import { findWorldInconsistencies } from './world-consistency.js';

const testDatabase = useTestDatabase();
const db = () => testDatabase.database.db;

describe('seedPartner, seedCustomer, seedOffer', () => {
  it('make unique partners, even many at once', async () => {
    const partners = await Promise.all(Array.from({ length: 40 }, () => seedPartner(db())));
    expect(new Set(partners.map((partner) => partner.partnerNumber)).size).toBe(40);
    expect(new Set(partners.map((partner) => partner.domain)).size).toBe(40);
    for (const partner of partners) expect(partner.partnerNumber).toMatch(/^[0-9]{7}$/);
  });

  it('take overrides', async () => {
    const partner = await seedPartner(db(), {
      kind: 'INDIRECT_PROVIDER',
      cloud: 'GERMANY',
      markets: ['DE'],
    });
    expect(partner).toMatchObject({ kind: 'INDIRECT_PROVIDER', cloud: 'GERMANY', markets: ['DE'] });
    const customer = await seedCustomer(db(), { cloud: 'US_GOVERNMENT', isPartnerTenant: true });
    expect(customer).toMatchObject({ cloud: 'US_GOVERNMENT', isPartnerTenant: true });
    expect(customer.primaryDomain).toMatch(/^customer-[0-9a-f]+\.onmicrosoft\.com$/);
    const offer = await seedOffer(db(), { billingModel: 'USAGE_BASED' });
    expect(offer).toMatchObject({ billingModel: 'USAGE_BASED', unitPrice: null, terms: ['P1M'] });
  });
});

describe('seedRelationship, seedRelationshipRequest, seedIndirectLink', () => {
  it('create the missing party in the same cloud', async () => {
    const customer = await seedCustomer(db(), { cloud: 'GERMANY', country: 'DE' });
    const relationship = await seedRelationship(db(), { customerId: customer.id });
    const [partner] = await db()
      .select()
      .from(schema.partners)
      .where(eq(schema.partners.id, relationship.partnerId));
    expect(partner?.cloud).toBe('GERMANY');
    expect(relationship).toMatchObject({ status: 'ACTIVE', type: 'RESELLER', terminatedAt: null });
  });

  it('name a provider for an indirect reseller, and date a termination', async () => {
    const indirect = await seedRelationship(db(), { type: 'INDIRECT_RESELLER' });
    expect(indirect.indirectProviderId).not.toBeNull();
    const terminated = await seedRelationship(db(), { status: 'TERMINATED' });
    expect(terminated.terminatedAt).toBeInstanceOf(Date);
  });

  it('return the plain invitation token of a request', async () => {
    const request = await seedRelationshipRequest(db());
    expect(request.tokenHash).toBe(hashSecret(request.token));
    expect(request.status).toBe('PENDING');
    const expired = await seedRelationshipRequest(db(), { status: 'EXPIRED' });
    expect(expired.expiresAt.getTime()).toBeLessThan(Date.now());
  });

  it('link a provider and a reseller', async () => {
    const link = await seedIndirectLink(db(), { status: 'REVOKED' });
    expect(link).toMatchObject({ status: 'REVOKED' });
    expect(link.revokedAt).toBeInstanceOf(Date);
  });
});

describe('seedSubscription', () => {
  it('makes an active CSP license-based subscription sold by a partner with a relationship', async () => {
    const subscription = await seedSubscription(db());
    expect(subscription).toMatchObject({
      channel: 'CSP',
      billingModel: 'LICENSE_BASED',
      status: 'ACTIVE',
      quantity: 10,
      term: 'P1Y',
      services: [],
    });
    expect(subscription.sellerPartnerId).not.toBeNull();
    expect(subscription.cancellationAllowedUntil?.getTime()).toBe(
      subscription.termStartDate.getTime() + 7 * 86_400_000,
    );
    const [relationship] = await db()
      .select()
      .from(schema.relationships)
      .where(eq(schema.relationships.partnerId, subscription.sellerPartnerId ?? ''));
    expect(relationship).toMatchObject({ customerId: subscription.customerId, status: 'ACTIVE' });
  });

  it('makes usage-based subscriptions with services and no seats, outside CSP with an agreement number', async () => {
    const subscription = await seedSubscription(db(), {
      channel: 'EA',
      billingModel: 'USAGE_BASED',
    });
    expect(subscription).toMatchObject({
      sellerPartnerId: null,
      quantity: null,
      term: null,
      cancellationAllowedUntil: null,
      billingCycle: null,
    });
    expect(subscription.externalReference).toMatch(/^EXT-/);
    expect(subscription.services.map((service) => service.name)).toEqual([
      'Virtual Machines',
      'Storage',
    ]);
  });

  it('derives what a status implies', async () => {
    const cancelled = await seedSubscription(db(), {
      status: 'CANCELLED',
      billingModel: 'USAGE_BASED',
    });
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect(cancelled.isAutoRenewEnabled).toBe(false);
    expect(cancelled.services.every((service) => service.status === 'CANCELLED')).toBe(true);
    const suspended = await seedSubscription(db(), { status: 'SUSPENDED' });
    expect(suspended.isAutoRenewEnabled).toBe(false);
  });

  it('reuses a given offer and customer', async () => {
    const offer = await seedOffer(db(), { billingModel: 'USAGE_BASED' });
    const customer = await seedCustomer(db());
    const subscription = await seedSubscription(db(), {
      offerId: offer.id,
      customerId: customer.id,
      services: [{ name: 'Key Vault', status: 'CANCELLED' }],
    });
    expect(subscription).toMatchObject({
      offerId: offer.id,
      customerId: customer.id,
      billingModel: 'USAGE_BASED',
      term: 'P1M',
    });
    expect(subscription.services).toMatchObject([{ name: 'Key Vault', status: 'CANCELLED' }]);
  });
});

describe('seedTransfer', () => {
  it.each(
    TRANSFER_KINDS.flatMap((kind) => TRANSFER_STATUSES.map((status) => [kind, status] as const)),
  )('makes a %s transfer in status %s with consistent line items', async (kind, status) => {
    const { transfer, lineItems } = await seedTransfer(db(), { kind, status });
    expect(transfer).toMatchObject({ kind, status });
    expect(transfer.sourcePartnerId === null).toBe(kind !== 'PARTNER_SWITCH');
    expect(transfer.cancelSource === null).toBe(kind !== 'USAGE_MIGRATION');
    expect(lineItems).toHaveLength(1);
    expect(lineItems[0]?.status).toBe(lineItemStatusForTransfer(status));
  });

  it('lets the database refuse a second open transfer of the same subscription', async () => {
    const { lineItems } = await seedTransfer(db());
    const subscriptionId = lineItems[0]?.subscriptionId ?? '';
    await expect(seedTransfer(db(), { subscriptionIds: [subscriptionId] })).rejects.toThrow();
    // A closed transfer of it is fine.
    const { transfer } = await seedTransfer(db(), {
      subscriptionIds: [subscriptionId],
      status: 'REJECTED',
    });
    expect(transfer.status).toBe('REJECTED');
  });
});

describe('seedUser and seedApiKey', () => {
  it('return the plain password and secret that match what is stored', async () => {
    const { user, password } = await seedUser(db(), { role: 'HELPDESK_AGENT' });
    expect(user.role).toBe('HELPDESK_AGENT');
    expect(await verifyPassword(password, user.passwordHash ?? '')).toBe(true);
    const { apiKey, secret } = await seedApiKey(db(), {
      partnerId: user.partnerId,
      role: 'BILLING_ADMIN',
    });
    expect(apiKey).toMatchObject({
      partnerId: user.partnerId,
      role: 'BILLING_ADMIN',
      secretHash: hashSecret(secret),
      displayPrefix: secret.slice(0, 12),
    });
  });
});

describe('what the factories make', () => {
  it('passes the world consistency checks, which do catch a broken row', async () => {
    expect((await findWorldInconsistencies(db())).map((found) => found.check)).toEqual([]);
    await seedSubscription(db(), {
      status: 'ACTIVE',
      termStartDate: new Date('2020-01-01T00:00:00Z'),
    });
    const found = await findWorldInconsistencies(db());
    expect(found.map((inconsistency) => inconsistency.check)).toEqual([
      expect.stringMatching(/past its term end/),
    ]);
  });
});
