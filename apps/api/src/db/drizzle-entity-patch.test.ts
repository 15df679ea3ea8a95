/**
 * patches/drizzle-orm@1.0.0-rc.4.patch memoises the prototype walk in Drizzle's `is()` per class
 * and entity kind. It must answer exactly what the walk answers: instances of a class and of its
 * subclasses are of its kind, others are not, an object of another copy of Drizzle (same kind
 * name, different class) still counts, and asking again changes nothing.
 *
 * It also has SQL building find each chunk's class once per constructor instead of asking `is()`
 * of every kind in turn, and allocate less (a nested fragment reuses its caller's config unless it
 * turns inlining on; chunks without parameters share one empty list). The text and parameters it
 * builds must be what unpatched Drizzle builds: the expected strings below are unpatched Drizzle's
 * output for the same fragments.
 */
import { describe, expect, it } from 'vitest';
import {
  and,
  Column,
  entityKind,
  eq,
  inArray,
  is,
  name,
  or,
  Param,
  placeholder,
  SQL,
  sql,
  Table,
} from 'drizzle-orm';
import { alias, PgDialect, pgView, uuid } from 'drizzle-orm/pg-core';
import { customers } from './schema/index.js';

describe('drizzle-orm is() (patched: memoised)', () => {
  it('answers as the prototype walk does, the first time and every time after', () => {
    const fragment = sql`select ${1}`;
    for (let round = 0; round < 3; round += 1) {
      expect(is(fragment, SQL)).toBe(true);
      expect(is(customers, Table)).toBe(true);
      expect(is(customers.id, Column)).toBe(true); // a PgColumn subclass instance
      expect(is(customers.id, Table)).toBe(false);
      expect(is(fragment, Param)).toBe(false);
      expect(is(null, SQL)).toBe(false);
      expect(is('select 1', SQL)).toBe(false);
    }
  });

  it('recognises an entity of another copy of Drizzle by its kind, and nothing else', () => {
    // What a second copy's SQL class looks like: a different class carrying the same kind.
    class OtherCopySQL {
      static readonly [entityKind] = SQL[entityKind];
    }
    class OtherCopySubclass extends OtherCopySQL {}
    class Unrelated {
      static readonly [entityKind] = 'SomethingElse';
    }
    for (let round = 0; round < 2; round += 1) {
      expect(is(new OtherCopySQL(), SQL)).toBe(true);
      expect(is(new OtherCopySubclass(), SQL)).toBe(true);
      expect(is(new Unrelated(), SQL)).toBe(false);
      expect(is(Object.create(null) as object, SQL)).toBe(false);
    }
  });

  it('still refuses a type that is not a Drizzle entity', () => {
    class NotAnEntity {}
    expect(() => is({}, NotAnEntity as never)).toThrow(/doesn't look like a Drizzle entity/);
  });
});

describe('drizzle-orm SQL building (patched: one class lookup a chunk)', () => {
  const dialect = new PgDialect();
  const other = alias(customers, 'other');
  const view = pgView('v', { id: uuid('id') }).existing();
  const customerId = 'c0ffee00-0000-4000-8000-000000000000';
  // Every kind of chunk: columns of a table and of an alias, an aliased expression, tables, a view,
  // an array, a name, a placeholder, bound parameters with and without a column's encoder, nested
  // conditions and raw text.
  const fragment = () =>
    sql`select ${customers.id}, ${other.companyName}, ${sql`count(*)`.as('n')} from ${customers} join ${other} on ${eq(other.id, customers.id)} join ${view} on ${view.id} = ${customers.id} where ${customers.id} in ${['a', 'b']} and ${name('x')} = ${placeholder('p')} and ${and(eq(customers.id, customerId), or(inArray(other.companyName, ['x', 'y']), sql`${1} = ${sql.raw('1')}`))}`;
  const text =
    'select "customers"."id", "other"."company_name", "n" from "customers" join "other" on "other"."id" = "customers"."id" join "v" on "v"."id" = "customers"."id" where "customers"."id" in ';

  it('builds the text and parameters unpatched Drizzle builds, every time', () => {
    for (let round = 0; round < 3; round += 1) {
      const query = dialect.sqlToQuery(fragment());
      expect(query.sql).toBe(
        `${text}($1, $2) and "x" = $3 and (("customers"."id" = $4) and ((("other"."company_name" in ($5, $6)) or ($7 = 1))))`,
      );
      expect(query.params).toEqual(['a', 'b', placeholder('p'), customerId, 'x', 'y', 1]);
      // `usedTables` (internal: the tables a fragment names directly) is filled by the patched constructor.
      expect((fragment() as unknown as { usedTables: string[] }).usedTables).toEqual([
        'customers',
        'other',
      ]);
    }
  });

  it('inlines parameters as unpatched Drizzle does', () => {
    const query = dialect.sqlToQuery(fragment().inlineParams());
    expect(query.sql).toBe(
      `${text}('a', 'b') and "x" = $1 and (("customers"."id" = '${customerId}') and ((("other"."company_name" in ('x', 'y')) or (1 = 1))))`,
    );
    expect(query.params).toEqual([placeholder('p')]);
  });

  it('inlines the parameters of a fragment that asks for it, and only there', () => {
    const query = dialect.sqlToQuery(
      sql`select ${customers.id} from ${customers} where ${customers.id} = ${'a'} and ${sql`${customers.companyName} = ${'x'}`.inlineParams()} and ${sql`${2} > ${sql`${3}`.inlineParams()}`} and ${eq(customers.id, 'b')}`,
    );
    expect(query).toEqual({
      sql: 'select "customers"."id" from "customers" where "customers"."id" = $1 and "customers"."company_name" = \'x\' and $2 > 3 and "customers"."id" = $3',
      params: ['a', 2, 'b'],
    });
  });

  it('renders an SQL chunk of another copy of Drizzle by its kind', () => {
    class OtherCopySQL {
      static readonly [entityKind] = SQL[entityKind];
      readonly queryChunks = sql`1 + ${2}`.queryChunks;
    }
    for (let round = 0; round < 2; round += 1)
      expect(dialect.sqlToQuery(sql`select ${new OtherCopySQL()}`)).toEqual({
        sql: 'select 1 + $1',
        params: [2],
      });
  });
});
