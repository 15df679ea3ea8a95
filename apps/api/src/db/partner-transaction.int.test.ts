/** The request transaction: partner scoping, commit/rollback rules, savepoints and its cost in statements. */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createPartner, unique } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import { describeWrite, socketWrites } from '../test/socket-writes.js';
import type { AppDatabase, Database } from './client.js';
import { withPartnerTransaction } from './partner-transaction.js';
import { APP_ROLE } from './row-level-security.js';
import { idempotencyRecords } from './schema/index.js';

const testDatabase = useTestDatabase();

async function currentPartnerSetting(db: AppDatabase): Promise<string | null> {
  const [row] = await db.select({ value: sql<string | null>`current_setting('app.partner_id', true)` }).from(sql`(select 1) as one`);
  return row?.value ?? null;
}

/**
 * A row the transaction's partner may write under row-level security (partner transactions act as
 * the application role): an idempotency record of its own, identified by its key.
 */
async function writeRecord(db: AppDatabase, partnerId: string): Promise<string> {
  const key = unique('tx-test');
  await db.insert(idempotencyRecords).values({ partnerId, key, operation: 'test', requestHash: 'x', expiresAt: new Date(Date.now() + 60_000) });
  return key;
}

async function recordExists(key: string): Promise<boolean> {
  const rows = await testDatabase.database.db.select({ key: idempotencyRecords.key }).from(idempotencyRecords).where(eq(idempotencyRecords.key, key));
  return rows.length === 1;
}

