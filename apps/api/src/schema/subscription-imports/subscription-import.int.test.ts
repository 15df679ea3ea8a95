/**
 * Bulk import through GraphQL and the import job: preview (per-row and file-level errors), start,
 * the job registering each row through `subscriptionRegisterExternal`'s rules (APPLIED or REFUSED),
 * progress, the report, cancelling, and who may see and do what — up to a 1,000-row file.
 */
import { EXTERNAL_SUBSCRIPTION_CSV_COLUMNS } from '@switchyard/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRows } from '../../db/raw-rows.js';
import { auditEvents, offers, subscriptions, users } from '../../db/schema/index.js';
import { startJobRunner } from '../../jobs/job-runner.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import { createLogger } from '../../logger.js';
import { asAppRole } from '../../test/access-factories.js';
import { seedCustomer, seedOffer, seedRelationship, seedRelationshipRequest, seedSubscription } from '../../db/seed/factories.js';
import { applySubscriptionImports } from '../../services/subscription-imports/apply-subscription-imports.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { createPartnerWithAdmin, createUser } from '../../test/factories.js';
import { createPartnerWithCustomer, customerGlobalId } from '../../test/subscription-factories.js';
import { databaseIdOf } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

type Actor = { id: string };
interface UserErrorData {
  code: string;
  message: string;
  field: string[] | null;
}
interface ImportData {
  id: string;
  status: string;
  version: number;
  rowCount: number;
  validRowCount: number;
  invalidRowCount: number;
  processedRowCount: number;
  appliedRowCount: number;
  refusedRowCount: number;
  progress: number;
}
interface RowData {
  rowNumber: number;
  outcome: string;
  errors: UserErrorData[];
  subscription: { id: string } | null;
}
interface PayloadData {
  subscriptionImport: ImportData | null;
  userErrors: UserErrorData[];
}

const IMPORT_FIELDS = 'id status version rowCount validRowCount invalidRowCount processedRowCount appliedRowCount refusedRowCount progress';

async function mutate(name: string, input: Record<string, unknown>, actor: Actor): Promise<PayloadData> {
  const result = await execute<Record<string, PayloadData>>(
    `mutation ($input: ${name.charAt(0).toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { subscriptionImport { ${IMPORT_FIELDS} } userErrors { code message field } } }`,
    { input },
    { as: asUser(actor) },
  );
  expect(result.errors).toBeUndefined();
  const payload = result.data?.[name];
  if (!payload) throw new Error(`${name} returned no payload`);
  return payload;
}

async function preview(csv: string, actor: Actor, options: { customerId?: string } = {}): Promise<ImportData> {
  const payload = await mutate('subscriptionImportPreview', { csv, fileName: 'subscriptions.csv', ...options }, actor);
  expect(payload.userErrors).toEqual([]);
  if (!payload.subscriptionImport) throw new Error('no import');
  return payload.subscriptionImport;
}

async function start(subscriptionImport: ImportData, actor: Actor): Promise<ImportData> {
  const payload = await mutate('subscriptionImportStart', { subscriptionImportId: subscriptionImport.id, expectedVersion: subscriptionImport.version }, actor);
  expect(payload.userErrors).toEqual([]);
  if (!payload.subscriptionImport) throw new Error('no import');
  return payload.subscriptionImport;
}

