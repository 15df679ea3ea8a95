/**
 * Steps a partner's request transaction takes as someone else, each under a savepoint so that the
 * request transaction is itself again afterwards (a step that throws rolls its savepoint back,
 * settings included). Row-level security follows `app.partner_id` and the role (see
 * row-level-security.ts), so these are the only two ways a request reaches past its own partner:
 *
 * - `actAsPartner`: a write another partner is party to, made on its behalf — the indirect
 *   provider's own relationship that starts when its reseller's customer accepts, or a token holder
 *   acting for the partner its invitation belongs to.
 * - `readAsSystem`: a lookup the system makes before the caller may see the row — the partner behind
 *   an invitation token, a reseller by its partner number. It runs as the connection's own role
 *   (which bypasses row-level security, like authentication does) and its savepoint is always rolled
 *   back, so it can change nothing and leaves the request's role and partner as they were.
 */
import { sql } from 'drizzle-orm';
import type { AppTransaction } from './client.js';

export async function actAsPartner<T>(
  tx: AppTransaction,
  partnerId: string,
  restorePartnerId: string,
  step: (savepoint: AppTransaction) => Promise<T>,
): Promise<T> {
  if (partnerId === restorePartnerId) return step(tx);
  return tx.transaction(async (savepoint) => {
    await savepoint.execute(sql`select set_config('app.partner_id', ${partnerId}, true)`);
    const result = await step(savepoint);
    await savepoint.execute(sql`select set_config('app.partner_id', ${restorePartnerId}, true)`);
    return result;
  });
}

/** Thrown to roll `readAsSystem`'s savepoint back after a successful read. */
class ReadDone extends Error {}

export async function readAsSystem<T>(
  tx: AppTransaction,
  read: (savepoint: AppTransaction) => Promise<T>,
): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint.execute(sql`reset role`);
      result = { value: await read(savepoint) };
      throw new ReadDone('readAsSystem: done');
    });
  } catch (error) {
    if (!(error instanceof ReadDone)) throw error;
  }
  if (!result) throw new Error('readAsSystem: the read did not finish');
  return result.value;
}