describe('withPartnerTransaction', () => {
  it('sets app.partner_id for the transaction only', async () => {
    const partnerId = randomUUID();
    const inside = await withPartnerTransaction(testDatabase.database, partnerId, (tx) => currentPartnerSetting(tx));
    expect(inside).toBe(partnerId);
    // The pool hands the same (most recently released) connection back: the setting did not outlive the transaction.
    expect(await currentPartnerSetting(testDatabase.database.db)).toBeFalsy();
  });

  it('costs the statements of the work plus two on PostgreSQL (BEGIN+set_config, COMMIT) and three on PGlite', async () => {
    const { database } = testDatabase;
    const { queries } = await database.queryCounter.measure(() =>
      withPartnerTransaction(database, randomUUID(), (tx) => currentPartnerSetting(tx)),
    );
    expect(queries).toBe(database.kind === 'postgres' ? 3 : 4);
  });

  it('acts as the application role, to which row-level security applies', async () => {
    const [row] = await withPartnerTransaction(testDatabase.database, randomUUID(), (tx) =>
      tx.select({ role: sql<string>`current_user` }).from(sql`(select 1) as one`),
    );
    expect(row?.role).toBe(APP_ROLE);
    const [after] = await testDatabase.database.db.select({ role: sql<string>`current_user` }).from(sql`(select 1) as one`);
    expect(after?.role).not.toBe(APP_ROLE);
  });

  it('commits what the function wrote', async () => {
    const { id: partnerId } = await createPartner(testDatabase.database.db);
    const key = await withPartnerTransaction(testDatabase.database, partnerId, (tx) => writeRecord(tx, partnerId));
    expect(await recordExists(key)).toBe(true);
  });

  it('rolls everything back when the function throws', async () => {
    const { id: partnerId } = await createPartner(testDatabase.database.db);
    let key = '';
    await expect(
      withPartnerTransaction(testDatabase.database, partnerId, async (tx) => {
        key = await writeRecord(tx, partnerId);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(key).not.toBe('');
    expect(await recordExists(key)).toBe(false);
  });

  it('rolls back but still returns the result when shouldCommit says no', async () => {
    const { id: partnerId } = await createPartner(testDatabase.database.db);
    const key = await withPartnerTransaction(testDatabase.database, partnerId, (tx) => writeRecord(tx, partnerId), {
      shouldCommit: () => false,
    });
    expect(key).toMatch(/^tx-test-/);
    expect(await recordExists(key)).toBe(false);
  });

  it('undoes only a nested transaction (savepoint) that throws', async () => {
    const { id: partnerId } = await createPartner(testDatabase.database.db);
    let inner = '';
    const outer = await withPartnerTransaction(testDatabase.database, partnerId, async (tx) => {
      const kept = await writeRecord(tx, partnerId);
      await tx
        .transaction(async (nested) => {
          inner = await writeRecord(nested, partnerId);
          throw new Error('undo the nested part');
        })
        .catch(() => {});
      // The transaction is still usable after the savepoint rollback.
      expect(await currentPartnerSetting(tx)).toBeTruthy();
      return kept;
    });
    expect(await recordExists(outer)).toBe(true);
    expect(inner).not.toBe('');
    expect(await recordExists(inner)).toBe(false);
  });

  it('keeps concurrent transactions apart, each seeing its own partner', async () => {
    const ids = Array.from({ length: 6 }, () => randomUUID());
    const seen = await Promise.all(
      ids.map((id) =>
        withPartnerTransaction(testDatabase.database, id, async (tx) => {
          const before = await currentPartnerSetting(tx);
          await new Promise((resolve) => setTimeout(resolve, 5));
          const after = await currentPartnerSetting(tx);
          return [before, after];
        }),
      ),
    );
    expect(seen).toEqual(ids.map((id) => [id, id]));
  });

  it('refuses a partner id that is not a UUID (it is inlined into SQL)', async () => {
    await expect(withPartnerTransaction(testDatabase.database, "x'); drop table partners; --", () => Promise.resolve(1))).rejects.toThrow(/not a UUID/);
  });

  it.runIf(testDatabase.kind === 'postgres')(
    'writes the setup together with the first statement, once a setup has succeeded in the process',
    async () => {
      const { database } = testDatabase;
      // A fresh copy of the module: no setup has succeeded in it yet.
      vi.resetModules();
      const fresh = await import('./partner-transaction.js');
      const partnerId = randomUUID();
      const first = await socketWrites(database, () => fresh.withPartnerTransaction(database, partnerId, (tx) => currentPartnerSetting(tx)));
      const second = await socketWrites(database, () => fresh.withPartnerTransaction(database, partnerId, (tx) => currentPartnerSetting(tx)));
      // The first waits for its setup's answer: BEGIN alone, then the statement, then COMMIT.
      expect(first.writes.map(describeWrite)).toEqual(['BEGIN', 'statement', 'COMMIT']);
      // Later ones send the setup and the first statement in one write, and still see the setup.
      expect(second.writes.map(describeWrite)).toEqual(['BEGIN+statement', 'COMMIT']);
      expect(second.result).toBe(partnerId);
    },
  );

  it.runIf(testDatabase.kind === 'postgres')('writes statements issued together in one write, and waits for their answers once', async () => {
    const { database } = testDatabase;
    const { id: partnerId } = await createPartner(database.db);
    // A setup that has succeeded in this process, so the next one is pipelined.
    await withPartnerTransaction(database, partnerId, (tx) => currentPartnerSetting(tx));
    const { writes, result } = await socketWrites(database, () =>
      withPartnerTransaction(database, partnerId, async (tx) => {
        const together = await Promise.all([currentPartnerSetting(tx), currentPartnerSetting(tx), currentPartnerSetting(tx)]);
        const key = await writeRecord(tx, partnerId);
        return { together, key };
      }),
    );
    expect(writes.map(describeWrite)).toEqual(['BEGIN+statement+statement+statement', 'statement', 'COMMIT']);
    expect(result.together).toEqual([partnerId, partnerId, partnerId]);
    expect(await recordExists(result.key)).toBe(true);
  });

  it('runs statements issued together in the order they were issued', async () => {
    const { id: partnerId } = await createPartner(testDatabase.database.db);
    const key = unique('tx-order');
    const [, seen] = await withPartnerTransaction(testDatabase.database, partnerId, (tx) =>
      Promise.all([
        tx.insert(idempotencyRecords).values({ partnerId, key, operation: 'test', requestHash: 'x', expiresAt: new Date(Date.now() + 60_000) }),
        tx.select({ key: idempotencyRecords.key }).from(idempotencyRecords).where(eq(idempotencyRecords.key, key)),
      ]),
    );
    // The read sent right behind the insert sees it.
    expect(seen).toEqual([{ key }]);
    expect(await recordExists(key)).toBe(true);
  });

  it('fails the statements issued behind one that failed, and commits none of them', async () => {
    const { id: partnerId } = await createPartner(testDatabase.database.db);
    const key = unique('tx-after-failure');
    const outcomes = await withPartnerTransaction(
      testDatabase.database,
      partnerId,
      (tx) =>
        Promise.allSettled([
          tx.execute(sql`select 1 / 0`),
          tx.insert(idempotencyRecords).values({ partnerId, key, operation: 'test', requestHash: 'x', expiresAt: new Date(Date.now() + 60_000) }),
        ]),
      // As the GraphQL endpoint does with a response that carries errors.
      { shouldCommit: (settled) => settled.every((outcome) => outcome.status === 'fulfilled') },
    );
    expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? errorText(outcome.reason) : 'ok'))).toEqual([
      expect.stringMatching(/division by zero/),
      expect.stringMatching(/current transaction is aborted/),
    ]);
    expect(await recordExists(key)).toBe(false);
  });

  it('refuses a statement issued after the work of its transaction has settled', async () => {
    const { id: partnerId } = await createPartner(testDatabase.database.db);
    let straggler: Promise<string> = Promise.resolve('not issued');
    await withPartnerTransaction(testDatabase.database, partnerId, (tx) => {
      // Issued once the transaction's function has returned, like a resolver still running after a
      // sibling failed the operation. Its outcome is taken at once (it may settle before the commit).
      straggler = new Promise((resolve) => setTimeout(resolve, 0))
        .then(() => currentPartnerSetting(tx))
        .then(() => 'ran', errorText);
      return Promise.resolve('done');
    });
    // PGlite's own transaction refuses it the same way.
    await expect(straggler).resolves.toMatch(
      testDatabase.kind === 'postgres' ? /after its request transaction had ended/ : /Transaction is closed/,
    );
  });

  it.runIf(testDatabase.kind === 'postgres')(
    'relies on PostgreSQL failing a statement sent behind a setup that failed, and running nothing of it',
    async () => {
      // What makes sending the first statement before the setup's answer safe: when the setup fails
      // after BEGIN (here: a role that does not exist), the statement behind it fails too, inside
      // the aborted transaction, instead of running outside it without the partner and the role.
      const client = new pg.Client({ connectionString: connectionStringOf(testDatabase.database), pipeline: true });
      await client.connect();
      try {
        const key = unique('tx-pipelined');
        const setup = client.query(`BEGIN; SELECT set_config('app.partner_id', '${randomUUID()}', true); SET LOCAL ROLE no_such_role_${unique('r').replace(/-/g, '_')}`);
        const statement = client.query(
          `INSERT INTO idempotency_records (partner_id, key, operation, request_hash, expires_at) VALUES ($1, $2, 'test', 'x', now() + interval '1 minute')`,
          [randomUUID(), key],
        );
        await expect(setup).rejects.toThrow(/does not exist/);
        await expect(statement).rejects.toThrow(/current transaction is aborted/);
        await client.query('ROLLBACK');
        expect(await recordExists(key)).toBe(false);
      } finally {
        await client.end();
      }
    },
  );
});

/** A driver error's message, with its cause's (Drizzle wraps the driver's error). */
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause ? `${error.message}: ${errorText(error.cause)}` : error.message;
}

function connectionStringOf(database: Database): string {
  if (database.kind !== 'postgres') throw new Error('PostgreSQL only');
  return (database.pool.options as { connectionString: string }).connectionString;
}