/** The import through `node`, with its rows of some outcomes (all when none are named). */
async function load(id: string, actor: Actor, outcomes: string[] = []) {
  const result = await execute<{ node: (ImportData & { reportCsv: string; rows: { totalCount: number; nodes: RowData[] } }) | null }>(
    `query ($id: ID!, $outcomes: [SubscriptionImportRowOutcome!]) { node(id: $id) { ... on SubscriptionImport { ${IMPORT_FIELDS} reportCsv
       rows(first: 100, outcomes: $outcomes) { totalCount nodes { rowNumber outcome errors { code message field } subscription { id } } } } } }`,
    { id, outcomes },
    { as: asUser(actor) },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.node ?? null;
}

type Cells = Partial<Record<(typeof EXTERNAL_SUBSCRIPTION_CSV_COLUMNS)[number], string>>;
function csvOf(rows: Cells[]): string {
  return [EXTERNAL_SUBSCRIPTION_CSV_COLUMNS.join(','), ...rows.map((row) => EXTERNAL_SUBSCRIPTION_CSV_COLUMNS.map((column) => row[column] ?? '').join(','))].join('\n');
}

async function world() {
  const { partner, admin, customer } = await createPartnerWithCustomer(db());
  const seats = await seedOffer(db());
  const azure = await seedOffer(db(), { billingModel: 'USAGE_BASED' });
  const row = (overrides: Cells = {}): Cells => ({
    customer_domain: customer.primaryDomain,
    offer_sku: seats.sku,
    channel: 'DIRECT',
    external_reference: 'ORDER-1',
    quantity: '10',
    term_start: '2025-01-01',
    term_end: '2026-01-01',
    ...overrides,
  });
  return { partner, admin, customer, seats, azure, row };
}

/** A customer the partner has only sent a relationship request to: visible, but not to register for. */
async function pendingCustomerOf(partner: { id: string; cloud: 'GLOBAL' | 'US_GOVERNMENT' | 'GERMANY' }) {
  const customer = await seedCustomer(db(), { cloud: partner.cloud });
  await seedRelationshipRequest(db(), { partnerId: partner.id, customerId: customer.id });
  return customer;
}

/** A subscription registered already, for a term starting 2025-01-01 as the rows' do. */
function seedRegistered(subscription: { customerId: string; offerId: string; channel: 'EA' | 'DIRECT'; externalReference: string }) {
  return seedSubscription(db(), {
    ...subscription,
    termStartDate: new Date('2025-01-01T00:00:00Z'),
    termEndDate: new Date('2026-01-01T00:00:00Z'),
  });
}

describe('subscriptionImportPreview', () => {
  it('keeps every row, with each invalid row’s errors by column, and registers nothing', async () => {
    const { admin, customer, row } = await world();
    const csv = csvOf([
      row(),
      row({ external_reference: 'ORDER-2', quantity: 'ten', term_end: '2024-01-01' }),
      row({ external_reference: 'ORDER-3', channel: 'CSP' }),
      row(),
    ]);

    const subscriptionImport = await preview(csv, admin);

    expect(subscriptionImport).toMatchObject({ status: 'PREVIEW', rowCount: 4, validRowCount: 1, invalidRowCount: 3, processedRowCount: 0, progress: 0 });
    const invalid = await load(subscriptionImport.id, admin, ['INVALID']);
    expect(invalid?.rows.nodes.map((node) => [node.rowNumber, node.errors.map((error) => error.field?.[0])])).toEqual([
      [3, ['quantity', 'term_end']],
      [4, ['channel']],
      [5, ['external_reference']],
    ]);
    expect(invalid?.rows.nodes[2]?.errors[0]?.message).toMatch(/^Row 2 already registers/);
    expect(await db().$count(subscriptions, eq(subscriptions.customerId, customer.id))).toBe(0);
  });

  it('refuses a file it cannot read as a whole, on the csv field, and keeps no import', async () => {
    const { admin } = await world();
    const payload = await mutate('subscriptionImportPreview', { csv: 'customer_domain,offer_sku,colour\na.example,X,red', fileName: 'x.csv' }, admin);

    expect(payload.subscriptionImport).toBeNull();
    expect(payload.userErrors.map((error) => [error.code, error.field])).toEqual([
      ['VALIDATION_FAILED', ['input', 'csv']],
      ['VALIDATION_FAILED', ['input', 'csv']],
    ]);
    expect(payload.userErrors[0]?.message).toMatch(/lacks the columns channel, external_reference, term_start and term_end/);
    expect(payload.userErrors[1]?.message).toMatch(/does not have: colour/);
  });

  it('reads a file for one customer without a customer_domain column', async () => {
    const { admin, customer, seats } = await world();
    const csv = `offer_sku,channel,external_reference,quantity,term_start,term_end\n${seats.sku},OPEN,OPEN-1,5,2025-01-01,2026-01-01`;
    const subscriptionImport = await preview(csv, admin, { customerId: customerGlobalId(customer) });
    expect(subscriptionImport).toMatchObject({ rowCount: 1, validRowCount: 1 });
  });
});

describe('the import job', () => {
  it('registers each valid row on its own: APPLIED with its subscription, or REFUSED with the registration’s code', async () => {
    const { partner, admin, customer, seats, azure, row } = await world();
    const pending = await pendingCustomerOf(partner);
    await seedRegistered({ customerId: customer.id, offerId: seats.id, channel: 'EA', externalReference: 'EA-OLD' });
    const csv = csvOf([
      row(),
      row({ offer_sku: azure.sku, channel: 'EA', external_reference: 'EA-9', quantity: '', services: 'Virtual Machines;Storage' }),
      row({ customer_domain: 'nobody.example', external_reference: 'ORDER-3' }),
      row({ customer_domain: pending.primaryDomain, external_reference: 'ORDER-4' }),
      row({ channel: 'EA', external_reference: 'ea-old' }),
      row({ external_reference: 'ORDER-6', quantity: '' }),
      row({ external_reference: 'ORDER-7', term_start: 'soon' }),
    ]);
    const subscriptionImport = await start(await preview(csv, admin), admin);
    expect(subscriptionImport).toMatchObject({ status: 'QUEUED', validRowCount: 5 });

    expect(await applySubscriptionImports(testDatabase.database)).toEqual({ imports: 1, applied: 2, refused: 3 });

    const done = await load(subscriptionImport.id, admin);
    expect(done).toMatchObject({ status: 'COMPLETED', processedRowCount: 5, appliedRowCount: 2, refusedRowCount: 3, progress: 1 });
    expect(done?.rows.nodes.map((node) => [node.rowNumber, node.outcome, node.errors.map((error) => `${error.code} ${error.field?.[0]}`)])).toEqual([
      [2, 'APPLIED', []],
      [3, 'APPLIED', []],
      [4, 'INVALID', ['NOT_FOUND customer_domain']],
      [5, 'REFUSED', ['RELATIONSHIP_REQUIRED undefined']],
      [6, 'REFUSED', ['SUBSCRIPTION_ALREADY_REGISTERED external_reference']],
      [7, 'REFUSED', ['VALIDATION_FAILED quantity']],
      [8, 'INVALID', ['VALIDATION_FAILED term_start']],
    ]);
    const appliedId = databaseIdOf(done?.rows.nodes[1]?.subscription?.id ?? '', 'Subscription');
    const azureSubscription = await db().query.subscriptions.findFirst({ where: { id: appliedId ?? '' }, with: { services: true } });
    expect(azureSubscription).toMatchObject({ channel: 'EA', externalReference: 'EA-9', offerId: azure.id, customerId: customer.id });
    expect(azureSubscription?.services.map((service) => service.name).sort()).toEqual(['Storage', 'Virtual Machines']);

    // Each registration is audited as whoever started the import.
    const registrations = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.operation, 'subscriptionRegisterExternal')));
    expect(registrations.map((event) => [event.actorType, event.actorLabel])).toEqual([
      ['USER', admin.email],
      ['USER', admin.email],
    ]);

    const report = done?.reportCsv.trim().split('\r\n') ?? [];
    expect(report[0]).toBe(`row,outcome,${EXTERNAL_SUBSCRIPTION_CSV_COLUMNS.join(',')},subscription_id,error_codes,errors`);
    expect(report).toHaveLength(8);
    expect(report[3]).toMatch(/^4,INVALID,nobody\.example,.*,NOT_FOUND,customer_domain: No customer with the primary domain nobody\.example/);
    expect(report[1]).toContain(done?.rows.nodes[0]?.subscription?.id);
  });

  it('shows progress batch by batch and resumes where it stopped, applying no row twice', async () => {
    const { admin, customer, row } = await world();
    const csv = csvOf(Array.from({ length: 5 }, (_, index) => row({ external_reference: `ORDER-${index}` })));
    const subscriptionImport = await start(await preview(csv, admin), admin);

    await applySubscriptionImports(testDatabase.database, { batchSize: 2, maxBatches: 1 });
    expect(await load(subscriptionImport.id, admin)).toMatchObject({ status: 'RUNNING', processedRowCount: 2, appliedRowCount: 2, progress: 0.4 });

    await applySubscriptionImports(testDatabase.database, { batchSize: 2 });
    await applySubscriptionImports(testDatabase.database, { batchSize: 2 });
    expect(await load(subscriptionImport.id, admin)).toMatchObject({ status: 'COMPLETED', processedRowCount: 5, appliedRowCount: 5 });
    expect(await db().$count(subscriptions, eq(subscriptions.customerId, customer.id))).toBe(5);
  });
});

