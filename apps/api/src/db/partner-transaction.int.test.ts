/** The request transaction: partner scoping, commit/rollback rules, savepoints and its cost in statements. */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createPartner } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import type { AppDatabase } from './client.js';
import { withPartnerTransaction } from './partner-transaction.js';
import { partners } from './schema/index.js';

const testDatabase = useTestDatabase();

async function currentPartnerSetting(db: AppDatabase): Promise<string | null> {
  const [row] = await db.select({ value: sql<string | null>`current_setting('app.partner_id', true)` }).from(sql`(select 1) as one`);
  return row?.value ?? null;
}

async function partnerExists(id: string): Promise<boolean> {
  const rows = await testDatabase.database.db.select({ id: partners.id }).from(partners).where(eq(partners.id, id));
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

  it('commits what the function wrote', async () => {
    const id = await withPartnerTransaction(testDatabase.database, randomUUID(), async (tx) => (await createPartner(tx)).id);
    expect(await partnerExists(id)).toBe(true);
  });

  it('rolls everything back when the function throws', async () => {
    let id = '';
    await expect(
      withPartnerTransaction(testDatabase.database, randomUUID(), async (tx) => {
        id = (await createPartner(tx)).id;
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await partnerExists(id)).toBe(false);
  });

  it('rolls back but still returns the result when shouldCommit says no', async () => {
    const id = await withPartnerTransaction(testDatabase.database, randomUUID(), async (tx) => (await createPartner(tx)).id, {
      shouldCommit: () => false,
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await partnerExists(id)).toBe(false);
  });

  it('undoes only a nested transaction (savepoint) that throws', async () => {
    let inner = '';
    const outer = await withPartnerTransaction(testDatabase.database, randomUUID(), async (tx) => {
      const kept = await createPartner(tx);
      await tx
        .transaction(async (nested) => {
          inner = (await createPartner(nested)).id;
          throw new Error('undo the nested part');
        })
        .catch(() => {});
      // The transaction is still usable after the savepoint rollback.
      expect(await currentPartnerSetting(tx)).toBeTruthy();
      return kept.id;
    });
    expect(await partnerExists(outer)).toBe(true);
    expect(await partnerExists(inner)).toBe(false);
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
