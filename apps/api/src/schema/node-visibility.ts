/**
 * Who may refetch what through `node`/`nodes`. Relay's node lookup loads any row by id, bypassing
 * the filters of list fields; here each node type registers how to tell which ids the caller may
 * see (domain.md §8), and the builder's `node`/`nodes` resolvers ask before loading. A type that
 * registers nothing is never visible: forgetting the registration fails closed.
 */
import type { Context } from '../context.js';
import { together } from '../db/together.js';

/** Returns the subset of `ids` (database ids of one type) the caller may see, in one query. */
export type VisibleIdsCheck = (ids: string[], context: Context) => Promise<Iterable<string>>;

const checks = new Map<string, VisibleIdsCheck>();

export function registerNodeVisibility(typename: string, check: VisibleIdsCheck): void {
  checks.set(typename, check);
}

/** For each global id (decoded), whether the caller may see it. One query per type asked for. */
export async function nodeVisibility(context: Context, ids: readonly { typename: string; id: string }[]): Promise<boolean[]> {
  const byType = new Map<string, string[]>();
  for (const { typename, id } of ids) {
    if (!checks.has(typename)) continue;
    const list = byType.get(typename) ?? [];
    list.push(id);
    byType.set(typename, list);
  }
  const visible = new Set<string>();
  await together(
    [...byType].map(async ([typename, typeIds]) => {
      const check = checks.get(typename);
      if (!check) return;
      for (const id of await check([...new Set(typeIds)], context)) visible.add(`${typename}:${id}`);
    }),
  );
  return ids.map(({ typename, id }) => visible.has(`${typename}:${id}`));
}
