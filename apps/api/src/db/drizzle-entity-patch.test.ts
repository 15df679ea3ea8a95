/**
 * patches/drizzle-orm@1.0.0-rc.4.patch memoises the prototype walk in Drizzle's `is()` per class
 * and entity kind. It must answer exactly what the walk answers: instances of a class and of its
 * subclasses are of its kind, others are not, an object of another copy of Drizzle (same kind
 * name, different class) still counts, and asking again changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { Column, entityKind, is, Param, SQL, sql, Table } from 'drizzle-orm';
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
