/**
 * How runMutation holds a mutation's work (run-mutation.ts, step 3): under its own savepoint, or,
 * when the mutation is the operation's only field and no idempotency key was claimed, directly in
 * the request transaction, which a refusal then rolls back. Either way a refused change leaves
 * nothing behind and an accepted one is committed with its audit event; what differs is only the
 * two round trips of SAVEPOINT and RELEASE.
 */
import { DomainError } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadActor } from '../../auth/authenticate.js';
import { withRequestContext } from '../../context.js';
import type { Context } from '../../context.js';
import { customers } from '../../db/schema/index.js';
import { seedCustomer, uniqueSuffix } from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { auditEventsOf, partnerWithUser } from '../../test/relationship-factories.js';
import type { CustomerRow } from '../relationships/relationship-events.js';
import { runMutation } from './run-mutation.js';
import type { MutationDefinition, MutationPayload } from './run-mutation.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

const CREATE = `mutation ($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { id companyName } userErrors { code field } }
}`;

const TWO_CREATES = `mutation ($first: CustomerCreateInput!, $second: CustomerCreateInput!) {
  first: customerCreate(input: $first) { customer { id } userErrors { code field } }
  second: customerCreate(input: $second) { customer { id } userErrors { code field } }
}`;

interface CreatePayload {
  customer: { id: string } | null;
  userErrors: { code: string; field: string[] | null }[];
}

const domain = () => `runmutation-${uniqueSuffix()}.onmicrosoft.com`;

/** The statements `fn` sent, lower-cased. */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const { recorded } = await testDatabase.database.queryCounter.measure(async () => {
    testDatabase.database.queryCounter.record = true;
    try {
      return await fn();
    } finally {
      testDatabase.database.queryCounter.record = false;
    }
  });
  return recorded.map((text) => text.toLowerCase());
}
const savepoints = (statements: string[]) => statements.filter((text) => /^\s*(savepoint|release savepoint)\b/.test(text));

/** A mutation that writes a customer and then, when asked to, refuses: the write must not survive. */
const writeThenMaybeRefuse: MutationDefinition<z.ZodObject<{ primaryDomain: z.ZodString; refuse: z.ZodBoolean }>, { customer: CustomerRow }> = {
  operation: 'customerCreate',
  input: z.object({ primaryDomain: z.string(), refuse: z.boolean() }),
  payloadTables: { customer: 'customers' },
  async run(input, { tx, context }) {
    const [customer] = await tx
      .insert(customers)
      .values({
        tenantId: crypto.randomUUID(),
        companyName: 'Half Done',
        primaryDomain: input.primaryDomain,
        country: 'US',
        cloud: 'GLOBAL',
        createdByPartnerId: context.partner.id,
      })
      .returning();
    if (!customer) throw new Error('no row');
    if (input.refuse) throw new DomainError('VALIDATION_FAILED', 'Refused after writing.', { field: ['primaryDomain'] });
    return { payload: { customer }, audit: { targetType: 'Customer', targetIds: [customer.id], before: null, after: customer } };
  },
};

/** Runs the mutation above in a request transaction, as the request's `isSoleMutation` says. */
async function runDirectly(
  user: { id: string },
  input: { primaryDomain: string; refuse: boolean },
  isSoleMutation: boolean,
): Promise<MutationPayload<{ customer: CustomerRow }>> {
  const { database } = testDatabase;
  const authenticated = await loadActor(database.db, asUser(user));
  return withRequestContext(database, { authenticated, publicUrl: 'http://localhost:4000' }, (context: Context) => {
    context.outcome.operationType = 'mutation';
    context.outcome.isSoleMutation = isSoleMutation;
    return runMutation(context, writeThenMaybeRefuse, input);
  });
}