describe('customers and offers named by the file', () => {
  it('marks at preview a customer domain or SKU you cannot see, and refuses at run time one that went out of view since', async () => {
    const { admin, seats, row } = await world();
    const subscriptionImport = await preview(csvOf([row(), row({ external_reference: 'ORDER-2', offer_sku: 'NO-SUCH-SKU' })]), admin);
    expect(subscriptionImport).toMatchObject({ rowCount: 2, validRowCount: 1 });

    await start(subscriptionImport, admin);
    // The offer leaves the partner's cloud catalog between the preview and the run.
    await db().update(offers).set({ clouds: ['GERMANY'] }).where(eq(offers.id, seats.id));
    await applySubscriptionImports(testDatabase.database);

    const done = await load(subscriptionImport.id, admin);
    expect(done?.rows.nodes.map((node) => [node.outcome, node.errors.map((error) => `${error.code} ${error.field?.[0]}`)])).toEqual([
      ['REFUSED', ['NOT_FOUND offer_sku']],
      ['INVALID', ['NOT_FOUND offer_sku']],
    ]);
  });
});

describe('starting and cancelling', () => {
  it('refuses starting twice, and starting a file without a valid row', async () => {
    const { admin, row } = await world();
    const subscriptionImport = await preview(csvOf([row()]), admin);
    await start(subscriptionImport, admin);

    const again = await mutate('subscriptionImportStart', { subscriptionImportId: subscriptionImport.id }, admin);
    const allInvalid = await preview(csvOf([row({ channel: 'CSP' })]), admin);
    const empty = await mutate('subscriptionImportStart', { subscriptionImportId: allInvalid.id }, admin);

    expect(again.userErrors.map((error) => error.code)).toEqual(['INVALID_TRANSITION']);
    expect(empty.userErrors.map((error) => error.code)).toEqual(['VALIDATION_FAILED']);
  });

  it('registers nothing more once whoever started it can no longer register subscriptions', async () => {
    const { partner, row } = await world();
    const agent = await createUser(db(), { partnerId: partner.id, role: 'ADMIN_AGENT' });
    const subscriptionImport = await start(await preview(csvOf([row(), row({ external_reference: 'ORDER-2' })]), agent), agent);
    await applySubscriptionImports(testDatabase.database, { batchSize: 1, maxBatches: 1 });

    await db().update(users).set({ role: 'BILLING_ADMIN' }).where(eq(users.id, agent.id));
    await applySubscriptionImports(testDatabase.database);

    const done = await load(subscriptionImport.id, agent);
    expect(done).toMatchObject({ status: 'COMPLETED', appliedRowCount: 1, refusedRowCount: 1 });
    expect(done?.rows.nodes.map((node) => [node.outcome, node.errors.map((error) => error.code)])).toEqual([
      ['APPLIED', []],
      ['REFUSED', ['FORBIDDEN']],
    ]);
  });

  it('refuses a start on a version read before a change (STALE_VERSION)', async () => {
    const { admin, row } = await world();
    const subscriptionImport = await preview(csvOf([row()]), admin);
    const stale = await mutate('subscriptionImportStart', { subscriptionImportId: subscriptionImport.id, expectedVersion: subscriptionImport.version + 1 }, admin);
    expect(stale.userErrors.map((error) => error.code)).toEqual(['STALE_VERSION']);
  });

  it('cancels between batches: rows applied stay, the rest are SKIPPED', async () => {
    const { admin, row } = await world();
    const csv = csvOf(Array.from({ length: 4 }, (_, index) => row({ external_reference: `ORDER-${index}` })));
    const subscriptionImport = await start(await preview(csv, admin), admin);
    await applySubscriptionImports(testDatabase.database, { batchSize: 1, maxBatches: 1 });

    const cancelled = await mutate('subscriptionImportCancel', { subscriptionImportId: subscriptionImport.id }, admin);
    await applySubscriptionImports(testDatabase.database);

    expect(cancelled.subscriptionImport).toMatchObject({ status: 'CANCELLED', appliedRowCount: 1 });
    const rows = await load(subscriptionImport.id, admin);
    expect(rows?.rows.nodes.map((node) => node.outcome)).toEqual(['APPLIED', 'SKIPPED', 'SKIPPED', 'SKIPPED']);
    const again = await mutate('subscriptionImportCancel', { subscriptionImportId: subscriptionImport.id }, admin);
    expect(again.userErrors.map((error) => error.code)).toEqual(['INVALID_TRANSITION']);
  });
});

