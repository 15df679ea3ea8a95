/** `customerCreate` and `customerUpdate` through GraphQL: the rules, audit, events, idempotency. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, relationships } from '../../db/schema/index.js';
import { seedCustomer, seedIndirectLink, seedRelationship, seedRelationshipRequest, uniqueSuffix } from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { auditEventsOf, outboxEventsAbout, partnerWithUser } from '../../test/relationship-factories.js';
import { databaseIdOf, encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

interface UserErrorData {
  code: string;
  message: string;
  field: string[] | null;
}
interface CustomerData {
  id: string;
  companyName: string;
  primaryDomain: string;
  country: string;
  cloud: string;
  version: number;
}
interface CreateData {
  customerCreate: { customer: CustomerData | null; relationship: { id: string; type: string; status: string } | null; userErrors: UserErrorData[] };
}
interface UpdateData {
  customerUpdate: { customer: CustomerData | null; userErrors: UserErrorData[] };
}

const CREATE = `mutation ($input: CustomerCreateInput!) {
  customerCreate(input: $input) {
    customer { id companyName primaryDomain country cloud version }
    relationship { id type status }
    userErrors { code message field }
  }
}`;

const UPDATE = `mutation ($input: CustomerUpdateInput!) {
  customerUpdate(input: $input) {
    customer { id companyName primaryDomain version }
    userErrors { code message field }
  }
}`;

const domain = () => `adatum-${uniqueSuffix()}.onmicrosoft.com`;

describe('customerCreate', () => {
  it('creates the customer in the partner’s cloud with the creator’s ACTIVE reseller relationship, one audit event and its events', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { role: 'SALES_AGENT', cloud: 'US_GOVERNMENT', markets: ['US'] });
    const primaryDomain = domain();

    const result = await execute<CreateData>(
      CREATE,
      { input: { companyName: ' Adatum ', primaryDomain: primaryDomain.toUpperCase(), country: 'us' } },
      { as: asUser(contoso.user) },
    );

    expect(result.errors).toBeUndefined();
    const payload = result.data?.customerCreate;
    expect(payload?.userErrors).toEqual([]);
    expect(payload?.customer).toMatchObject({ companyName: 'Adatum', primaryDomain, country: 'US', cloud: 'US_GOVERNMENT', version: 1 });
    expect(payload?.relationship).toMatchObject({ type: 'RESELLER', status: 'ACTIVE' });

    const customerId = databaseIdOf(payload?.customer?.id ?? '', 'Customer') ?? '';
    const [row] = await db.select().from(customers).where(eq(customers.id, customerId));
    expect(row?.createdByPartnerId).toBe(contoso.partner.id);
    const audit = await auditEventsOf(db, contoso.partner.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operation: 'customerCreate', actorType: 'USER', actorId: contoso.user.id, targetType: 'Customer' });
    expect(audit[0]?.targetIds).toContain(customerId);
    expect((await outboxEventsAbout(db, customerId)).map((event) => [event.type, event.audiencePartnerIds])).toEqual([
      ['customer.created', [contoso.partner.id]],
    ]);
  });

  it('refuses any new customer in the closed Germany cloud with CLOUD_CLOSED, and writes nothing', async () => {
    const { db } = testDatabase.database;
    const rheinland = await partnerWithUser(db, { cloud: 'GERMANY', markets: ['DE'] });
    const primaryDomain = domain();

    const result = await execute<CreateData>(CREATE, { input: { companyName: 'Adatum', primaryDomain, country: 'DE' } }, { as: asUser(rheinland.user) });

    expect(result.data?.customerCreate).toMatchObject({ customer: null, relationship: null, userErrors: [{ code: 'CLOUD_CLOSED', field: null }] });
    expect(await db.select().from(customers).where(eq(customers.primaryDomain, primaryDomain))).toEqual([]);
    expect(await auditEventsOf(db, rheinland.partner.id)).toEqual([]);
  });

  it('refuses a country outside the partner’s markets with MARKET_NOT_SUPPORTED on the country field', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { markets: ['US', 'GB'] });

    const result = await execute<CreateData>(CREATE, { input: { companyName: 'Adatum', primaryDomain: domain(), country: 'FR' } }, { as: asUser(contoso.user) });

    expect(result.data?.customerCreate.userErrors).toEqual([
      { code: 'MARKET_NOT_SUPPORTED', message: 'Your organisation does not sell in FR; its markets are US, GB.', field: ['input', 'country'] },
    ]);
    expect(await auditEventsOf(db, contoso.partner.id)).toEqual([]);
  });

  it('refuses a primary domain already used in the cloud with VALIDATION_FAILED on the field, but allows it in another cloud', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { markets: ['US'] });
    const liberty = await partnerWithUser(db, { cloud: 'US_GOVERNMENT', markets: ['US'] });
    const taken = await seedCustomer(db, { primaryDomain: domain() });

    const refused = await execute<CreateData>(
      CREATE,
      { input: { companyName: 'Copycat', primaryDomain: taken.primaryDomain, country: 'US' } },
      { as: asUser(contoso.user) },
    );
    expect(refused.errors).toBeUndefined();
    expect(refused.data?.customerCreate).toMatchObject({
      customer: null,
      userErrors: [{ code: 'VALIDATION_FAILED', field: ['input', 'primaryDomain'] }],
    });
    expect(await auditEventsOf(db, contoso.partner.id)).toEqual([]);

    const elsewhere = await execute<CreateData>(
      CREATE,
      { input: { companyName: 'Adatum Federal', primaryDomain: taken.primaryDomain, country: 'US' } },
      { as: asUser(liberty.user) },
    );
    expect(elsewhere.data?.customerCreate.userErrors).toEqual([]);
  });

  it('refuses malformed input with VALIDATION_FAILED naming the field', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const result = await execute<CreateData>(CREATE, { input: { companyName: 'Adatum', primaryDomain: 'not a domain', country: 'UK' } }, { as: asUser(contoso.user) });
    expect(result.data?.customerCreate.userErrors.map((error) => [error.code, error.field])).toEqual([
      ['VALIDATION_FAILED', ['input', 'primaryDomain']],
      ['VALIDATION_FAILED', ['input', 'country']],
    ]);
  });

  it('is FORBIDDEN for a role that may not create customers', async () => {
    const { db } = testDatabase.database;
    const billing = await partnerWithUser(db, { role: 'BILLING_ADMIN' });
    const result = await execute<CreateData>(CREATE, { input: { companyName: 'Adatum', primaryDomain: domain(), country: 'US' } }, { as: asUser(billing.user) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await auditEventsOf(db, billing.partner.id)).toEqual([]);
  });

  it('returns the same customer when retried with the same Idempotency-Key, and refuses the key for other input', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const idempotencyKey = randomUUID();
    const input = { companyName: 'Adatum', primaryDomain: domain(), country: 'US' };

    const first = await execute<CreateData>(CREATE, { input }, { as: asUser(contoso.user), idempotencyKey });
    const retry = await execute<CreateData>(CREATE, { input }, { as: asUser(contoso.user), idempotencyKey });

    expect(first.data?.customerCreate.customer?.id).toBeDefined();
    expect(retry.data?.customerCreate).toEqual(first.data?.customerCreate);
    expect(await db.select().from(customers).where(eq(customers.primaryDomain, input.primaryDomain))).toHaveLength(1);
    expect(await auditEventsOf(db, contoso.partner.id)).toHaveLength(1);

    const reused = await execute<CreateData>(CREATE, { input: { ...input, companyName: 'Other' } }, { as: asUser(contoso.user), idempotencyKey });
    expect(reused.data?.customerCreate.userErrors.map((error) => error.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  describe('by an indirect reseller', () => {
    it('names its provider (an ACTIVE link): INDIRECT_RESELLER for the reseller and INDIRECT_PROVIDER for the provider', async () => {
      const { db } = testDatabase.database;
      const northwind = await partnerWithUser(db, { kind: 'INDIRECT_RESELLER' });
      const link = await seedIndirectLink(db, { resellerId: northwind.partner.id });

      const result = await execute<CreateData>(
        CREATE,
        { input: { companyName: 'Adatum', primaryDomain: domain(), country: 'US', indirectProviderId: encodeGlobalId('Partner', link.providerId) } },
        { as: asUser(northwind.user) },
      );

      expect(result.data?.customerCreate.userErrors).toEqual([]);
      expect(result.data?.customerCreate.relationship).toMatchObject({ type: 'INDIRECT_RESELLER', status: 'ACTIVE' });
      const customerId = databaseIdOf(result.data?.customerCreate.customer?.id ?? '', 'Customer') ?? '';
      const started = await db.select().from(relationships).where(eq(relationships.customerId, customerId));
      expect(started.map((row) => [row.partnerId, row.type, row.indirectProviderId, row.status]).sort()).toEqual(
        [
          [northwind.partner.id, 'INDIRECT_RESELLER', link.providerId, 'ACTIVE'],
          [link.providerId, 'INDIRECT_PROVIDER', null, 'ACTIVE'],
        ].sort(),
      );
      expect((await outboxEventsAbout(db, customerId))[0]?.audiencePartnerIds.sort()).toEqual([northwind.partner.id, link.providerId].sort());
    });

    it('refuses INDIRECT_LINK_REQUIRED without a provider, and with a suspended link', async () => {
      const { db } = testDatabase.database;
      const northwind = await partnerWithUser(db, { kind: 'INDIRECT_RESELLER' });
      const suspended = await seedIndirectLink(db, { resellerId: northwind.partner.id, status: 'SUSPENDED' });

      const withoutProvider = await execute<CreateData>(CREATE, { input: { companyName: 'Adatum', primaryDomain: domain(), country: 'US' } }, { as: asUser(northwind.user) });
      const throughSuspended = await execute<CreateData>(
        CREATE,
        { input: { companyName: 'Adatum', primaryDomain: domain(), country: 'US', indirectProviderId: encodeGlobalId('Partner', suspended.providerId) } },
        { as: asUser(northwind.user) },
      );

      for (const result of [withoutProvider, throughSuspended]) {
        expect(result.data?.customerCreate.userErrors).toMatchObject([{ code: 'INDIRECT_LINK_REQUIRED', field: ['input', 'indirectProviderId'] }]);
      }
      expect(await auditEventsOf(db, northwind.partner.id)).toEqual([]);
    });
  });
});

describe('customerUpdate', () => {
  it('changes the name of a customer the partner has an ACTIVE relationship with, at the expected version', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const customer = await seedCustomer(db);
    await seedRelationship(db, { partnerId: contoso.partner.id, customerId: customer.id });
    const customerId = encodeGlobalId('Customer', customer.id);

    const result = await execute<UpdateData>(UPDATE, { input: { customerId, expectedVersion: 1, companyName: 'Adatum Corporation' } }, { as: asUser(contoso.user) });

    expect(result.data?.customerUpdate).toEqual({
      customer: { id: customerId, companyName: 'Adatum Corporation', primaryDomain: customer.primaryDomain, version: 2 },
      userErrors: [],
    });
    const audit = await auditEventsOf(db, contoso.partner.id, 'customerUpdate');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ companyName: customer.companyName, version: 1 });
    expect(audit[0]?.after).toMatchObject({ companyName: 'Adatum Corporation', version: 2 });
    expect((await outboxEventsAbout(db, customer.id)).map((event) => event.type)).toEqual(['customer.updated']);
  });

  it('refuses a stale expectedVersion with STALE_VERSION and changes nothing', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const customer = await seedCustomer(db, { version: 3 });
    await seedRelationship(db, { partnerId: contoso.partner.id, customerId: customer.id });

    const result = await execute<UpdateData>(
      UPDATE,
      { input: { customerId: encodeGlobalId('Customer', customer.id), expectedVersion: 2, companyName: 'Late' } },
      { as: asUser(contoso.user) },
    );

    expect(result.data?.customerUpdate).toMatchObject({ customer: null, userErrors: [{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }] });
    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row?.companyName).toBe(customer.companyName);
    expect(await auditEventsOf(db, contoso.partner.id)).toEqual([]);
  });

  it('answers NOT_FOUND for a customer the partner cannot see, exactly as for an id that does not exist', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const stranger = await seedCustomer(db);

    const invisible = await execute<UpdateData>(UPDATE, { input: { customerId: encodeGlobalId('Customer', stranger.id), companyName: 'Mine' } }, { as: asUser(contoso.user) });
    const missing = await execute<UpdateData>(UPDATE, { input: { customerId: encodeGlobalId('Customer', randomUUID()), companyName: 'Mine' } }, { as: asUser(contoso.user) });

    expect(invisible.data?.customerUpdate.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'No customer with this id.', field: ['input', 'customerId'] }]);
    expect(missing.data?.customerUpdate).toEqual(invisible.data?.customerUpdate);
  });

  it('refuses a partner whose request is still pending with RELATIONSHIP_REQUIRED', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const customer = await seedCustomer(db);
    await seedRelationshipRequest(db, { partnerId: contoso.partner.id, customerId: customer.id });

    const result = await execute<UpdateData>(UPDATE, { input: { customerId: encodeGlobalId('Customer', customer.id), companyName: 'Mine' } }, { as: asUser(contoso.user) });

    expect(result.data?.customerUpdate.userErrors.map((error) => error.code)).toEqual(['RELATIONSHIP_REQUIRED']);
  });

  it('refuses a primary domain another customer of the cloud uses with VALIDATION_FAILED on the field', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const customer = await seedCustomer(db);
    const other = await seedCustomer(db);
    await seedRelationship(db, { partnerId: contoso.partner.id, customerId: customer.id });

    const result = await execute<UpdateData>(
      UPDATE,
      { input: { customerId: encodeGlobalId('Customer', customer.id), primaryDomain: other.primaryDomain } },
      { as: asUser(contoso.user) },
    );

    expect(result.data?.customerUpdate.userErrors).toMatchObject([{ code: 'VALIDATION_FAILED', field: ['input', 'primaryDomain'] }]);
  });

  it('is FORBIDDEN for a helpdesk agent', async () => {
    const { db } = testDatabase.database;
    const helpdesk = await partnerWithUser(db, { role: 'HELPDESK_AGENT' });
    const customer = await seedCustomer(db);
    await seedRelationship(db, { partnerId: helpdesk.partner.id, customerId: customer.id });
    const result = await execute<UpdateData>(UPDATE, { input: { customerId: encodeGlobalId('Customer', customer.id), companyName: 'Mine' } }, { as: asUser(helpdesk.user) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