describe('runMutation and the request transaction', () => {
  it('runs a sole mutation without a savepoint, and commits it with its audit event', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { markets: ['US'] });
    let result: Awaited<ReturnType<typeof execute<{ customerCreate: CreatePayload }>>> | undefined;
    const statements = await statementsOf(async () => {
      result = await execute<{ customerCreate: CreatePayload }>(
        CREATE,
        { input: { companyName: 'Adatum', primaryDomain: domain(), country: 'US' } },
        { as: asUser(contoso.user) },
      );
    });
    expect(result?.data?.customerCreate.userErrors).toEqual([]);
    expect(savepoints(statements)).toEqual([]);
    expect(await auditEventsOf(db, contoso.partner.id, 'customerCreate')).toHaveLength(1);
  });

  it('undoes what a refused sole mutation wrote before it was refused, by rolling the request back', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { markets: ['US'] });
    const primaryDomain = domain();
    const statements = await statementsOf(async () => {
      const payload = await runDirectly(contoso.user, { primaryDomain, refuse: true }, true);
      expect(payload.userErrors).toEqual([{ code: 'VALIDATION_FAILED', message: 'Refused after writing.', field: ['input', 'primaryDomain'] }]);
    });
    expect(savepoints(statements)).toEqual([]);
    expect(statements.at(-1)).toBe('rollback');
    expect(await db.select().from(customers).where(eq(customers.primaryDomain, primaryDomain))).toEqual([]);
    expect(await auditEventsOf(db, contoso.partner.id)).toEqual([]);
  });

  it('undoes the same write under a savepoint when the mutation is not alone, and commits the rest', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { markets: ['US'] });
    const primaryDomain = domain();
    const statements = await statementsOf(async () => {
      const payload = await runDirectly(contoso.user, { primaryDomain, refuse: true }, false);
      expect(payload.userErrors).toHaveLength(1);
    });
    expect(savepoints(statements)).toHaveLength(1); // SAVEPOINT, then ROLLBACK TO it
    expect(statements.some((text) => text.startsWith('rollback to savepoint'))).toBe(true);
    expect(statements.at(-1)).toBe('commit');
    expect(await db.select().from(customers).where(eq(customers.primaryDomain, primaryDomain))).toEqual([]);

    // And accepted, it is committed either way.
    for (const isSoleMutation of [true, false]) {
      const accepted = domain();
      const payload = await runDirectly(contoso.user, { primaryDomain: accepted, refuse: false }, isSoleMutation);
      expect(payload.userErrors).toEqual([]);
      expect(await db.select().from(customers).where(eq(customers.primaryDomain, accepted))).toHaveLength(1);
    }
  });

  it('keeps a savepoint per mutation when an operation has two: the first is committed, the refused second leaves nothing', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { markets: ['US'] });
    const taken = await seedCustomer(db, { primaryDomain: domain() });
    const fresh = domain();
    let result: Awaited<ReturnType<typeof execute<{ first: CreatePayload; second: CreatePayload }>>> | undefined;
    const statements = await statementsOf(async () => {
      result = await execute<{ first: CreatePayload; second: CreatePayload }>(
        TWO_CREATES,
        {
          first: { companyName: 'Adatum', primaryDomain: fresh, country: 'US' },
          // Refused by the database's unique index, after the first was written.
          second: { companyName: 'Copycat', primaryDomain: taken.primaryDomain, country: 'US' },
        },
        { as: asUser(contoso.user) },
      );
    });
    expect(result?.errors).toBeUndefined();
    expect(result?.data?.first.userErrors).toEqual([]);
    expect(result?.data?.second).toEqual({ customer: null, userErrors: [{ code: 'VALIDATION_FAILED', field: ['input', 'primaryDomain'] }] });
    expect(savepoints(statements).length).toBeGreaterThanOrEqual(2);
    expect(await db.select().from(customers).where(eq(customers.primaryDomain, fresh))).toHaveLength(1);
    expect(await auditEventsOf(db, contoso.partner.id, 'customerCreate')).toHaveLength(1);
  });

  it('keeps the savepoint when an Idempotency-Key is claimed, so the refusal is stored and replayed', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { markets: ['US'] });
    const taken = await seedCustomer(db, { primaryDomain: domain() });
    const idempotencyKey = `run-mutation-${uniqueSuffix()}`;
    const input = { input: { companyName: 'Copycat', primaryDomain: taken.primaryDomain, country: 'US' } };
    const statements = await statementsOf(async () => {
      const refused = await execute<{ customerCreate: CreatePayload }>(CREATE, input, { as: asUser(contoso.user), idempotencyKey });
      expect(refused.data?.customerCreate.userErrors).toEqual([{ code: 'VALIDATION_FAILED', field: ['input', 'primaryDomain'] }]);
    });
    expect(savepoints(statements).length).toBeGreaterThanOrEqual(1);
    const replayed = await execute<{ customerCreate: CreatePayload }>(CREATE, input, { as: asUser(contoso.user), idempotencyKey });
    expect(replayed.data?.customerCreate.userErrors).toEqual([{ code: 'VALIDATION_FAILED', field: ['input', 'primaryDomain'] }]);
  });
});
