/**
 * Walks the built GraphQL schema for the tests that must cover every field, including fields added
 * later by other features: the auth-scope declarations of root fields, and operations built from
 * a field's arguments (dummy values for what a test does not care about, chosen ids for every
 * `ID` position, however deep in an input object).
 */
import type { Permission } from '@switchyard/domain';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import type {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLOutputType,
  GraphQLSchema,
} from 'graphql';

export type RootKind = 'query' | 'mutation' | 'subscription';

export interface DeclaredScopes {
  permission?: Permission;
  authenticated?: boolean;
}

/** The `authScopes` a root field declared through Pothos, if any. */
export function declaredScopes(field: GraphQLField<unknown, unknown>): DeclaredScopes | undefined {
  const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)
    ?.pothosOptions;
  const scopes = options?.authScopes;
  if (scopes === undefined) return undefined;
  if (typeof scopes === 'function') return { authenticated: true };
  return scopes as DeclaredScopes;
}

export function rootFields(
  schema: GraphQLSchema,
  kind: RootKind,
): GraphQLField<unknown, unknown>[] {
  const type = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() }[kind];
  return type ? Object.values(type.getFields()) : [];
}

/** Where an ID goes in a field's arguments: a path like ['input', 'lineItemIds', 0]. */
export type ArgumentPath = (string | number)[];

/**
 * Chooses a leaf value by its path (e.g. a valid domain for `['input', 'primaryDomain']`);
 * undefined: the default dummy for a required leaf, and nothing for an optional one.
 */
export type LeafValue = (path: ArgumentPath, typeName: string, isRequired: boolean) => unknown;

/** A dummy value for an input type; every `ID` leaf asks `idAt` with its path. */
export function dummyValue(
  type: GraphQLInputType,
  path: ArgumentPath,
  idAt: (path: ArgumentPath) => unknown,
  { withOptional = false, leafValue }: { withOptional?: boolean; leafValue?: LeafValue } = {},
): unknown {
  const inner = getNullableType(type);
  if (isListType(inner))
    return [
      dummyValue(inner.ofType, [...path, 0], idAt, {
        withOptional,
        ...(leafValue ? { leafValue } : {}),
      }),
    ];
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      const fieldPath = [...path, field.name];
      if (!withOptional && !isNonNullType(field.type) && !containsId(field.type)) {
        // An optional leaf is sent only when `leafValue` chooses a value for it.
        const named = getNamedType(field.type);
        const chosen =
          isInputObjectType(named) || isListType(getNullableType(field.type))
            ? undefined
            : leafValue?.(fieldPath, named.name, false);
        if (chosen !== undefined) value[field.name] = chosen;
        continue;
      }
      value[field.name] = dummyValue(field.type, fieldPath, idAt, {
        withOptional,
        ...(leafValue ? { leafValue } : {}),
      });
    }
    return value;
  }
  if (!(isScalarType(inner) && inner.name === 'ID')) {
    const chosen = leafValue?.(path, inner.name, true);
    if (chosen !== undefined) return chosen;
  }
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'ID':
        return idAt(path);
      case 'String':
        return 'x';
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date().toISOString();
      default:
        return 'x';
    }
  }
  return null;
}

/** Whether an ID sits anywhere in the type (then optional fields holding it are filled too). */
export function containsId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'ID';
  if (isInputObjectType(named)) {
    if (seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some((field) => containsId(field.type, seen));
  }
  return false;
}

/** Every path at which the field's arguments take an ID; `isRequired` when every step on the way is non-null. */
export function idPaths(
  args: readonly GraphQLArgument[],
): { path: ArgumentPath; isRequired: boolean }[] {
  const paths: { path: ArgumentPath; isRequired: boolean }[] = [];
  const visit = (
    type: GraphQLInputType,
    path: ArgumentPath,
    isRequired: boolean,
    seen: Set<string>,
  ) => {
    const required = isRequired && isNonNullType(type);
    const inner = getNullableType(type);
    if (isListType(inner)) {
      visit(inner.ofType, [...path, 0], required, seen);
      return;
    }
    if (isScalarType(inner) && inner.name === 'ID') paths.push({ path, isRequired: required });
    if (isInputObjectType(inner) && !seen.has(inner.name)) {
      for (const field of Object.values(inner.getFields()))
        visit(field.type, [...path, field.name], required, new Set([...seen, inner.name]));
    }
  };
  for (const arg of args) visit(arg.type, [arg.name], true, new Set());
  return paths;
}