describe('who may see and do what', () => {
  it('hides an import from another partner: node is null, the list is empty, start is NOT_FOUND', async () => {
    const { admin, row } = await world();
    const subscriptionImport = await preview(csvOf([row()]), admin);
    const { admin: stranger } = await createPartnerWithAdmin(db());

    expect(await load(subscriptionImport.id, stranger)).toBeNull();
    const list = await execute<{ subscriptionImports: { totalCount: number } }>('{ subscriptionImports(first: 10) { totalCount } }', {}, { as: asUser(stranger) });
    expect(list.data?.subscriptionImports.totalCount).toBe(0);
    const started = await mutate('subscriptionImportStart', { subscriptionImportId: subscriptionImport.id }, stranger);
    expect(started.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
  });

  it('needs the permission that registers subscriptions: a billing admin may read but not import', async () => {
    const { partner, admin, row } = await world();
    const billing = await createUser(db(), { partnerId: partner.id, role: 'BILLING_ADMIN' });
    const subscriptionImport = await preview(csvOf([row()]), admin);

    const result = await execute(
      'mutation ($input: SubscriptionImportPreviewInput!) { subscriptionImportPreview(input: $input) { userErrors { code } } }',
      { input: { csv: csvOf([row()]), fileName: 'x.csv' } },
      { as: asUser(billing) },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await load(subscriptionImport.id, billing))?.rowCount).toBe(1);
  });
});

