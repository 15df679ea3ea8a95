/**
 * The CSV exports over HTTP: what each file holds, the list filters, tenant scoping, the same door
 * as /graphql (credentials, rate limit), refusals as JSON, and quoting that keeps spreadsheets safe.
 */
import { describe, expect, it } from 'vitest';
import { createApiKey, createSession, createUser } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import { bearer, sessionCookie, useTestServer } from '../test/http.js';
import { createActiveCustomer, createPendingCustomer, createReadWorld } from '../test/read-api-factories.js';
import { cloneSubscription, customerGlobalId, subscriptionGlobalId } from '../test/subscription-factories.js';
import { EXPORT_BATCH_SIZE } from './csv-export.js';

const testDatabase = useTestDatabase();
const server = useTestServer(testDatabase);

/** Splits an RFC 4180 file into records of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (isQuoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') isQuoted = false;
      else field += character;
    } else if (character === '"') isQuoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += character;
  }
  return records;
}

/** The body exactly as sent: `Response.text()` would drop the byte order mark. */
async function bodyText(response: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

/** The file as objects keyed by the header line. */
async function readExport(response: Response): Promise<Record<string, string>[]> {
  const text = await bodyText(response);
  expect(text.startsWith('\uFEFF'), 'starts with a UTF-8 byte order mark').toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const [header = [], ...rows] = parseCsv(text.slice(1));
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

async function exportWorld() {
  const db = testDatabase.database.db;
  const world = await createReadWorld(db);
  const active = await createActiveCustomer(db, world.partner, {
    customer: { companyName: `=HYPERLINK("http://evil.example"), Inc ${world.partner.id.slice(0, 8)}` },
    subscriptions: [
      { channel: 'EA', billingModel: 'USAGE_BASED', managingPartnerId: null },
      { channel: 'OPEN', managingPartnerId: null, externalReference: 'OPEN-4711, "north"' },
    ],
  });
  const pending = await createPendingCustomer(db, world.partner);
  return { ...world, active, pending };
}

describe('GET /export/customers.csv', () => {
  it('streams the customers the caller sees as a CSV download, with the API’s ids and enum values', async () => {
    const world = await exportWorld();
    const response = await server.fetch('/export/customers.csv', { headers: bearer(world.apiKey.secret) });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('ratelimit')).toMatch(/"actor";r=\d+/);
    const rows = await readExport(response);
    expect(rows.map((row) => row.id).sort()).toEqual([customerGlobalId(world.active.customer), customerGlobalId(world.pending.customer)].sort());
    const active = rows.find((row) => row.id === customerGlobalId(world.active.customer));
    expect(active).toMatchObject({
      tenantId: world.active.customer.tenantId,
      primaryDomain: world.active.customer.primaryDomain,
      cloud: 'GLOBAL',
      isPartnerTenant: 'false',
      relationshipStatus: 'ACTIVE',
      createdAt: world.active.customer.createdAt.toISOString(),
    });
    expect(rows.find((row) => row.id === customerGlobalId(world.pending.customer))?.relationshipStatus).toBe('PENDING');
  });

  it('answers with the caller’s request id, the one its access-log line carries', async () => {
    const world = await exportWorld();
    const response = await server.fetch('/export/customers.csv', { headers: { ...bearer(world.apiKey.secret), 'x-request-id': 'req-export-0001' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-export-0001');
    await response.arrayBuffer();
  });

  it('quotes as RFC 4180 requires and turns a name that looks like a formula into text', async () => {
    const world = await exportWorld();
    const response = await server.fetch('/export/customers.csv', { headers: bearer(world.apiKey.secret) });
    const text = await bodyText(response.clone());
    const rows = await readExport(response);

    const name = world.active.customer.companyName;
    expect(rows.find((row) => row.id === customerGlobalId(world.active.customer))?.companyName).toBe(`'${name}`);
    expect(text).toContain(`,"'${name.replaceAll('"', '""')}",`);
  });

  it('applies the customers query’s filters', async () => {
    const world = await exportWorld();
    const byStatus = await readExport(await server.fetch('/export/customers.csv?relationshipStatus=PENDING', { headers: bearer(world.apiKey.secret) }));
    expect(byStatus.map((row) => row.id)).toEqual([customerGlobalId(world.pending.customer)]);

    const byChannel = await readExport(await server.fetch('/export/customers.csv?channel=OPEN', { headers: bearer(world.apiKey.secret) }));
    expect(byChannel.map((row) => row.id)).toEqual([customerGlobalId(world.active.customer)]);

    const search = encodeURIComponent(world.pending.customer.primaryDomain.toUpperCase());
    const bySearch = await readExport(await server.fetch(`/export/customers.csv?search=${search}`, { headers: bearer(world.apiKey.secret) }));
    expect(bySearch.map((row) => row.id)).toEqual([customerGlobalId(world.pending.customer)]);
  });

  it('never shows another partner’s customers, even with a filter that names them', async () => {
    const world = await exportWorld();
    const response = await server.fetch(`/export/customers.csv?search=${encodeURIComponent(world.strangerCustomer.companyName)}`, {
      headers: bearer(world.apiKey.secret),
    });
    expect(await readExport(response)).toEqual([]);
    const declined = await readExport(await server.fetch('/export/customers.csv', { headers: bearer(world.apiKey.secret) }));
    expect(declined.map((row) => row.id)).not.toContain(customerGlobalId(world.declinedCustomer));
  });

  it('accepts the admin app’s session cookie', async () => {
    const world = await exportWorld();
    const user = await createUser(testDatabase.database.db, { partnerId: world.partner.id, role: 'BILLING_ADMIN' });
    const session = await createSession(testDatabase.database.db, { userId: user.id });
    const response = await server.fetch('/export/customers.csv?relationshipStatus=ACTIVE', { headers: sessionCookie(session.token) });
    expect(response.status).toBe(200);
    expect((await readExport(response)).map((row) => row.id)).toEqual([customerGlobalId(world.active.customer)]);
  });
});

describe('GET /export/subscriptions.csv', () => {
  it('streams the subscriptions of customers with an ACTIVE relationship, never a pending or a stranger’s one', async () => {
    const world = await exportWorld();
    const response = await server.fetch('/export/subscriptions.csv', { headers: bearer(world.apiKey.secret) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="subscriptions-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = await readExport(response);

    const [ea, open] = world.active.subscriptions;
    expect(rows.map((row) => row.id).sort()).toEqual([ea, open].map((subscription) => subscriptionGlobalId(subscription!)).sort());
    expect(rows.find((row) => row.id === subscriptionGlobalId(open!))).toMatchObject({
      'customer.id': customerGlobalId(world.active.customer),
      'customer.companyName': `'${world.active.customer.companyName}`,
      channel: 'OPEN',
      billingModel: 'LICENSE_BASED',
      status: open!.status,
      quantity: String(open!.quantity),
      externalReference: 'OPEN-4711, "north"',
      'seller.id': '',
      'managingPartner.id': '',
      termStartDate: open!.termStartDate.toISOString(),
    });
    expect(rows.find((row) => row.id === subscriptionGlobalId(ea!))).toMatchObject({ channel: 'EA', billingModel: 'USAGE_BASED', quantity: '' });
  });

  it('applies the subscriptions query’s filters', async () => {
    const world = await exportWorld();
    const other = await createActiveCustomer(testDatabase.database.db, world.partner);
    const headers = bearer(world.apiKey.secret);

    const byChannel = await readExport(await server.fetch('/export/subscriptions.csv?channel=OPEN', { headers }));
    expect(byChannel.map((row) => row.id)).toEqual([subscriptionGlobalId(world.active.subscriptions[1]!)]);

    const byCustomer = await readExport(await server.fetch(`/export/subscriptions.csv?customerId=${customerGlobalId(other.customer)}`, { headers }));
    expect(byCustomer.map((row) => row.id)).toEqual([subscriptionGlobalId(other.subscriptions[0]!)]);

    const byModel = await readExport(await server.fetch('/export/subscriptions.csv?billingModel=USAGE_BASED&channel=EA', { headers }));
    expect(byModel.map((row) => row.id).sort()).toEqual([world.active.subscriptions[0]!, other.subscriptions[0]!].map(subscriptionGlobalId).sort());

    const beforeEverything = await readExport(await server.fetch('/export/subscriptions.csv?termEndsBefore=2000-01-01T00:00:00Z', { headers }));
    expect(beforeEverything).toEqual([]);
  });

  it('does not show a stranger’s subscriptions when asked for its customer', async () => {
    const world = await exportWorld();
    const response = await server.fetch(`/export/subscriptions.csv?customerId=${customerGlobalId(world.strangerCustomer)}`, {
      headers: bearer(world.apiKey.secret),
    });
    expect(response.status).toBe(200);
    expect(await readExport(response)).toEqual([]);
  });

  it('delivers every row when the export spans several batches', async () => {
    const db = testDatabase.database.db;
    const world = await exportWorld();
    const { subscriptions } = await createActiveCustomer(db, world.partner);
    await cloneSubscription(db, subscriptions[0]!.id, EXPORT_BATCH_SIZE * 2);

    const rows = await readExport(await server.fetch('/export/subscriptions.csv?channel=EA', { headers: bearer(world.apiKey.secret) }));
    expect(rows).toHaveLength(EXPORT_BATCH_SIZE * 2 + 2);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });
});

describe('refusals', () => {
  it('refuses a request without credentials, or with a wrong key or an expired session, with 401 UNAUTHENTICATED', async () => {
    const world = await exportWorld();
    const anonymous = await server.fetch('/export/customers.csv');
    expect(anonymous.status).toBe(401);
    const { error } = (await anonymous.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('sign in');

    const wrongKey = await server.fetch('/export/subscriptions.csv', { headers: bearer('sy_live_not-a-key') });
    expect(wrongKey.status).toBe(401);
    expect(await wrongKey.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'The API key is invalid or has been revoked.' } });

    const revoked = await createApiKey(testDatabase.database.db, { partnerId: world.partner.id, revoked: true });
    expect((await server.fetch('/export/customers.csv', { headers: bearer(revoked.secret) })).status).toBe(401);

    const expired = await createSession(testDatabase.database.db, { userId: world.admin.id, expiresAt: new Date(Date.now() - 1000) });
    const expiredResponse = await server.fetch('/export/customers.csv', { headers: sessionCookie(expired.token) });
    expect(expiredResponse.status).toBe(401);
    expect(expiredResponse.headers.get('set-cookie')).toMatch(/^sy_session=;/);
  });

  it('refuses bad filter values and unknown filters with 400 VALIDATION_FAILED naming them', async () => {
    const world = await exportWorld();
    const headers = bearer(world.apiKey.secret);
    for (const [path, named] of [
      ['/export/subscriptions.csv?channel=CARRIER_PIGEON', 'channel'],
      ['/export/subscriptions.csv?termEndsBefore=tomorrow', 'termEndsBefore'],
      ['/export/subscriptions.csv?customerId=not-an-id', 'customerId'],
      ['/export/subscriptions.csv?customerId=' + subscriptionGlobalId(world.active.subscriptions[0]!), 'customerId'],
      ['/export/customers.csv?cloud=MARS', 'cloud'],
      ['/export/customers.csv?colour=blue', 'colour'],
      ['/export/customers.csv?cloud=GLOBAL&cloud=GERMANY', 'cloud'],
    ] as const) {
      const response = await server.fetch(path, { headers });
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code, path).toBe('VALIDATION_FAILED');
      expect(body.error.message, path).toContain(named);
    }
  });
});

describe('rate limits', () => {
  const limitedServer = useTestServer(testDatabase, { rateLimits: { actor: { perMinute: 1 }, partner: { perMinute: 100 }, anonymous: { perMinute: 100 } } });

  it('share the caller’s bucket with /graphql and answer 429 RATE_LIMITED with Retry-After', async () => {
    const world = await exportWorld();
    const headers = bearer(world.apiKey.secret);
    expect((await limitedServer.graphql('{ viewer { role } }', { headers })).status).toBe(200);

    const response = await limitedServer.fetch('/export/customers.csv', { headers });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    const { error } = (await response.json()) as { error: { code: string; message: string; retryAfterSeconds: number } };
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/^Too many requests: try again in \d+ seconds?\.$/);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
  });
});
