/**
 * Determinism for seeded data: ids derived from names and a seeded random generator, so the demo
 * world has the same ids in every database and a large world is the same for the same `--seed`.
 * Tests, the README and bug reports can then name rows ("Adatum's EA Azure subscription") by id.
 */
import { createHash } from 'node:crypto';

/**
 * A UUID derived from a name (SHA-1, laid out like an RFC 9562 version 5 UUID). Hashing rather
 * than a generator keeps each id independent of how many other rows were made before it.
 */
export function namedUuid(namespace: string, name: string): string {
  const hash = createHash('sha1').update(`switchyard:${namespace}:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `[['CSP', 50], ['EA', 10]]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A random (version 4 layout) UUID from this generator: reproducible, unlike crypto.randomUUID. */
  uuid(): string;
}

/**
 * sfc32 seeded through splitmix32: 128 bits of state, fast, and the same sequence on every
 * platform (Math.random can be neither seeded nor reproduced).
 */
export function createRandom(seed: number): Random {
  let splitState = seed >>> 0;
  const splitmix32 = () => {
    splitState = (splitState + 0x9e3779b9) >>> 0;
    let z = splitState;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const nextUint32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  const next = () => nextUint32() / 4_294_967_296;
  // The first outputs of a fresh sfc32 are correlated with the seed; discard them.
  for (let i = 0; i < 12; i += 1) next();
  const hex8 = (value: number) => value.toString(16).padStart(8, '0');

  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('Cannot pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of entries) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new Error('Cannot pick from an empty list');
      return last[0];
    },
    sample: (items, count) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, Math.min(count, copy.length));
    },
    uuid: () => {
      const hex = hex8(nextUint32()) + hex8(nextUint32()) + hex8(nextUint32()) + hex8(nextUint32());
      const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
  return random;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `date` plus whole 24-hour days (negative: before). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/**
 * Midnight UTC of `now`'s day. Seeded dates hang off it, so a world seeded twice on the same day
 * is identical and its dates read as whole days in the admin app.
 */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
