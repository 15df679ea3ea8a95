/** The request transaction: partner scoping, commit/rollback rules, savepoints and its cost in statements. */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createPartner, unique } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import type { AppDatabase } from './client.js';
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
});
