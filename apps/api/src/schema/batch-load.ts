/**
 * Batches lookups that no Drizzle relation describes (e.g. a transfer line item's `serviceIds`
 * array) into one query per request and kind, however many rows ask: every key requested in the
 * same tick is loaded together. Results are cached for the request (the context object) until a
 * mutation changes the data (`forgetBatchLoads`).
 */
import type { Context } from '../context.js';

type Loader<V> = (keys: string[], context: Context) => Promise<Map<string, V>>;

interface Batch<V> {
  pending: Map<string, { resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[]>;
  cache: Map<string, Promise<V | undefined>>;
  isScheduled: boolean;
}

// Per request (the context), per loader function: its batch. Values are Batch<V> for the loader's V.
const batches = new WeakMap<object, Map<unknown, unknown>>();

/**
 * Forgets what this request's loads have answered. A mutation calls it once it has run, so a later
 * field of the same operation (the next mutation's payload) asks again instead of reading an
 * answer from before the change. A batch already sent still answers those who asked for it.
 */
export function forgetBatchLoads(context: Context): void {
  batches.delete(context);
}

export function batchLoad<V>(context: Context, loader: Loader<V>, key: string): Promise<V | undefined> {
  let byLoader = batches.get(context);
  if (!byLoader) {
    byLoader = new Map();
    batches.set(context, byLoader);
  }
  let batch = byLoader.get(loader) as Batch<V> | undefined;
  if (!batch) {
    batch = { pending: new Map(), cache: new Map(), isScheduled: false };
    byLoader.set(loader, batch);
  }
  const cached = batch.cache.get(key);
  if (cached) return cached;
  const current = batch;
  const promise = new Promise<V | undefined>((resolve, reject) => {
    const waiting = current.pending.get(key) ?? [];
    waiting.push({ resolve, reject });
    current.pending.set(key, waiting);
  });
  current.cache.set(key, promise);
  if (!current.isScheduled) {
    current.isScheduled = true;
    // setImmediate: after every resolver of this execution step has asked for its keys.
    setImmediate(() => {
      const pending = current.pending;
      current.pending = new Map();
      current.isScheduled = false;
      loader([...pending.keys()], context).then(
        (values) => {
          for (const [pendingKey, waiting] of pending) for (const { resolve } of waiting) resolve(values.get(pendingKey));
        },
        (error: unknown) => {
          for (const waiting of pending.values()) for (const { reject } of waiting) reject(error);
        },
      );
    });
  }
  return promise;
}
