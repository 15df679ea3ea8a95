/**
 * patches/@pothos__plugin-drizzle@0.20.0.patch: a leaf field that reads only columns of its
 * parent row (an `expose`, or a field whose `select` names columns and nothing else) resolves from
 * the row whenever the row carries those columns, instead of asking the query plan's mapping
 * whether the planned query loaded them. Unpatched, that question cost string keys and weak-map
 * writes for every such field of every row (a third of a 50 × 10 page's CPU), and a row the plan
 * did not load (a mutation's payload) was read again by the model loader.
 *
 * What must still hold: a row without the column is completed by the model loader, and a field
 * whose selection asks for more than columns (an extra, a relation) still goes by the plan. The
 * schema here is a small one of its own, on an in-memory PGlite.
 */
import { PGlite } from '@electric-sql/pglite';
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { defineRelations, sql } from 'drizzle-orm';
import { getTableConfig, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const notes = pgTable('notes', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  body: text('body'),
  stars: integer('stars').notNull(),
});
const relations = defineRelations({ notes });

const statements: string[] = [];
const client = new PGlite();
const db = drizzle({ client, relations, logger: { logQuery: (query) => statements.push(query) } });
type Db = typeof db;
type Row = typeof notes.$inferSelect;

const builder = new SchemaBuilder<{ Context: { db: Db }; DrizzleRelations: typeof relations }>({
  // Scope auth only because its options are part of every builder's type in this package.
  plugins: [ScopeAuthPlugin, DrizzlePlugin],
  scopeAuth: { authScopes: () => ({}) },
  drizzle: { client: (context) => context.db, getTableConfig, relations },
});

const Note = builder.drizzleObject('notes', {
  name: 'Note',
  select: {}, // as CustomerSubscription and Offer do: each field adds what it reads
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    body: t.exposeString('body', { nullable: true }),
    shout: t.string({
      select: { columns: { title: true } },
      resolve: (note) => note.title.toUpperCase(),
    }),
    starsPlusOne: t.int({
      select: { extras: { starsPlusOne: (table) => sql<number>`${table.stars} + 1` } },
      resolve: (note) => (note as { starsPlusOne: number }).starsPlusOne,
    }),
  }),
});

builder.queryType({
  fields: (t) => ({
    planned: t.drizzleField({
      type: [Note],
      resolve: (query, _root, _args, context) => context.db.query.notes.findMany(query({ orderBy: { id: 'asc' } })),
    }),
    // Rows a resolver hands over itself, as a mutation's payload does.
    given: t.field({
      type: [Note],
      resolve: (_root, _args, context) => context.db.select().from(notes).orderBy(notes.id),
    }),
    partial: t.field({
      type: [Note],
      resolve: (_root, _args, context) =>
        context.db.select({ id: notes.id }).from(notes).orderBy(notes.id) as unknown as Promise<Row[]>,
    }),
    // A row whose title was changed after it was read: the row is what is answered.
    changed: t.field({
      type: Note,
      resolve: async (_root, _args, context) => {
        const [row] = await context.db.select().from(notes).where(sql`${notes.id} = 'a'`);
        return { ...row!, title: 'Renamed in the resolver' };
      },
    }),
  }),
});
const schema = builder.toSchema();

async function run(query: string) {
  statements.length = 0;
  const result = await execute({ schema, document: parse(query), contextValue: { db } });
  return { result: JSON.parse(JSON.stringify(result)) as { data?: Record<string, unknown>; errors?: unknown[] }, statements: [...statements] };
}

beforeAll(async () => {
  await db.execute(sql`create table notes (id text primary key, title text not null, body text, stars integer not null)`);
  await db.insert(notes).values([
    { id: 'a', title: 'First', body: null, stars: 1 },
    { id: 'b', title: 'Second', body: 'Text', stars: 4 },
  ]);
});
afterAll(() => client.close());

const notesWanted = [
  { id: 'a', title: 'First', body: null, shout: 'FIRST' },
  { id: 'b', title: 'Second', body: 'Text', shout: 'SECOND' },
];

describe('@pothos/plugin-drizzle (patched: a column field answers from a row that carries it)', () => {
  it('answers a planned query in its one statement, loading only the columns asked for', async () => {
    const { result, statements: sent } = await run('{ planned { id title body shout } }');
    expect(result).toEqual({ data: { planned: notesWanted } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/stars/);
  });

  it('answers from a row a resolver hands over, with no statement to read it again', async () => {
    const { result, statements: sent } = await run('{ given { id title body shout } }');
    expect(result).toEqual({ data: { given: notesWanted } });
    expect(sent).toHaveLength(1); // the resolver's own select
  });

  it('answers what the handed-over row says, nothing read behind it', async () => {
    const { result } = await run('{ changed { title shout } }');
    expect(result).toEqual({ data: { changed: { title: 'Renamed in the resolver', shout: 'RENAMED IN THE RESOLVER' } } });
  });

  it('completes a row without the columns through the model loader, the nulls included', async () => {
    const { result, statements: sent } = await run('{ partial { id title body shout } }');
    expect(result).toEqual({ data: { partial: notesWanted } });
    expect(sent).toHaveLength(2); // the resolver's select, then one load for both rows
    expect(sent[1]).toMatch(/"title"/);
  });

  it('still loads a selection that is more than columns (an extra) for a row the plan did not load', async () => {
    const { result, statements: sent } = await run('{ given { id starsPlusOne } }');
    expect(result).toEqual({ data: { given: [{ id: 'a', starsPlusOne: 2 }, { id: 'b', starsPlusOne: 5 }] } });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(/\+ 1/);
  });
});
