/**
 * Opaque global ids: base64 of `<Type>:<uuid>` (Relay's usual shape). Decoding never throws: an id
 * that is malformed, or names another type, is simply an id that matches nothing, so the caller
 * answers NOT_FOUND exactly as for an id that does not exist (domain.md §8).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GraphQL types whose ids carry another name. A subscription's GraphQL type is `CustomerSubscription`
 * (an object type named `Subscription` would be taken for the root subscription type), but its ids
 * say `Subscription`, the name the services, events and audit log use. Decoding returns the GraphQL
 * name, so Relay's `node` finds the type; `databaseIdOf` accepts either name.
 */
const ID_NAMES: Readonly<Record<string, string>> = { CustomerSubscription: 'Subscription' };
const GRAPHQL_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ID_NAMES).map(([graphqlName, idName]) => [idName, graphqlName]));

const idName = (typename: string): string => ID_NAMES[typename] ?? typename;

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${idName(typename)}:${String(id)}`, 'utf8').toString('base64');
}

/** `{ typename: '', id: '' }` when `globalId` is not one of ours. */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || !/^[A-Za-z][A-Za-z0-9]*$/.test(typename) || !UUID.test(id)) {
    return { typename: '', id: '' };
  }
  return { typename: GRAPHQL_NAMES[typename] ?? typename, id: id.toLowerCase() };
}

/** The database id behind a global id of type `typename`, or undefined when it is not one. */
export function databaseIdOf(globalId: { typename: string; id: string } | string, typename: string): string | undefined {
  const decoded = typeof globalId === 'string' ? decodeGlobalId(globalId) : globalId;
  return idName(decoded.typename) === idName(typename) && UUID.test(decoded.id) ? decoded.id : undefined;
}
