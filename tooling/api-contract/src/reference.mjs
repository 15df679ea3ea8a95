/**
 * Renders the API reference (docs/reference.md) from the committed schema (apps/api/schema.graphql):
 * every query, mutation, type, input, enum and scalar with the descriptions written in the schema,
 * so the reference says exactly what the schema says. Deterministic: the same schema always gives
 * the same Markdown, which is how a test can tell that docs/reference.md is stale.
 *
 * Plain ESM JavaScript with JSDoc types: tooling/scripts/generate-reference.mjs runs it with node.
 */
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  print,
} from 'graphql';

/** @typedef {import('graphql').GraphQLSchema} GraphQLSchema */
/** @typedef {import('graphql').GraphQLNamedType} GraphQLNamedType */
/** @typedef {import('graphql').GraphQLType} GraphQLType */
/** @typedef {import('graphql').GraphQLField<unknown, unknown>} GraphQLField */
/** @typedef {import('graphql').GraphQLArgument} GraphQLArgument */
/** @typedef {import('graphql').GraphQLInputField} GraphQLInputField */

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** GitHub's heading anchor for a type name. @param {string} name */
function anchor(name) {
  return name.toLowerCase();
}

/** A type reference with a link to its section, e.g. `[Customer](#customer)!`. @param {GraphQLType} type */
function typeLink(type) {
  const named = getNamedType(type);
  const text = String(type);
  if (BUILT_IN_SCALARS.has(named.name)) return `\`${text}\``;
  const [before, after] = text.split(named.name);
  return `${before ? `\`${before}\`` : ''}[\`${named.name}\`](#${anchor(named.name)})${after ? `\`${after}\`` : ''}`;
}

/**
 * Description text as Markdown: `<` outside code spans is escaped, so "Bearer <key>" is not read
 * as an HTML tag.
 * @param {string} text
 */
function markdownText(text) {
  return text
    .trim()
    .split('`')
    .map((part, index) => (index % 2 === 0 ? part.replace(/</g, '&lt;') : part))
    .join('`');
}

/**
 * A description on one line of a list item (continuation lines indented under it).
 * @param {string | null | undefined} description
 * @param {string} indent
 */
function describe(description, indent) {
  if (!description) return '';
  return ` — ${markdownText(description).replace(/\n+/g, `\n${indent}`)}`;
}

/** @param {{ deprecationReason?: string | null | undefined }} element */
function deprecation(element) {
  return element.deprecationReason != null
    ? ` **Deprecated:** ${element.deprecationReason || 'No longer supported.'}`
    : '';
}

/** @param {GraphQLArgument | GraphQLInputField} argument */
function defaultValue(argument) {
  if (argument.defaultValue === undefined || !argument.astNode?.defaultValue) return '';
  return ` = \`${print(argument.astNode.defaultValue)}\``;
}

/** @param {GraphQLArgument | GraphQLInputField} argument @param {string} indent */
function inputLine(argument, indent) {
  return `${indent}- \`${argument.name}\`: ${typeLink(argument.type)}${defaultValue(argument)}${describe(argument.description, `${indent}  `)}${deprecation(argument)}`;
}

/** @param {GraphQLField} field */
function fieldLines(field) {
  const lines = [
    `- \`${field.name}\`: ${typeLink(field.type)}${describe(field.description, '  ')}${deprecation(field)}`,
  ];
  for (const argument of field.args) lines.push(inputLine(argument, '  '));
  return lines;
}

/**
 * A root operation as its own section. Its heading names the kind ("`customer` (query)"), so its
 * anchor never takes the one of a type with the same name (`Customer`).
 * @param {GraphQLField} field
 * @param {string} kind
 */
function operationSection(field, kind) {
  const lines = [`### \`${field.name}\` (${kind})`, ''];
  if (field.description) lines.push(markdownText(field.description), '');
  if (field.deprecationReason != null)
    lines.push(`**Deprecated:** ${field.deprecationReason || 'No longer supported.'}`, '');
  if (field.args.length) {
    lines.push('Arguments:', '');
    for (const argument of field.args) lines.push(inputLine(argument, ''));
    lines.push('');
  }
  lines.push(`Returns ${typeLink(field.type)}.`, '');
  return lines;
}