describe('the job runner', () => {
  const runners: JobRunner[] = [];
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
  });

  it(`completes a started import with no manual step (${testDatabase.kind === 'postgres' ? 'pg-boss' : 'interval scheduler'})`, async () => {
    const { admin, row } = await world();
    const subscriptionImport = await start(await preview(csvOf([row(), row({ external_reference: 'ORDER-2' })]), admin), admin);
    const database = testDatabase.database;
    runners.push(
      await startJobRunner(database, {
        dueTransitionsIntervalSeconds: 60,
        outboxPollIntervalSeconds: 1,
        applyDueTransitions: () => Promise.resolve({}),
        databaseUrl: database.kind === 'postgres' ? database.pool.options.connectionString : undefined,
        logger: createLogger('silent'),
      }),
    );

    const deadline = Date.now() + 60_000;
    let current = await load(subscriptionImport.id, admin);
    while (current?.status !== 'COMPLETED' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = await load(subscriptionImport.id, admin);
    }
    expect(current).toMatchObject({ status: 'COMPLETED', appliedRowCount: 2 });
  }, 90_000);
});

describe('row-level security', () => {
  it('shows another partner none of an import’s rows, even without the application’s filters', async () => {
    const { partner, admin, row } = await world();
    await preview(csvOf([row(), row({ external_reference: 'ORDER-2' })]), admin);
    const other = await createPartnerWithAdmin(db());
    const countsFor = (partnerId: string) =>
      asAppRole(testDatabase.database, partnerId, async (tx) =>
        rawRows<{ imports: number; rows: number }>(
          await tx.execute(sql`SELECT (SELECT count(*)::int FROM subscription_imports) AS imports, (SELECT count(*)::int FROM subscription_import_rows) AS rows`),
        ),
      );

    expect(await countsFor(partner.id)).toEqual([{ imports: 1, rows: 2 }]);
    expect(await countsFor(other.partner.id)).toEqual([{ imports: 0, rows: 0 }]);
  });
});

