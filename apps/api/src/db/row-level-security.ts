/**
 * Tenant isolation in PostgreSQL (domain.md §8: "again in PostgreSQL row-level security"). The
 * policies live in the migration `drizzle/*_row-level-security`; this module names the role they
 * are written for, the statement a partner transaction runs to take it on, and the start-up check
 * that the roles are what the design needs:
 *
 * - `switchyard_app` (partner transactions switch to it with SET LOCAL ROLE) must NOT be able to
 *   bypass row-level security: not a superuser, no BYPASSRLS, owner of no table. Otherwise the
 *   policies are decoration.
 * - the root connection (migrations, authentication before a partner is known, the background job,
 *   the seed) MUST bypass it — the tables FORCE row-level security, so without BYPASSRLS the
 *   system's own lookups would find nothing — and must be allowed to SET ROLE switchyard_app.
 */
import { sql } from 'drizzle-orm';
import { loadEnv } from '../env.js';
import type { AppDatabase } from './client.js';
import { rawRows } from './raw-rows.js';

/** The role partner transactions act as; the policies are written for it alone. */
export const APP_ROLE = 'switchyard_app';

/** Run inside a partner transaction, after `app.partner_id` is set: from here on the policies apply. */
export const SET_APP_ROLE_SQL = `SET LOCAL ROLE ${APP_ROLE}`;

/**
 * Test seam, read only by `partnerTransactionSessionSql`: the cross-tenant probe proves the
 * application's filters alone hold by running once with row-level security out of the way (the
 * transaction keeps the connection's own role, which bypasses it). Refused in production.
 */
let isAppRoleEnforced = true;

export function enforceAppRoleForTests(enforce: boolean): void {
  if (!enforce && loadEnv().isProduction)
    throw new Error('Row-level security cannot be turned off in production');
  isAppRoleEnforced = enforce;
}

/**
 * What a partner transaction runs after setting `app.partner_id`: it takes on the application role
 * (from here on the policies apply; only the test seam above skips it), and turns JIT compilation
 * off — policies add subplans that inflate the planner's cost estimates past `jit_above_cost`, and
 * compiling then costs a request more (tens of milliseconds) than the small queries it speeds up.
 */
export function partnerTransactionSessionSql(): string {
  return [...(isAppRoleEnforced ? [SET_APP_ROLE_SQL] : []), 'SET LOCAL jit = off'].join('; ');
}

/**
 * Tables only the system (root connection) touches: the application role has no privilege on them
 * at all. Every other table has row-level security policies for the application role.
 */
export const SYSTEM_ONLY_TABLES = ['sign_in_attempts', 'rate_limit_buckets'] as const;

export interface RoleFacts {
  /** null when the role does not exist. */
  appRole: { isSuperuser: boolean; canBypassRls: boolean; ownedTables: number } | null;
  root: { name: string; isSuperuser: boolean; canBypassRls: boolean; isAppRoleMember: boolean };
}

/** What is wrong with the roles, as sentences for the operator; empty when the design holds. */
export function roleProblems(facts: RoleFacts): string[] {
  const problems: string[] = [];
  const { appRole, root } = facts;
  if (!appRole) {
    problems.push(`The role ${APP_ROLE} does not exist: run the migrations.`);
  } else {
    if (appRole.isSuperuser)
      problems.push(
        `${APP_ROLE} is a superuser, so row-level security does not apply to it: ALTER ROLE ${APP_ROLE} NOSUPERUSER.`,
      );
    if (appRole.canBypassRls)
      problems.push(
        `${APP_ROLE} has BYPASSRLS, so row-level security does not apply to it: ALTER ROLE ${APP_ROLE} NOBYPASSRLS.`,
      );
    if (appRole.ownedTables > 0)
      problems.push(
        `${APP_ROLE} owns ${appRole.ownedTables} table(s); a table's owner may turn its row-level security off.`,
      );
  }
  if (!root.isSuperuser && !root.canBypassRls) {
    problems.push(
      `The database user ${root.name} can neither bypass row-level security nor is a superuser: authentication, the background job and the seed would see no rows. ALTER ROLE ${root.name} BYPASSRLS.`,
    );
  }
  if (appRole && !root.isAppRoleMember) {
    problems.push(
      `The database user ${root.name} may not SET ROLE ${APP_ROLE}: GRANT ${APP_ROLE} TO ${root.name}.`,
    );
  }
  return problems;
}

interface RoleFactsRow {
  root_name: string;
  root_super: boolean;
  root_bypass: boolean;
  app_exists: boolean;
  app_super: boolean | null;
  app_bypass: boolean | null;
  app_owned: number;
  app_member: boolean;
}

export async function loadRoleFacts(db: AppDatabase): Promise<RoleFacts> {
  const [row] = rawRows<RoleFactsRow>(
    await db.execute(sql`
    SELECT current_user AS root_name,
           r.rolsuper AS root_super,
           r.rolbypassrls AS root_bypass,
           a.oid IS NOT NULL AS app_exists,
           a.rolsuper AS app_super,
           a.rolbypassrls AS app_bypass,
           (SELECT count(*)::int FROM pg_catalog.pg_class c WHERE c.relowner = a.oid AND c.relkind IN ('r', 'p')) AS app_owned,
           (a.oid IS NOT NULL AND pg_catalog.pg_has_role(current_user, a.oid, 'MEMBER')) AS app_member
      FROM pg_catalog.pg_roles r
      LEFT JOIN pg_catalog.pg_roles a ON a.rolname = ${APP_ROLE}
     WHERE r.rolname = current_user`),
  );
  if (!row) throw new Error('Could not read the current database role');
  return {
    appRole: row.app_exists
      ? {
          isSuperuser: row.app_super === true,
          canBypassRls: row.app_bypass === true,
          ownedTables: row.app_owned,
        }
      : null,
    root: {
      name: row.root_name,
      isSuperuser: row.root_super,
      canBypassRls: row.root_bypass,
      isAppRoleMember: row.app_member,
    },
  };
}

/** Throws (the server then refuses to start) when partner transactions could bypass row-level security. */
export async function assertRowLevelSecurityRoles(db: AppDatabase): Promise<void> {
  const problems = roleProblems(await loadRoleFacts(db));
  if (problems.length > 0) {
    throw new Error(
      `Row-level security is not safe to rely on:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
}
