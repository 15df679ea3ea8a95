/** An invited user sets its password with its link's token (POST /auth/accept-invitation) and is signed in; the link works once. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, users } from '../db/schema/index.js';
import { createPartnerWithAdmin, unique } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import { asUser, useExecutor } from '../test/execute-operation.js';
import { sessionCookie, useTestServer } from '../test/http.js';

const testDatabase = useTestDatabase();
const server = useTestServer(testDatabase);
const execute = useExecutor(testDatabase);

async function invite(role = 'HELPDESK_AGENT') {
  const { partner, admin } = await createPartnerWithAdmin(testDatabase.database.db);
  const email = `${unique('new').toLowerCase()}@example.test`;
  const result = await execute<{ userInvite: { user: { id: string; invitationUrl: string } } }>(
    'mutation ($input: UserInviteInput!) { userInvite(input: $input) { user { id invitationUrl } userErrors { code } } }',
    { input: { email, name: 'New Person', role } },
    { as: asUser(admin) },
  );
  const url = result.data?.userInvite.user.invitationUrl ?? '';
  return { partner, email, token: decodeURIComponent(url.split('/').pop() ?? '') };
}

const accept = (body: unknown) =>
  server.fetch('/auth/accept-invitation', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /auth/accept-invitation', () => {
  it('sets the password, signs the user in with a session cookie, audits it, and works once', async () => {
    const { partner, email, token } = await invite();
    const response = await accept({ token, password: 'a long enough passphrase' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { email, role: 'HELPDESK_AGENT' } });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sy_session=[A-Za-z0-9_-]{40,};.*HttpOnly/i);
    const viewer = await server.graphql('{ viewer { role user { email } } }', {
      headers: sessionCookie(/^sy_session=([^;]+)/.exec(cookie)?.[1] ?? ''),
    });
    expect(viewer.body).toMatchObject({
      data: { viewer: { role: 'HELPDESK_AGENT', user: { email } } },
    });

    const [row] = await testDatabase.database.db.select().from(users).where(eq(users.email, email));
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.invitationTokenHash).toBeNull();
    const audit = await testDatabase.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.operation, 'userInvitationAccept'));
    expect(audit.filter((event) => event.partnerId === partner.id)).toHaveLength(1);

    const again = await accept({ token, password: 'another long passphrase' });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('refuses a short password (VALIDATION_FAILED on password) and keeps the link usable', async () => {
    const { token } = await invite();
    const short = await accept({ token, password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: ['password'] },
    });
    expect((await accept({ token, password: 'now a long enough one' })).status).toBe(200);
  });

  it('refuses an expired invitation with INVITATION_EXPIRED', async () => {
    const { email, token } = await invite();
    await testDatabase.database.db
      .update(users)
      .set({ invitationExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(users.email, email));
    const response = await accept({ token, password: 'a long enough passphrase' });
    expect(response.status).toBe(410);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'INVITATION_EXPIRED',
    );
  });

  it('refuses an unknown token and a disabled user alike with NOT_FOUND', async () => {
    expect((await accept({ token: 'made-up', password: 'a long enough passphrase' })).status).toBe(
      404,
    );
    const { email, token } = await invite();
    await testDatabase.database.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.email, email));
    expect((await accept({ token, password: 'a long enough passphrase' })).status).toBe(404);
  });
});