describe('a 1,000-row file', () => {
  it('imports end to end: invalid rows stay out, rows the rules refuse are REFUSED, the rest become subscriptions', async () => {
    const { partner, admin, customer, seats, row } = await world();
    const second = await seedCustomer(db(), { cloud: partner.cloud });
    await seedRelationship(db(), { partnerId: partner.id, customerId: second.id });
    const pending = await pendingCustomerOf(partner);
    await seedRegistered({ customerId: customer.id, offerId: seats.id, channel: 'DIRECT', externalReference: 'ROW-0' });

    // Per 20 rows: 1 malformed and 1 for an unknown offer (invalid at preview), 1 for a customer with only a
    // pending request (valid in form, refused by the registration's rules); row 0 exists already (refused too).
    const rows = Array.from({ length: 1000 }, (_, index) => {
      const reference = `ROW-${index}`;
      const domain = index % 2 === 0 ? customer.primaryDomain : second.primaryDomain;
      if (index % 20 === 7) return row({ customer_domain: domain, external_reference: reference, term_end: 'never' });
      if (index % 20 === 11) return row({ customer_domain: domain, external_reference: reference, offer_sku: 'NO-SUCH-SKU' });
      if (index % 20 === 13) return row({ customer_domain: pending.primaryDomain, external_reference: reference });
      return row({ customer_domain: domain, external_reference: reference });
    });
    const previewed = await preview(csvOf(rows), admin);
    expect(previewed).toMatchObject({ rowCount: 1000, validRowCount: 900, invalidRowCount: 100 });

    await start(previewed, admin);
    await applySubscriptionImports(testDatabase.database);

    const done = await load(previewed.id, admin, ['REFUSED']);
    expect(done).toMatchObject({ status: 'COMPLETED', processedRowCount: 900, appliedRowCount: 849, refusedRowCount: 51, progress: 1 });
    expect(done?.rows.totalCount).toBe(51);
    const refusedCodes = new Map<string, number>();
    for (const line of (done?.reportCsv ?? '').split('\r\n').filter((text) => text.includes(',REFUSED,'))) {
      const code = /,(RELATIONSHIP_REQUIRED|SUBSCRIPTION_ALREADY_REGISTERED),/.exec(line)?.[1] ?? 'other';
      refusedCodes.set(code, (refusedCodes.get(code) ?? 0) + 1);
    }
    expect(Object.fromEntries(refusedCodes)).toEqual({ RELATIONSHIP_REQUIRED: 50, SUBSCRIPTION_ALREADY_REGISTERED: 1 });
    const invalidReasons = new Set((done?.reportCsv ?? '').split('\r\n').filter((text) => text.includes(',INVALID,')).map((text) => /,(VALIDATION_FAILED|NOT_FOUND),/.exec(text)?.[1]));
    expect(invalidReasons).toEqual(new Set(['VALIDATION_FAILED', 'NOT_FOUND']));
    const registered =
      (await db().$count(subscriptions, eq(subscriptions.customerId, customer.id))) + (await db().$count(subscriptions, eq(subscriptions.customerId, second.id)));
    expect(registered).toBe(1 + 849);
  }, 240_000);
});
