/** Users and API keys through GraphQL: userInvite, userUpdate, apiKeyCreate, apiKeyRevoke, and the settings lists. */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authenticateApiKey, authenticateSession, loadActor } from '../../auth/authenticate.js';
import { auditEvents, outboxEvents, sessions, users } from '../../db/schema/index.js';
import {
  createApiKey,
  createPartnerWithAdmin,
  createSession,
  createUser,
  unique,
} from '../../test/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asApiKey, asUser, useExecutor } from '../../test/execute-operation.js';
import { encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface UserErrorShape {
  code: string;
  field: string[] | null;
  message: string;
}
interface PayloadResult<K extends string, T> {
  data?: Record<K, (Record<string, T | null> & { userErrors: UserErrorShape[] }) | null> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

const USER_FIELDS = 'id email name role isDisabled isInvitationPending invitationUrl version';
const API_KEY_FIELDS = 'id name role displayPrefix secret isRevoked revokedAt version';

const USER_INVITE = `mutation ($input: UserInviteInput!) { userInvite(input: $input) { user { ${USER_FIELDS} } userErrors { code field message } } }`;
const USER_UPDATE = `mutation ($input: UserUpdateInput!) { userUpdate(input: $input) { user { ${USER_FIELDS} } userErrors { code field message } } }`;
const API_KEY_CREATE = `mutation ($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { apiKey { ${API_KEY_FIELDS} } userErrors { code field message } } }`;
const API_KEY_REVOKE = `mutation ($input: ApiKeyRevokeInput!) { apiKeyRevoke(input: $input) { apiKey { ${API_KEY_FIELDS} } userErrors { code field message } } }`;

type UserPayload = {
  id: string;
  email: string;
  role: string;
  isDisabled: boolean;
  isInvitationPending: boolean;
  invitationUrl: string | null;
  version: number;
};
type ApiKeyPayload = {
  id: string;
  name: string;
  role: string;
  displayPrefix: string;
  secret: string | null;
  isRevoked: boolean;
  version: number;
};

async function inviteUser(
  as: { id: string },
  input: Record<string, unknown>,
  idempotencyKey?: string,
) {
  return (await execute(
    USER_INVITE,
    { input },
    { as: asUser(as), ...(idempotencyKey ? { idempotencyKey } : {}) },
  )) as PayloadResult<'userInvite', UserPayload>;
}
async function updateUser(as: { id: string }, input: Record<string, unknown>) {
  return (await execute(USER_UPDATE, { input }, { as: asUser(as) })) as PayloadResult<
    'userUpdate',
    UserPayload
  >;
}
async function createKey(
  as: ReturnType<typeof asUser>,
  input: Record<string, unknown>,
  idempotencyKey?: string,
) {
  return (await execute(
    API_KEY_CREATE,
    { input },
    { as, ...(idempotencyKey ? { idempotencyKey } : {}) },
  )) as PayloadResult<'apiKeyCreate', ApiKeyPayload>;
}
async function revokeKey(as: ReturnType<typeof asUser>, input: Record<string, unknown>) {
  return (await execute(API_KEY_REVOKE, { input }, { as })) as PayloadResult<
    'apiKeyRevoke',
    ApiKeyPayload
  >;
}
const codes = (payload: { userErrors: UserErrorShape[] } | null | undefined) =>
  payload?.userErrors.map((error) => error.code);

describe('userInvite', () => {
  it('adds a user with its role and returns the invitation link once; the user has no password yet', async () => {
    const { partner, admin } = await createPartnerWithAdmin(db());
    const email = `${unique('invitee').toLowerCase()}@example.test`;
    const result = await inviteUser(admin, {
      email: `  ${email.toUpperCase()} `,
      name: 'Ines Invitee',
      role: 'SALES_AGENT',
    });
    expect(result.errors).toBeUndefined();
    const payload = result.data?.userInvite;
    expect(payload?.userErrors).toEqual([]);
    const user = payload?.user;
    expect(user).toMatchObject({
      email,
      role: 'SALES_AGENT',
      isDisabled: false,
      isInvitationPending: true,
      version: 1,
    });
    expect(user?.invitationUrl).toMatch(
      /^http:\/\/localhost:4000\/accept-invitation\/[A-Za-z0-9_-]{43}$/,
    );

    const token = decodeURIComponent(user?.invitationUrl?.split('/').pop() ?? '');
    const [row] = await db().select().from(users).where(eq(users.email, email));
    expect(row).toMatchObject({
      partnerId: partner.id,
      passwordHash: null,
      invitationTokenHash: sha256(token),
    });
    expect(row?.invitationExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.operation, 'userInvite')));
    expect(audit).toMatchObject({
      actorType: 'USER',
      actorId: admin.id,
      targetType: 'User',
      targetIds: [row?.id],
      before: null,
    });
    expect(JSON.stringify(audit?.after)).not.toMatch(/invitationTokenHash|passwordHash/);
    const [event] = await db()
      .select()
      .from(outboxEvents)
      .where(
        and(eq(outboxEvents.type, 'user.invited'), eq(outboxEvents.aggregateId, row?.id ?? '')),
      );
    expect(event?.audiencePartnerIds).toEqual([partner.id]);

    const listed = await execute<{
      users: { nodes: { email: string; invitationUrl: string | null }[] };
    }>('{ users(first: 10) { nodes { email invitationUrl } } }', {}, { as: asUser(admin) });
    expect(listed.data?.users.nodes).toContainEqual({ email, invitationUrl: null });
  });

  it('refuses an email that another user already has (VALIDATION_FAILED on email), and a malformed one', async () => {
    const { admin } = await createPartnerWithAdmin(db());
    const { admin: stranger } = await createPartnerWithAdmin(db());
    const taken = await inviteUser(admin, {
      email: stranger.email,
      name: 'Copy',
      role: 'SALES_AGENT',
    });
    expect(taken.data?.userInvite?.userErrors).toEqual([
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: ['input', 'email'] }),
    ]);
    expect(taken.data?.userInvite?.user).toBeNull();
    const malformed = await inviteUser(admin, {
      email: 'not-an-email',
      name: 'X',
      role: 'SALES_AGENT',
    });
    expect(malformed.data?.userInvite?.userErrors).toEqual([
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: ['input', 'email'] }),
    ]);
  });

  it('replays a retry with the same Idempotency-Key: the same user, without the link', async () => {
    const { admin } = await createPartnerWithAdmin(db());
    const input = {
      email: `${unique('retry').toLowerCase()}@example.test`,
      name: 'Retry',
      role: 'HELPDESK_AGENT',
    };
    const key = unique('idem');
    const first = await inviteUser(admin, input, key);
    const second = await inviteUser(admin, input, key);
    expect(second.data?.userInvite?.user?.id).toBe(first.data?.userInvite?.user?.id);
    expect(first.data?.userInvite?.user?.invitationUrl).toBeTruthy();
    expect(second.data?.userInvite?.user?.invitationUrl).toBeNull();
    expect(await db().$count(users, eq(users.email, input.email))).toBe(1);
  });
});

