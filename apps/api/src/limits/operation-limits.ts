/**
 * What one GraphQL operation may ask for, checked on the document before anything executes: its
 * size (bytes and tokens), its depth, its number of aliases, and its cost — an estimate of the
 * objects it could return, where a connection multiplies what is under it by its page size
 * (`first`/`last`, or the default page). The HTTP server refuses an operation over a limit before
 * it authenticates or touches the database (request-preflight.ts); the Apollo plugin applies the
 * same checks to every execution and reports the cost in `extensions.cost`.
 *
 * Introspection fields (`__schema`, `__type`, `__typename`) are static and read no data: they cost
 * nothing and do not count towards depth.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
} from 'graphql';
import type {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../schema/page-size-limit-plugin.js';

export const OPERATION_LIMITS = {
  /** Bytes of the query text. Variables travel in the body, limited separately. */
  maxDocumentBytes: 32_768,
  /** Lexical tokens of the query text: bounds the parser's work. */
  maxTokens: 4_000,
  /** Nested fields; a relay connection takes two levels (`edges { node }` or `nodes`). */
  maxDepth: 15,
  /** Aliased fields in the whole document. */
  maxAliases: 50,
  /** Estimated objects the operation may return (see operationCost). */
  maxCost: 10_000,
} as const;

/** A list that is not a paged connection (e.g. a subscription's services) counts as this many. */
export const UNPAGED_LIST_SIZE = 10;

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** The deepest field nesting of a selection set, following fragments (a cycle stops the walk; validation refuses it). */
function depthOf(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(
        deepest,
        1 + (selection.selectionSet ? depthOf(selection.selectionSet, fragments, visiting) : 0),
      );
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, visiting));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, visiting));
      visiting.delete(name);
    }
  }
  return deepest;
}

/** Validation rule: no operation nests fields deeper than `maxDepth`. */
export function maxDepthRule(maxDepth: number = OPERATION_LIMITS.maxDepth): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(
              `The operation nests fields ${depth} levels deep; at most ${maxDepth} are allowed.`,
              { nodes: [operation] },
            ),
          );
        }
      },
    };
  };
}

/** Validation rule: the document has at most `maxAliases` aliased fields. */
export function maxAliasesRule(maxAliases: number = OPERATION_LIMITS.maxAliases): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(field) {
        if (!field.alias) return;
        aliases += 1;
        if (aliases > maxAliases && !reported) {
          reported = true;
          context.reportError(
            new GraphQLError(`The document uses more than ${maxAliases} aliases.`, {
              nodes: [field],
            }),
          );
        }
      },
    };
  };
}

/** The rules every operation is validated with, besides GraphQL's own. */
export const LIMIT_VALIDATION_RULES: readonly ValidationRule[] = [maxDepthRule(), maxAliasesRule()];

function numberArgument(
  field: FieldNode,
  name: string,
  variables: Record<string, unknown>,
): number | undefined {
  const argument = field.arguments?.find((candidate) => candidate.name.value === name);
  if (!argument) return undefined;
  const value = valueOf(argument.value, variables);
  return typeof value === 'number' ? value : undefined;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map((value) => valueOf(value, variables));
    default:
      return undefined;
  }
}

function isConnectionType(type: GraphQLNamedType): boolean {
  return (
    isObjectType(type) &&
    'pageInfo' in type.getFields() &&
    ('edges' in type.getFields() || 'nodes' in type.getFields())
  );
}

/** How many objects a field may return for each of its parents. */
function fanOut(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  parentType: GraphQLNamedType,
  variables: Record<string, unknown>,
): number {
  const namedType = getNamedType(definition.type);
  if (isConnectionType(namedType)) {
    const requested =
      numberArgument(field, 'first', variables) ?? numberArgument(field, 'last', variables);
    return Math.max(0, requested ?? DEFAULT_PAGE_SIZE);
  }
  // The lists of a connection (edges, nodes) hold the page its field already counted.
  if (isConnectionType(parentType) || parentType.name.endsWith('Edge')) return 1;
  if (isListType(getNullableType(definition.type))) {
    const ids = field.arguments?.find((argument) => argument.name.value === 'ids');
    const listed = ids ? valueOf(ids.value, variables) : undefined;
    return Array.isArray(listed) ? listed.length : UNPAGED_LIST_SIZE;
  }
  return 1;
}

function selectionCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType,
  multiplier: number,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  visiting: Set<string>,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const definition =
        isObjectType(parentType) || isInterfaceType(parentType)
          ? parentType.getFields()[selection.name.value]
          : undefined;
      if (!definition) continue;
      cost += multiplier;
      if (selection.selectionSet) {
        const childMultiplier = multiplier * fanOut(selection, definition, parentType, variables);
        cost += selectionCost(
          schema,
          selection.selectionSet,
          getNamedType(definition.type),
          childMultiplier,
          fragments,
          variables,
          visiting,
        );
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? schema.getType(selection.typeCondition.name.value)
        : parentType;
      if (type)
        cost += selectionCost(
          schema,
          selection.selectionSet,
          type,
          multiplier,
          fragments,
          variables,
          visiting,
        );
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      const type = fragment && schema.getType(fragment.typeCondition.name.value);
      if (!fragment || !type || visiting.has(name)) continue;
      visiting.add(name);
      cost += selectionCost(
        schema,
        fragment.selectionSet,
        type,
        multiplier,
        fragments,
        variables,
        visiting,
      );
      visiting.delete(name);
    }
  }
  return cost;
}

/** The operation `operationName` picks (or the only one), as GraphQL execution would. */
export function selectOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * The operation's estimated cost: every field costs one per object it is asked on, and a
 * connection multiplies what is under it by its page size, so nested pages multiply.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  return selectionCost(
    schema,
    operation.selectionSet,
    rootType,
    1,
    fragmentsOf(document),
    variables,
    new Set(),
  );
}

/**
 * QUERY_TOO_COSTLY's message and extensions, naming the cost and the budget. Plain data, not a
 * GraphQLError: the preflight refuses with it on every costly request, and an error object would
 * capture a stack trace each time for nothing.
 */
export function tooCostly(
  cost: number,
  maxCost: number = OPERATION_LIMITS.maxCost,
): { message: string; extensions: { code: 'QUERY_TOO_COSTLY'; cost: { requested: number; limit: number } } } {
  return {
    message: `This operation could cost ${cost}, more than the limit of ${maxCost}: ask for smaller pages (first/last) or fewer nested connections.`,
    extensions: { code: 'QUERY_TOO_COSTLY', cost: { requested: cost, limit: maxCost } },
  };
}

/** Whether the operation reads the schema itself (`__schema`, `__type` at its root). */
export function isIntrospection(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  const fragments = fragmentsOf(document);
  const visit = (selectionSet: SelectionSetNode, visiting: Set<string>): boolean =>
    selectionSet.selections.some((selection) => {
      if (selection.kind === Kind.FIELD)
        return selection.name.value === '__schema' || selection.name.value === '__type';
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet, visiting);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || visiting.has(fragment.name.value)) return false;
      return visit(fragment.selectionSet, new Set([...visiting, fragment.name.value]));
    });
  return visit(operation.selectionSet, new Set());
}
