/** The rows of a raw `db.execute()` result: node-postgres and PGlite both answer `{ rows }`. */
export function rawRows<T>(result: unknown): T[] {
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows))
    return result.rows as T[];
  throw new Error('The database driver answered a raw query without rows');
}