describe('userUpdate', () => {
  it('changes a role, bumping the version; an old version is STALE_VERSION', async () => {
    const { partner, admin } = await createPartnerWithAdmin(db());
    const agent = await createUser(db(), { partnerId: partner.id, role: 'SALES_AGENT' });
    const userId = encodeGlobalId('User', agent.id);
    const changed = await updateUser(admin, { userId, expectedVersion: 1, role: 'ADMIN_AGENT' });
    expect(changed.data?.userUpdate).toMatchObject({
      userErrors: [],
      user: { role: 'ADMIN_AGENT', version: 2 },
    });
    expect((await loadActor(db(), { type: 'user', id: agent.id }))?.actor.role).toBe('ADMIN_AGENT');

    const stale = await updateUser(admin, { userId, expectedVersion: 1, role: 'HELPDESK_AGENT' });
    expect(stale.data?.userUpdate).toMatchObject({
      user: null,
      userErrors: [{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }],
    });
  });

  it('disables a user: its sessions end at once and it can no longer act; enabling lets it sign in again', async () => {
    const { partner, admin } = await createPartnerWithAdmin(db());
    const agent = await createUser(db(), { partnerId: partner.id, role: 'ADMIN_AGENT' });
    const session = await createSession(db(), { userId: agent.id });
    expect(await authenticateSession(db(), session.token)).not.toBeNull();

    const disabled = await updateUser(admin, {
      userId: encodeGlobalId('User', agent.id),
      disabled: true,
    });
    expect(disabled.data?.userUpdate).toMatchObject({ userErrors: [], user: { isDisabled: true } });
    expect(await db().$count(sessions, eq(sessions.userId, agent.id))).toBe(0);
    expect(await authenticateSession(db(), session.token)).toBeNull();
    expect(await loadActor(db(), { type: 'user', id: agent.id })).toBeNull();

    const enabled = await updateUser(admin, {
      userId: encodeGlobalId('User', agent.id),
      disabled: false,
    });
    expect(enabled.data?.userUpdate).toMatchObject({
      userErrors: [],
      user: { isDisabled: false, version: 3 },
    });
    expect(await loadActor(db(), { type: 'user', id: agent.id })).not.toBeNull();
  });

  it('refuses to demote or disable the last active global admin (LAST_GLOBAL_ADMIN), and allows it once another exists', async () => {
    const { partner, admin } = await createPartnerWithAdmin(db());
    const self = encodeGlobalId('User', admin.id);
    const demote = await updateUser(admin, { userId: self, role: 'ADMIN_AGENT' });
    expect(demote.data?.userUpdate).toMatchObject({
      user: null,
      userErrors: [{ code: 'LAST_GLOBAL_ADMIN', field: ['input', 'role'] }],
    });
    const disable = await updateUser(admin, { userId: self, disabled: true });
    expect(disable.data?.userUpdate).toMatchObject({
      user: null,
      userErrors: [{ code: 'LAST_GLOBAL_ADMIN', field: ['input', 'disabled'] }],
    });

    await createUser(db(), { partnerId: partner.id, role: 'GLOBAL_ADMIN' });
    const allowed = await updateUser(admin, { userId: self, role: 'ADMIN_AGENT' });
    expect(allowed.data?.userUpdate).toMatchObject({
      userErrors: [],
      user: { role: 'ADMIN_AGENT' },
    });
  });

  it('lets only one of two global admins demoting each other at once win', async () => {
    const { partner, admin: ann } = await createPartnerWithAdmin(db());
    const bob = await createUser(db(), { partnerId: partner.id, role: 'GLOBAL_ADMIN' });
    const results = await Promise.all([
      updateUser(ann, { userId: encodeGlobalId('User', bob.id), role: 'SALES_AGENT' }),
      updateUser(bob, { userId: encodeGlobalId('User', ann.id), role: 'SALES_AGENT' }),
    ]);
    // The loser is refused one of two ways, depending on when the winner commits: after the
    // loser's caller was loaded, the admins' lock shows it the change (LAST_GLOBAL_ADMIN); before,
    // the loser is signed in as a sales agent already and may not manage users at all (FORBIDDEN).
    // Any other top-level error (a deadlock, say) is a failure, never a success.
    const outcomes = results.map((result) =>
      result.errors
        ? result.errors.map((error) => String(error.extensions?.code)).join(',')
        : (codes(result.data?.userUpdate)?.[0] ?? 'OK'),
    );
    expect([['LAST_GLOBAL_ADMIN', 'OK'], ['FORBIDDEN', 'OK']]).toContainEqual(outcomes.sort());
    const admins = await db().$count(
      users,
      and(eq(users.partnerId, partner.id), eq(users.role, 'GLOBAL_ADMIN')),
    );
    expect(admins).toBe(1);
  });

  it('answers NOT_FOUND for another partner’s user and for a forged id, exactly like a missing one', async () => {
    const { admin } = await createPartnerWithAdmin(db());
    const { admin: stranger } = await createPartnerWithAdmin(db());
    for (const userId of [
      encodeGlobalId('User', stranger.id),
      encodeGlobalId('Partner', admin.id),
      'forged',
    ]) {
      const result = await updateUser(admin, { userId, role: 'BILLING_ADMIN' });
      expect(result.data?.userUpdate).toEqual({
        user: null,
        userErrors: [
          { code: 'NOT_FOUND', field: ['input', 'userId'], message: 'No user with this id.' },
        ],
      });
    }
    expect((await loadActor(db(), { type: 'user', id: stranger.id }))?.actor.role).toBe(
      'GLOBAL_ADMIN',
    );
  });

  it('needs a change (VALIDATION_FAILED when neither role nor disabled is given)', async () => {
    const { admin } = await createPartnerWithAdmin(db());
    const result = await updateUser(admin, { userId: encodeGlobalId('User', admin.id) });
    expect(codes(result.data?.userUpdate)).toEqual(['VALIDATION_FAILED']);
  });
});

