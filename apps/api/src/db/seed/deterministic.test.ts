/** Seeded ids and randomness are reproducible and well formed. */
import { describe, expect, it } from 'vitest';
import { addDays, createRandom, namedUuid, startOfUtcDay } from './deterministic.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('namedUuid', () => {
  it('derives the same version 5 UUID from the same name, and different ones from different names', () => {
    const id = namedUuid('customer', 'adatum');
    expect(id).toMatch(UUID);
    expect(id[14]).toBe('5');
    expect(namedUuid('customer', 'adatum')).toBe(id);
    expect(namedUuid('customer', 'lucerne')).not.toBe(id);
    expect(namedUuid('partner', 'adatum')).not.toBe(id);
  });
});

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return [random.next(), random.int(1, 6), random.uuid(), random.pick(['a', 'b', 'c'])];
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('makes well-formed, distinct version 4 UUIDs', () => {
    const random = createRandom(1);
    const ids = Array.from({ length: 50_000 }, () => random.uuid());
    for (const id of ids.slice(0, 100)) {
      expect(id).toMatch(UUID);
      expect(id[14]).toBe('4');
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps int() within its bounds, both included', () => {
    const random = createRandom(3);
    const values = new Set(Array.from({ length: 1_000 }, () => random.int(2, 4)));
    expect([...values].sort()).toEqual([2, 3, 4]);
  });

  it('follows the weights', () => {
    const random = createRandom(5);
    const picks = Array.from({ length: 10_000 }, () =>
      random.weighted([
        ['often', 9],
        ['rarely', 1],
      ] as const),
    );
    const often = picks.filter((pick) => pick === 'often').length;
    expect(often).toBeGreaterThan(8_700);
    expect(often).toBeLessThan(9_300);
  });

  it('samples distinct items', () => {
    const random = createRandom(9);
    const sample = random.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
  });
});

describe('dates', () => {
  it('anchors on midnight UTC and adds whole days', () => {
    const today = startOfUtcDay(new Date('2025-03-01T17:45:12.345Z'));
    expect(today.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(addDays(today, -1).toISOString()).toBe('2025-02-28T00:00:00.000Z');
  });
});
