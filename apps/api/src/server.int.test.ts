/** The HTTP surface: health, sign-in/out and its cookie, GraphQL transport rules, static admin app. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApiKey, createPartnerWithAdmin, createUser, TEST_PASSWORD } from './test/factories.js';
import { useTestDatabase } from './test/database.js';
import { bearer, sessionCookie, useTestServer } from './test/http.js';

const testDatabase = useTestDatabase();
const server = useTestServer(testDatabase);

async function login(email: string, password: string, headers: Record<string, string> = {}) {
  return server.fetch('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

function sessionTokenOf(response: Response): string {
  const match = /sy_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
  if (!match?.[1]) throw new Error('no session cookie set');
  return match[1];
}

describe('GET /healthz', () => {
  it('reports ok when the database answers', async () => {
    const response = await server.fetch('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('POST /auth/login', () => {
  it('signs a user in, returns who they are and sets an httpOnly SameSite=Lax session cookie', async () => {
    const { partner, admin } = await createPartnerWithAdmin(testDatabase.database.db);
    const response = await login(admin.email, TEST_PASSWORD);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: unknown; partner: { id: string; name: string } };
    expect(body.user).toEqual({ email: admin.email, name: admin.name, role: 'GLOBAL_ADMIN' });
    expect(body.partner.name).toBe(partner.name);
    expect(body.partner.id).not.toContain(partner.id); // an opaque global id, not the database id

    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sy_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('marks the cookie Secure when the request came over https (through a local proxy)', async () => {
    const { admin } = await createPartnerWithAdmin(testDatabase.database.db);
    const response = await login(admin.email, TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('lets the session cookie authenticate GraphQL requests', async () => {
    const { admin } = await createPartnerWithAdmin(testDatabase.database.db);
    const token = sessionTokenOf(await login(admin.email, TEST_PASSWORD));
    const result = await server.graphql('{ viewer { actorType role user { email } } }', { headers: sessionCookie(token) });
    expect(result.body).toMatchObject({ data: { viewer: { actorType: 'USER', role: 'GLOBAL_ADMIN', user: { email: admin.email } } } });
    expect(result.body.errors).toBeUndefined();
  });

  it('refuses a wrong password and an unknown email alike with 401 UNAUTHENTICATED', async () => {
    const { admin } = await createPartnerWithAdmin(testDatabase.database.db);
    const wrongPassword = await login(admin.email, 'not the password');
    const unknownEmail = await login('nobody@example.test', TEST_PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [first, second] = (await Promise.all([wrongPassword.json(), unknownEmail.json()])) as { error: { code: string; message: string } }[];
    expect(first?.error.code).toBe('UNAUTHENTICATED');
    expect(second).toEqual(first);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a disabled user', async () => {
    const { partner } = await createPartnerWithAdmin(testDatabase.database.db);
    const disabled = await createUser(testDatabase.database.db, { partnerId: partner.id, disabled: true });
    expect((await login(disabled.email, TEST_PASSWORD)).status).toBe(401);
  });

  it('throttles after five failures for one email and address, even with the right password', async () => {
    const { admin } = await createPartnerWithAdmin(testDatabase.database.db);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login(admin.email, `wrong ${attempt}`)).status).toBe(401);
    }
    const throttled = await login(admin.email, TEST_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe('LOGIN_THROTTLED');
  });

  it('rejects a body without email and password', async () => {
    const response = await server.fetch('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(400);
  });
});

describe('POST /auth/logout', () => {
  it('ends the session and clears the cookie', async () => {
    const { admin } = await createPartnerWithAdmin(testDatabase.database.db);
    const token = sessionTokenOf(await login(admin.email, TEST_PASSWORD));
    const response = await server.fetch('/auth/logout', { method: 'POST', headers: sessionCookie(token) });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/sy_session=;/);

    const after = await server.graphql('{ viewer { role } }', { headers: sessionCookie(token) });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('/graphql', () => {
  it('answers an API key with its partner and role', async () => {
    const { partner, apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const result = await server.graphql('{ viewer { actorType role apiKeyName user { email } partner { name } } }', { headers: bearer(apiKey.secret) });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      data: { viewer: { actorType: 'API_KEY', role: 'GLOBAL_ADMIN', apiKeyName: apiKey.name, user: null, partner: { name: partner.name } } },
    });
    expect(result.body.errors).toBeUndefined();
    expect(result.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns UNAUTHENTICATED as a top-level error when no credentials are sent', async () => {
    const result = await server.graphql('{ viewer { role } }');
    expect(result.status).toBe(200);
    expect(result.body.data).toBeNull();
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves introspection to signed-in callers only', async () => {
    const anonymous = await server.graphql('{ __schema { queryType { name } } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const signedIn = await server.graphql('{ __schema { queryType { name } } }', { headers: bearer(apiKey.secret) });
    expect(signedIn.body).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('refuses an unknown or revoked API key and a malformed Authorization header with 401', async () => {
    const { partner } = await createPartnerWithAdmin(testDatabase.database.db);
    const revoked = await createApiKey(testDatabase.database.db, { partnerId: partner.id, revoked: true });
    for (const headers of [bearer('sy_nope'), bearer(revoked.secret), { authorization: 'Basic abc' }]) {
      const result = await server.graphql('{ __typename }', { headers });
      expect(result.status).toBe(401);
      expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('runs queries over GET with a CSRF-safe header, and refuses them without one', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const path = `/graphql?query=${encodeURIComponent('{ viewer { role } }')}`;
    const withoutHeader = await server.fetch(path, { headers: bearer(apiKey.secret) });
    expect(withoutHeader.status).toBe(400);
    expect(await withoutHeader.text()).toMatch(/Cross-Site Request Forgery/);
    const withHeader = await server.fetch(path, { headers: { ...bearer(apiKey.secret), 'apollo-require-preflight': 'true' } });
    expect(withHeader.status).toBe(200);
    expect(await withHeader.json()).toMatchObject({ data: { viewer: { role: 'GLOBAL_ADMIN' } } });
  });

  it('refuses a POST with a simple content type (CSRF)', async () => {
    const response = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(response.status).toBe(400);
  });

  it('refuses mutations over GET', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const response = await server.fetch(`/graphql?query=${encodeURIComponent('mutation { __typename }')}`, {
      headers: { ...bearer(apiKey.secret), 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });

  it('serves no landing page (nothing loaded from a CDN) to a browser', async () => {
    const response = await server.fetch('/graphql', { headers: { accept: 'text/html' } });
    const body = await response.text();
    expect(response.headers.get('content-type')).not.toMatch(/html/);
    expect(body).not.toMatch(/<script|cdn|apollographql\.com/i);
  });

  it('refuses a page larger than 100 with VALIDATION_FAILED instead of shortening it', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const refused = await server.graphql('{ partners(first: 101) { totalCount } }', { headers: bearer(apiKey.secret) });
    expect(refused.body.errors?.[0]?.message).toMatch(/first must be at most 100/);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const lastRefused = await server.graphql('{ partners(last: 500) { totalCount } }', { headers: bearer(apiKey.secret) });
    expect(lastRefused.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const allowed = await server.graphql('{ partners(first: 100) { totalCount } }', { headers: bearer(apiKey.secret) });
    expect(allowed.body).toMatchObject({ data: { partners: { totalCount: 1 } } });
    expect(allowed.body.errors).toBeUndefined();
  });

  it('answers a body that is not JSON with 400 VALIDATION_FAILED, with its request id and the security headers', async () => {
    const response = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-not-json-1' }, body: '{"query":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'VALIDATION_FAILED' } }] });
    expect(response.headers.get('x-request-id')).toBe('req-not-json-1');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('runs a gzip-compressed request', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const response = await server.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...bearer(apiKey.secret) },
      body: gzipSync(JSON.stringify({ query: '{ viewer { role } }' })),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { viewer: { role: 'GLOBAL_ADMIN' } } });
  });

  it('refuses batched requests', async () => {
    const response = await server.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('the admin app', () => {
  it('says how to build it when apps/admin/dist is missing', async () => {
    const response = await server.fetch('/', { headers: { accept: 'text/html' } });
    // This repository's build may or may not exist when tests run; either answer is a page.
    expect(response.headers.get('content-type')).toMatch(/html/);
  });
});

describe('the admin app, built', () => {
  const dist = mkdtempSync(join(tmpdir(), 'sy-admin-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>admin</title>');
  writeFileSync(join(dist, 'graphiql.html'), '<!doctype html><title>graphiql</title>');
  writeFileSync(join(dist, 'app.js'), 'console.log(1)');
  const built = useTestServer(testDatabase, { adminDistDir: dist });

  it('serves index.html for client-side routes, assets as files, and GraphiQL at /graphiql', async () => {
    expect(await (await built.fetch('/customers/abc', { headers: { accept: 'text/html' } })).text()).toContain('<title>admin</title>');
    expect(await (await built.fetch('/app.js')).text()).toBe('console.log(1)');
    expect(await (await built.fetch('/graphiql')).text()).toContain('<title>graphiql</title>');
  });
});