describe('apiKeyCreate', () => {
  it('shows a sy_live_ secret once, stores only its SHA-256 and prefix, and the key then acts with its role', async () => {
    const { partner, admin } = await createPartnerWithAdmin(db());
    const result = await createKey(asUser(admin), {
      name: '  Billing export ',
      role: 'BILLING_ADMIN',
    });
    const apiKey = result.data?.apiKeyCreate?.apiKey;
    expect(result.data?.apiKeyCreate?.userErrors).toEqual([]);
    expect(apiKey).toMatchObject({
      name: 'Billing export',
      role: 'BILLING_ADMIN',
      isRevoked: false,
      version: 1,
    });
    expect(apiKey?.secret).toMatch(/^sy_live_[A-Za-z0-9_-]{43}$/);
    expect(apiKey?.displayPrefix).toBe(apiKey?.secret?.slice(0, 12));

    const row = await db().query.apiKeys.findFirst({
      where: { partnerId: partner.id, name: 'Billing export' },
    });
    expect(row).toMatchObject({
      secretHash: sha256(apiKey?.secret ?? ''),
      createdByUserId: admin.id,
      role: 'BILLING_ADMIN',
    });
    expect(JSON.stringify(row)).not.toContain(apiKey?.secret?.slice(12));

    const authenticated = await authenticateApiKey(db(), apiKey?.secret ?? '');
    expect(authenticated?.actor).toMatchObject({
      type: 'apiKey',
      partnerId: partner.id,
      role: 'BILLING_ADMIN',
      label: 'Billing export',
    });

    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.operation, 'apiKeyCreate')));
    expect(JSON.stringify(audit)).not.toMatch(/secretHash|sy_live_[A-Za-z0-9_-]{20}/);
    expect(
      await db().$count(
        outboxEvents,
        and(eq(outboxEvents.type, 'apiKey.created'), eq(outboxEvents.aggregateId, row?.id ?? '')),
      ),
    ).toBe(1);

    const listed = await execute<{ apiKeys: { nodes: { name: string; secret: string | null }[] } }>(
      '{ apiKeys { nodes { name secret } } }',
      {},
      { as: asUser(admin) },
    );
    expect(listed.data?.apiKeys.nodes).toContainEqual({ name: 'Billing export', secret: null });
  });

  it('may be created by an API key (no creating user), and refuses an empty name', async () => {
    const { apiKey } = await createPartnerWithAdmin(db());
    const created = await createKey(asApiKey(apiKey), {
      name: 'From a key',
      role: 'HELPDESK_AGENT',
    });
    expect(created.data?.apiKeyCreate?.userErrors).toEqual([]);
    const row = await db().query.apiKeys.findFirst({
      where: { partnerId: apiKey.partnerId, name: 'From a key' },
    });
    expect(row?.createdByUserId).toBeNull();
    const empty = await createKey(asApiKey(apiKey), { name: '   ', role: 'HELPDESK_AGENT' });
    expect(empty.data?.apiKeyCreate?.userErrors).toEqual([
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: ['input', 'name'] }),
    ]);
  });
});

