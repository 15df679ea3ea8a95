/**
 * Who may do what is declared once per root field (Pothos auth scopes) and the permission table is
 * the domain's (domain.md §8): this test walks the built schema, so a field added later without a
 * declaration fails here, not in production.
 */
import { MUTATION_PERMISSIONS, MUTATIONS, PERMISSIONS } from '@switchyard/domain';
import { describe, expect, it } from 'vitest';
import { declaredScopes, rootFields } from '../../test/schema-walk.js';
import { schema } from '../index.js';

/** Query fields anyone may call: the invitation page of a customer's administrator (its token is the credential). */
const PUBLIC_QUERY_FIELDS = new Set(['invitation']);

/**
 * Query fields any signed-in actor may call whatever its role: who am I, the node lookups (each
 * type's visibility still applies), and the catalog and channel rules, which are no tenant's data.
 */
const ANY_ROLE_QUERY_FIELDS = new Set(['viewer', 'node', 'nodes', 'channels', 'offers']);

/** Mutations answered with an invitation's single-use token instead of a role (MUTATION_PERMISSIONS: null). */
const PUBLIC_MUTATIONS = new Set(
  Object.entries(MUTATION_PERMISSIONS)
    .filter(([, permission]) => permission === null)
    .map(([name]) => name),
);

describe('auth scopes', () => {
  it('declare a permission on every Query field, except the explicit public and any-role lists', () => {
    const undeclared: string[] = [];
    for (const field of rootFields(schema, 'query')) {
      const scopes = declaredScopes(field);
      if (PUBLIC_QUERY_FIELDS.has(field.name)) continue;
      if (
        ANY_ROLE_QUERY_FIELDS.has(field.name)
          ? !scopes?.authenticated && !scopes?.permission
          : !scopes?.permission
      )
        undeclared.push(field.name);
    }
    expect(undeclared).toEqual([]);
  });

  it('declare a permission of the table on every Subscription field (live updates)', () => {
    const fields = rootFields(schema, 'subscription');
    expect(fields.length).toBeGreaterThan(0);
    const undeclared = fields
      .filter((field) => !(PERMISSIONS as readonly string[]).includes(declaredScopes(field)?.permission ?? ''))
      .map((field) => field.name);
    expect(undeclared).toEqual([]);
  });

  it('declare on every mutation exactly the permission MUTATION_PERMISSIONS names', () => {
    const mismatches: { mutation: string; declared: unknown; expected: unknown }[] = [];
    for (const field of rootFields(schema, 'mutation')) {
      const declared = declaredScopes(field);
      const expected =
        field.name in MUTATION_PERMISSIONS
          ? MUTATION_PERMISSIONS[field.name as keyof typeof MUTATION_PERMISSIONS]
          : undefined;
      if (expected === null) {
        if (declared !== undefined)
          mismatches.push({ mutation: field.name, declared, expected: 'public (token)' });
      } else if (expected === undefined) {
        // A mutation beyond the public contract still needs a permission of the table.
        if (
          !declared?.permission ||
          !(PERMISSIONS as readonly string[]).includes(declared.permission)
        ) {
          mismatches.push({
            mutation: field.name,
            declared,
            expected: 'a permission of ROLE_PERMISSIONS',
          });
        }
      } else if (declared?.permission !== expected || Object.keys(declared).length !== 1) {
        mismatches.push({ mutation: field.name, declared, expected: { permission: expected } });
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('leave only token-authorised mutations public', () => {
    const publicMutations = rootFields(schema, 'mutation')
      .filter((field) => declaredScopes(field) === undefined)
      .map((field) => field.name);
    expect(publicMutations.every((name) => PUBLIC_MUTATIONS.has(name))).toBe(true);
  });

  it('cover every mutation of the public contract (domain.md §11)', () => {
    const present = new Set(rootFields(schema, 'mutation').map((field) => field.name));
    expect(MUTATIONS.filter((name) => !present.has(name))).toEqual([]);
  });
});