/** @param {GraphQLNamedType} type */
function typeSection(type) {
  const lines = [`### ${type.name}`, ''];
  if (type.description) lines.push(markdownText(type.description), '');
  if (isObjectType(type) || isInterfaceType(type)) {
    const interfaces = type.getInterfaces();
    if (interfaces.length)
      lines.push(`Implements ${interfaces.map((item) => typeLink(item)).join(', ')}.`, '');
    for (const field of Object.values(type.getFields())) lines.push(...fieldLines(field));
    lines.push('');
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) lines.push(inputLine(field, ''));
    lines.push('');
  } else if (isEnumType(type)) {
    for (const value of type.getValues())
      lines.push(`- \`${value.name}\`${describe(value.description, '  ')}${deprecation(value)}`);
    lines.push('');
  } else if (isUnionType(type)) {
    lines.push(
      `One of ${type
        .getTypes()
        .map((member) => typeLink(member))
        .join(', ')}.`,
      '',
    );
  }
  return lines;
}

/** @param {GraphQLSchema} schema @param {(type: GraphQLNamedType) => boolean} predicate */
function typesWhere(schema, predicate) {
  const roots = new Set([
    schema.getQueryType()?.name,
    schema.getMutationType()?.name,
    schema.getSubscriptionType()?.name,
  ]);
  return Object.values(schema.getTypeMap())
    .filter(
      (type) =>
        !type.name.startsWith('__') &&
        !roots.has(type.name) &&
        !BUILT_IN_SCALARS.has(type.name) &&
        predicate(type),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** Relay plumbing (`…Connection`, `…Edge`) is the same shape every time: listed compactly at the end. @param {GraphQLNamedType} type */
function isConnectionPlumbing(type) {
  return isObjectType(type) && /(Connection|ConnectionEdge|Edge)$/.test(type.name);
}

/**
 * @param {string} sdl the schema as SDL (apps/api/schema.graphql)
 * @param {{ source?: string }} [options]
 * @returns {string} Markdown
 */
export function renderReference(sdl, options = {}) {
  const schema = buildSchema(sdl);
  const source = options.source ?? 'apps/api/schema.graphql';
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  const lines = [
    '# Switchyard API reference',
    '',
    `<!-- Generated from ${source} by tooling/scripts/generate-reference.mjs. Do not edit by hand: change the schema's descriptions, then run \`pnpm docs:reference\`. -->`,
    '',
    'Every operation and type of the GraphQL API at `POST /graphql`, with the descriptions the schema carries. ' +
      'How to authenticate, page, retry and read errors: [the API guide](api-guide.md).',
    '',
    '- [Queries](#queries)',
    '- [Mutations](#mutations)',
    ...(subscription ? ['- [Subscriptions](#subscriptions)'] : []),
    '- [Objects](#objects)',
    '- [Interfaces and unions](#interfaces-and-unions)',
    '- [Inputs](#inputs)',
    '- [Enums](#enums)',
    '- [Scalars](#scalars)',
    '- [Connections](#connections)',
    '',
  ];
  /** @param {string} title @param {string} kind @param {import('graphql').GraphQLObjectType | null | undefined} root */
  const rootSection = (title, kind, root) => {
    if (!root) return;
    lines.push(`## ${title}`, '');
    const fields = Object.values(root.getFields()).sort((a, b) =>
      a.name.localeCompare(b.name, 'en'),
    );
    for (const field of fields) lines.push(...operationSection(field, kind));
  };
  rootSection('Queries', 'query', query);
  rootSection('Mutations', 'mutation', mutation);
  rootSection('Subscriptions', 'subscription', subscription);

  /** @param {string} title @param {GraphQLNamedType[]} types */
  const group = (title, types) => {
    lines.push(`## ${title}`, '');
    for (const type of types) lines.push(...typeSection(type));
  };
  group(
    'Objects',
    typesWhere(schema, (type) => isObjectType(type) && !isConnectionPlumbing(type)),
  );
  group(
    'Interfaces and unions',
    typesWhere(schema, (type) => isInterfaceType(type) || isUnionType(type)),
  );
  group('Inputs', typesWhere(schema, isInputObjectType));
  group('Enums', typesWhere(schema, isEnumType));
  group('Scalars', typesWhere(schema, isScalarType));
  lines.push(
    '## Connections',
    '',
    'Lists are Relay connections: `edges { cursor node }`, `nodes`, `pageInfo { hasNextPage hasPreviousPage startCursor endCursor }` ' +
      'and `totalCount`. `first`/`last` may be at most 100; more is refused with `VALIDATION_FAILED`.',
    '',
  );
  for (const type of typesWhere(schema, isConnectionPlumbing)) {
    if (!isObjectType(type)) continue;
    const nodeField = type.getFields().node ?? type.getFields().nodes;
    lines.push(
      `- <a id="${anchor(type.name)}"></a>\`${type.name}\` of ${nodeField ? typeLink(getNamedType(nodeField.type)) : 'items'}`,
    );
  }
  lines.push('');
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