describe('apiKeyRevoke', () => {
  it('revokes a key, which then stops authenticating; revoking it again is INVALID_TRANSITION', async () => {
    const { partner, admin } = await createPartnerWithAdmin(db());
    const key = await createApiKey(db(), { partnerId: partner.id, role: 'ADMIN_AGENT' });
    const apiKeyId = encodeGlobalId('ApiKey', key.id);
    const revoked = await revokeKey(asUser(admin), { apiKeyId, expectedVersion: 1 });
    expect(revoked.data?.apiKeyRevoke).toMatchObject({
      userErrors: [],
      apiKey: { isRevoked: true, version: 2 },
    });
    expect(await authenticateApiKey(db(), key.secret)).toBeNull();

    const again = await revokeKey(asUser(admin), { apiKeyId });
    expect(again.data?.apiKeyRevoke).toMatchObject({
      apiKey: null,
      userErrors: [{ code: 'INVALID_TRANSITION', field: ['input', 'apiKeyId'] }],
    });
    const stale = await revokeKey(asUser(admin), { apiKeyId, expectedVersion: 1 });
    expect(codes(stale.data?.apiKeyRevoke)).toEqual(['STALE_VERSION']);

    const active = await execute<{ apiKeys: { nodes: { id: string }[] } }>(
      '{ apiKeys { nodes { id } } }',
      {},
      { as: asUser(admin) },
    );
    expect(active.data?.apiKeys.nodes.map((node) => node.id)).not.toContain(apiKeyId);
    const all = await execute<{ apiKeys: { nodes: { id: string }[]; totalCount: number } }>(
      '{ apiKeys(includeRevoked: true) { totalCount nodes { id } } }',
      {},
      { as: asUser(admin) },
    );
    expect(all.data?.apiKeys.nodes.map((node) => node.id)).toContain(apiKeyId);
    expect(all.data?.apiKeys.totalCount).toBe(2);
  });

  it('answers NOT_FOUND for another partner’s key, which keeps working', async () => {
    const { admin } = await createPartnerWithAdmin(db());
    const { apiKey: strangerKey } = await createPartnerWithAdmin(db());
    const result = await revokeKey(asUser(admin), {
      apiKeyId: encodeGlobalId('ApiKey', strangerKey.id),
    });
    expect(result.data?.apiKeyRevoke).toEqual({
      apiKey: null,
      userErrors: [
        { code: 'NOT_FOUND', field: ['input', 'apiKeyId'], message: 'No API key with this id.' },
      ],
    });
    expect(await authenticateApiKey(db(), strangerKey.secret)).not.toBeNull();
  });
});

