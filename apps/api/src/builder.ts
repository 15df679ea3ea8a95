/**
 * The Pothos schema builder: plugins, scalars' TypeScript shapes, auth scopes and connection
 * defaults, declared once. It defines no GraphQL types — each feature under ./schema/<feature>/
 * adds its own, and ./schema/index.ts assembles them.
 *
 * Auth scopes: `authenticated` (any actor) and `permission` (a Permission from the domain's
 * ROLE_PERMISSIONS table). Fields declare them with `authScopes: { permission: 'customers:read' }`.
 * A refusal is UNAUTHENTICATED when nobody signed in, FORBIDDEN otherwise.
 */
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { AuthScopeFailureType } from '@pothos/plugin-scope-auth';
import type { AuthFailure } from '@pothos/plugin-scope-auth';
import { requirePermission, roleAllows } from '@switchyard/domain';
import type { Permission } from '@switchyard/domain';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Context } from './context.js';
import { relations } from './db/relations.js';
import type { Relations } from './db/relations.js';
import { forbiddenError, unauthenticatedError } from './errors.js';
import { decodeGlobalId, encodeGlobalId } from './schema/global-id.js';
import { nodeVisibility } from './schema/node-visibility.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './schema/page-size-limit-plugin.js';

export interface SchemaTypes {
  Context: Context;
  DrizzleRelations: Relations;
  AuthScopes: {
    authenticated: boolean;
    permission: Permission;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
    /** Any JSON value (audit snapshots): ./schema/json-scalar.ts. */
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

export const builder = new SchemaBuilder<SchemaTypes>({
  // pageSizeLimit first: its check runs before auth and the drizzle plugin plan anything.
  plugins: ['pageSizeLimit', ScopeAuthPlugin, RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Subscriptions check their scopes when they start (and their resolvers again on every event).
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      authenticated: context.isAuthenticated,
      permission: (permission) => context.isAuthenticated && roleAllows(context.actor.role, permission),
    }),
    // FORBIDDEN names what the role lacks (the domain's own sentence), so the person knows whom to ask.
    unauthorizedError: (_parent, context, _info, result) => {
      if (!context.isAuthenticated) return unauthenticatedError();
      const permission = missingPermission(result.failure);
      const refusal = permission ? requirePermission(context.actor.role, permission) : undefined;
      return forbiddenError(refusal && !refusal.ok ? refusal.errors[0]?.message : undefined);
    },
  },
  relay: {
    cursorType: 'String',
    clientMutationId: 'omit',
    nodesOnConnection: true,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    // node/nodes load any row by id; ask each type's visibility check first (./schema/node-visibility.ts).
    // An id the caller may not see resolves to null, exactly like an id that does not exist.
    nodeQueryOptions: {
      authScopes: { authenticated: true },
      resolve: async (_root, args, context, _info, resolveNode) => {
        const [isVisible] = await nodeVisibility(context, [args.id]);
        return isVisible ? resolveNode(args.id) : null;
      },
    },
    nodesQueryOptions: {
      authScopes: { authenticated: true },
      resolve: async (_root, args, context, _info, resolveNodes) => {
        const visibility = await nodeVisibility(context, args.ids);
        // The relay plugin loads `args.ids` and skips null entries, keeping every position.
        (args as { ids: ({ typename: string; id: string } | null)[] }).ids = args.ids.map((id, index) => (visibility[index] ? id : null));
        return resolveNodes(args.ids);
      },
    },
  },
  drizzle: {
    client: (context) => context.db,
    getTableConfig,
    relations,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});

/** The permission a refused `permission` scope asked for, wherever it sits in the failure. */
function missingPermission(failure: AuthFailure): Permission | undefined {
  switch (failure.kind) {
    case AuthScopeFailureType.AuthScope:
      return failure.scope === 'permission' ? (failure.parameter as Permission) : undefined;
    case AuthScopeFailureType.AnyAuthScopes:
    case AuthScopeFailureType.AllAuthScopes:
      return failure.failures.map(missingPermission).find((permission) => permission !== undefined);
    default:
      return undefined;
  }
}
