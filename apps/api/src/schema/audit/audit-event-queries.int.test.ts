/** `auditEvents`: your own organisation's log, newest first, by actor, operation, target and time range. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index.js';
import { createPartnerWithAdmin } from '../../test/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

interface AuditData {
  auditEvents: {
    totalCount: number;
    nodes: { id: string; actorType: string; actorId: string | null; actorLabel: string; operation: string; targetType: string; targetIds: string[]; before: unknown; after: unknown; requestId: string | null; idempotencyKey: string | null; occurredAt: string }[];
  };
}
const AUDIT = `query Audit($actorType: ActorType, $actorId: ID, $operation: String, $targetId: ID, $since: DateTime, $until: DateTime) {
  auditEvents(first: 50, actorType: $actorType, actorId: $actorId, operation: $operation, targetId: $targetId, since: $since, until: $until) {
    totalCount nodes { id actorType actorId actorLabel operation targetType targetIds before after requestId idempotencyKey occurredAt }
  }
}`;

async function auditWorld() {
  const own = await createPartnerWithAdmin(db());
  const stranger = await createPartnerWithAdmin(db());
  const customerId = randomUUID();
  const relationshipId = randomUUID();
  const [created, updated, expired, theirs] = await db()
    .insert(auditEvents)
    .values([
      { partnerId: own.partner.id, actorType: 'USER', actorId: own.admin.id, actorLabel: own.admin.email, operation: 'customerCreate', targetType: 'Customer', targetIds: [customerId, relationshipId], after: { companyName: 'Adatum' }, requestId: 'req-1', idempotencyKey: 'key-1', occurredAt: new Date('2026-03-01T10:00:00Z') },
      { partnerId: own.partner.id, actorType: 'API_KEY', actorId: own.apiKey.id, actorLabel: own.apiKey.name, operation: 'customerUpdate', targetType: 'Customer', targetIds: [customerId], before: { companyName: 'Adatum' }, after: { companyName: 'Adatum Corp' }, occurredAt: new Date('2026-03-02T10:00:00Z') },
      { partnerId: own.partner.id, actorType: 'SYSTEM', actorId: null, actorLabel: 'system', operation: 'relationshipRequestExpire', targetType: 'RelationshipRequest', targetIds: [randomUUID()], occurredAt: new Date('2026-03-03T10:00:00Z') },
      { partnerId: stranger.partner.id, actorType: 'USER', actorId: stranger.admin.id, actorLabel: stranger.admin.email, operation: 'customerUpdate', targetType: 'Customer', targetIds: [customerId], occurredAt: new Date('2026-03-04T10:00:00Z') },
    ])
    .returning();
  if (!created || !updated || !expired || !theirs) throw new Error('auditWorld: insert returned too few rows');
  return { own, stranger, customerId, relationshipId, created, updated, expired, theirs };
}

const gid = (event: { id: string }) => encodeGlobalId('AuditEvent', event.id);

describe('auditEvents', () => {
  it('lists your own organisation’s events, newest first, with targets as global ids where their type is known', async () => {
    const world = await auditWorld();
    const result = await execute<AuditData>(AUDIT, {}, { as: asUser(world.own.admin) });

    expect(result.errors).toBeUndefined();
    expect(result.data?.auditEvents.totalCount).toBe(3);
    expect(result.data?.auditEvents.nodes.map((node) => node.id)).toEqual([gid(world.expired), gid(world.updated), gid(world.created)]);
    expect(result.data?.auditEvents.nodes[2]).toEqual({
      id: gid(world.created),
      actorType: 'USER',
      actorId: encodeGlobalId('User', world.own.admin.id),
      actorLabel: world.own.admin.email,
      operation: 'customerCreate',
      targetType: 'Customer',
      targetIds: [encodeGlobalId('Customer', world.customerId), world.relationshipId],
      before: null,
      after: { companyName: 'Adatum' },
      requestId: 'req-1',
      idempotencyKey: 'key-1',
      occurredAt: '2026-03-01T10:00:00.000Z',
    });
    expect(result.data?.auditEvents.nodes[1]?.actorId).toBe(encodeGlobalId('ApiKey', world.own.apiKey.id));
    expect(result.data?.auditEvents.nodes[0]?.actorId).toBeNull();
  });

  it('filters by actor, operation, target (global or raw id) and time range', async () => {
    const world = await auditWorld();
    const ids = async (variables: Record<string, unknown>) =>
      (await execute<AuditData>(AUDIT, variables, { as: asUser(world.own.admin) })).data?.auditEvents.nodes.map((node) => node.id);

    expect(await ids({ actorType: 'API_KEY' })).toEqual([gid(world.updated)]);
    expect(await ids({ actorId: encodeGlobalId('User', world.own.admin.id) })).toEqual([gid(world.created)]);
    expect(await ids({ operation: 'customerUpdate' })).toEqual([gid(world.updated)]);
    expect(await ids({ targetId: encodeGlobalId('Customer', world.customerId) })).toEqual([gid(world.updated), gid(world.created)]);
    expect(await ids({ targetId: world.relationshipId })).toEqual([gid(world.created)]);
    expect(await ids({ targetId: 'not-an-id' })).toEqual([]);
    expect(await ids({ since: '2026-03-02T10:00:00Z', until: '2026-03-03T10:00:00Z' })).toEqual([gid(world.updated)]);
  });

  it('never shows another organisation’s events, in the list or through node', async () => {
    const world = await auditWorld();
    const list = await execute<AuditData>(AUDIT, {}, { as: asUser(world.stranger.admin) });
    const node = await execute(`query N($id: ID!) { node(id: $id) { id } }`, { id: gid(world.created) }, { as: asUser(world.stranger.admin) });
    expect(list.data?.auditEvents.nodes.map((item) => item.id)).toEqual([gid(world.theirs)]);
    expect(node.data).toEqual({ node: null });
  });

  it('is UNAUTHENTICATED for nobody', async () => {
    const result = await execute(AUDIT, {});
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