/** The arguments a test sends: required ones (and every one holding an ID) with dummy values. */
export function argumentValues(
  args: readonly GraphQLArgument[],
  idAt: (path: ArgumentPath) => unknown,
  leafValue?: LeafValue,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of args) {
    if (!isNonNullType(arg.type) && !containsId(arg.type)) continue;
    values[arg.name] = dummyValue(arg.type, [arg.name], idAt, leafValue ? { leafValue } : {});
  }
  return values;
}

/** `{ __typename }` for object results, nothing for scalars and enums. */
export function minimalSelection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
}

/**
 * One operation calling `field` once per entry of `calls`, each under its own alias, with the
 * arguments as variables. Returns the document and its variables.
 */
export function batchedOperation(
  kind: RootKind,
  field: GraphQLField<unknown, unknown>,
  calls: Record<string, unknown>[],
  selection = minimalSelection(field),
): { document: string; variables: Record<string, unknown> } {
  const definitions: string[] = [];
  const selections: string[] = [];
  const variables: Record<string, unknown> = {};
  calls.forEach((values, index) => {
    const passed: string[] = [];
    for (const arg of field.args) {
      if (!(arg.name in values)) continue;
      const variable = `a${index}_${arg.name}`;
      definitions.push(`$${variable}: ${String(arg.type)}`);
      passed.push(`${arg.name}: $${variable}`);
      variables[variable] = values[arg.name];
    }
    selections.push(
      `c${index}: ${field.name}${passed.length ? `(${passed.join(', ')})` : ''}${selection}`,
    );
  });
  const head = definitions.length ? `(${definitions.join(', ')})` : '';
  return { document: `${kind}${head} { ${selections.join(' ')} }`, variables };
}

/** Sets `value` at `path` inside `target` (creating objects and arrays on the way). */
export function setAtPath(
  target: Record<string, unknown>,
  path: ArgumentPath,
  value: unknown,
): void {
  let current: Record<string | number, unknown> = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      current[key] = value;
      return;
    }
    const next = path[index + 1];
    current[key] ??= typeof next === 'number' ? [] : {};
    current = current[key] as Record<string | number, unknown>;
  });
}

/**
 * A selection that reads real data: every scalar and enum field without required arguments, and,
 * `depth` levels down, every object field without required arguments (connections with
 * `first: pageSize`). Interfaces and unions select each possible type's fields.
 */
export function dataSelection(
  schema: GraphQLSchema,
  type: GraphQLOutputType,
  depth: number,
  pageSize = 5,
): string {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (isInterfaceType(named) || isUnionType(named)) {
    // Fields of one name must have one type across the fragments (else GraphQL refuses the
    // document): keep each possible type's scalars whose name means the same type everywhere.
    const possibleTypes = schema.getPossibleTypes(named);
    const typeOfName = new Map<string, string | null>();
    for (const possible of possibleTypes) {
      for (const field of Object.values(possible.getFields())) {
        const previous = typeOfName.get(field.name);
        typeOfName.set(
          field.name,
          previous === undefined || previous === String(field.type) ? String(field.type) : null,
        );
      }
    }
    const fragments = possibleTypes.map((possible) => {
      const scalars = Object.values(possible.getFields()).filter((field) => {
        const child = getNamedType(field.type);
        return (
          (isScalarType(child) || isEnumType(child)) &&
          typeOfName.get(field.name) !== null &&
          !field.args.some((arg) => isNonNullType(arg.type))
        );
      });
      return `... on ${possible.name} { ${scalars.map((field) => field.name).join(' ') || '__typename'} }`;
    });
    return `{ __typename ${fragments.join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const parts: string[] = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined))
      continue;
    const child = getNamedType(field.type);
    if (isScalarType(child) || isEnumType(child)) {
      parts.push(field.name);
      continue;
    }
    if (depth <= 0) continue;
    const paged = field.args.some((arg) => arg.name === 'first') ? `(first: ${pageSize})` : '';
    parts.push(`${field.name}${paged} ${dataSelection(schema, field.type, depth - 1, pageSize)}`);
  }
  return `{ ${parts.join(' ')} }`;
}