describe('the settings lists', () => {
  it('show the partner’s own users and keys only, and node() refuses anyone else’s', async () => {
    const { partner, admin, apiKey } = await createPartnerWithAdmin(db());
    await createUser(db(), { partnerId: partner.id, role: 'BILLING_ADMIN' });
    const stranger = await createPartnerWithAdmin(db());
    const listed = await execute<{
      users: { totalCount: number; nodes: { id: string }[] };
      apiKeys: { totalCount: number; nodes: { id: string }[] };
    }>(
      '{ users { totalCount nodes { id } } apiKeys { totalCount nodes { id } } }',
      {},
      { as: asUser(admin) },
    );
    expect(listed.data?.users.totalCount).toBe(2);
    expect(listed.data?.users.nodes.map((node) => node.id)).toContain(
      encodeGlobalId('User', admin.id),
    );
    expect(listed.data?.apiKeys.nodes.map((node) => node.id)).toEqual([
      encodeGlobalId('ApiKey', apiKey.id),
    ]);

    const nodes = await execute<{ nodes: ({ id: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      {
        ids: [
          encodeGlobalId('ApiKey', apiKey.id),
          encodeGlobalId('ApiKey', stranger.apiKey.id),
          encodeGlobalId('User', stranger.admin.id),
        ],
      },
      { as: asUser(admin) },
    );
    expect(nodes.data?.nodes).toEqual([{ id: encodeGlobalId('ApiKey', apiKey.id) }, null, null]);
  });
});
