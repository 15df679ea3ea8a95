/**
 * The role matrix of domain.md §8, cell by cell, through GraphQL: for each permission of the
 * domain's table and each role, every root field declaring that permission either lets the role
 * through or refuses it with FORBIDDEN naming what is missing — for users and for API keys alike.
 * The fields are read from the built schema, so fields added later are covered without editing
 * this test. Inputs are dummies (forged ids): an allowed call may well fail later, for its own
 * reasons; what matters here is only whether the role got past the gate.
 */
import { randomUUID } from 'node:crypto';
import { PERMISSION_LABELS, PERMISSIONS, ROLES, roleAllows } from '@switchyard/domain';
import type { Permission, Role } from '@switchyard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, createPartnerWithAdmin, createUser } from '../../test/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asApiKey, asUser, useExecutor } from '../../test/execute-operation.js';
import type { ActorReference } from '../../test/execute-operation.js';
import {
  argumentValues,
  batchedOperation,
  declaredScopes,
  rootFields,
} from '../../test/schema-walk.js';
import type { RootKind } from '../../test/schema-walk.js';
import { encodeGlobalId } from '../global-id.js';
import { schema } from '../index.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

/** Every root field that declares a permission, by permission. */
const fieldsByPermission = new Map<Permission, { kind: RootKind; name: string }[]>();
for (const kind of ['query', 'mutation'] as const) {
  for (const field of rootFields(schema, kind)) {
    const permission = declaredScopes(field)?.permission;
    if (!permission) continue;
    fieldsByPermission.set(permission, [
      ...(fieldsByPermission.get(permission) ?? []),
      { kind, name: field.name },
    ]);
  }
}

const actors = new Map<string, ActorReference>();
beforeAll(async () => {
  const { partner } = await createPartnerWithAdmin(testDatabase.database.db);
  for (const role of ROLES) {
    actors.set(
      `user:${role}`,
      asUser(await createUser(testDatabase.database.db, { partnerId: partner.id, role })),
    );
    actors.set(
      `apiKey:${role}`,
      asApiKey(await createApiKey(testDatabase.database.db, { partnerId: partner.id, role })),
    );
  }
});

/** Calls the field once with dummy arguments; returns the codes of the top-level errors. */
async function callAs(
  actor: ActorReference,
  kind: RootKind,
  name: string,
): Promise<{ codes: string[]; messages: string[] }> {
  const field = rootFields(schema, kind).find((candidate) => candidate.name === name);
  if (!field) throw new Error(`No ${kind} field ${name}`);
  const { document, variables } = batchedOperation(kind, field, [
    argumentValues(field.args, () => encodeGlobalId('Customer', randomUUID())),
  ]);
  const result = await execute(document, variables, { as: actor });
  const errors = result.errors ?? [];
  return {
    codes: errors.map((error) => String(error.extensions?.code)),
    messages: errors.map((error) => error.message),
  };
}

describe('the permission table', () => {
  it('is enforced somewhere: every permission is declared by at least one root field', () => {
    expect(PERMISSIONS.filter((permission) => !fieldsByPermission.has(permission))).toEqual([]);
  });
});

const cells = PERMISSIONS.flatMap((permission) =>
  ROLES.map((role) => [permission, role] as [Permission, Role]),
);

describe.each(['user', 'apiKey'] as const)('as a %s', (actorType) => {
  it.each(cells)('%s × %s', async (permission, role) => {
    const fields = fieldsByPermission.get(permission) ?? [];
    const actor = actors.get(`${actorType}:${role}`);
    if (!actor) throw new Error('actors are created in beforeAll');
    for (const { kind, name } of fields) {
      const { codes, messages } = await callAs(actor, kind, name);
      if (roleAllows(role, permission)) {
        expect({
          field: name,
          refusals: codes.filter((code) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED'),
        }).toEqual({ field: name, refusals: [] });
      } else {
        expect({ field: name, codes }).toEqual({ field: name, codes: ['FORBIDDEN'] });
        expect(messages[0]).toContain(PERMISSION_LABELS[permission]);
      }
    }
  });
});
