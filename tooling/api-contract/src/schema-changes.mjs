/**
 * Schema change control: compares the schema of the last release (docs/schema/released.graphql)
 * with the committed one (apps/api/schema.graphql) using @graphql-inspector/core, and sorts every
 * change into what a release may and may not contain.
 *
 * The rule for integrators' sake: nothing is removed or changed incompatibly without warning.
 * A breaking change passes only when what it breaks was already `@deprecated` in the released
 * schema: a field, an argument, an input field or an enum value, or a field above it (an argument
 * of a deprecated field). A removed type passes when every field, argument and input field that
 * referred to it in the released schema was deprecated, or belonged to a type removed with it.
 * Deprecating and removing in the same release does not pass: clients need a release to move.
 *
 * Dangerous changes (an enum value added, a default changed) pass and are listed: clients must
 * already tolerate enum values they do not know (docs/api-guide.md, "Enums grow").
 *
 * Plain ESM JavaScript with JSDoc types, so tooling/scripts/check-schema-changes.mjs runs it with
 * node and no build step.
 */
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';

/** @typedef {import('@graphql-inspector/core').Change} Change */
/** @typedef {import('graphql').GraphQLSchema} GraphQLSchema */

/**
 * @typedef {object} SchemaChangeReport
 * @property {Change[]} breaking Breaking changes to what the released schema had not deprecated: these fail the check.
 * @property {Change[]} removedAfterDeprecation Breaking changes to what was deprecated in the release: allowed.
 * @property {Change[]} dangerous Changes that may surprise a client (e.g. a new enum value): allowed, listed.
 * @property {Change[]} safe Additions and description changes.
 */

/** @param {{ deprecationReason?: string | null | undefined } | undefined} element */
function isDeprecated(element) {
  return element?.deprecationReason != null;
}

/**
 * Whether the element at `path` (`Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`), or a
 * field above it, is deprecated in the schema.
 * @param {GraphQLSchema} schema
 * @param {string} path
 */
export function isDeprecatedAt(schema, path) {
  const [typeName, memberName, argumentName] = path.split('.');
  const type = typeName ? schema.getType(typeName) : undefined;
  if (!type || memberName === undefined || memberName.startsWith('@')) return false;
  if (isEnumType(type)) return isDeprecated(type.getValue(memberName) ?? undefined);
  if (isInputObjectType(type)) return isDeprecated(type.getFields()[memberName]);
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[memberName];
    if (!field) return false;
    if (isDeprecated(field)) return true;
    if (argumentName === undefined || argumentName.startsWith('@')) return false;
    return isDeprecated(field.args.find((argument) => argument.name === argumentName));
  }
  return false;
}

/**
 * Where each named type is referred to in the schema: by fields, arguments, input fields, union
 * members and implemented interfaces. Each reference says whether it is deprecated.
 * @param {GraphQLSchema} schema
 * @returns {Map<string, { ownerType: string; isDeprecated: boolean }[]>}
 */
function typeReferences(schema) {
  /** @type {Map<string, { ownerType: string; isDeprecated: boolean }[]>} */
  const references = new Map();
  /** @param {string} typeName @param {string} ownerType @param {boolean} deprecated */
  const add = (typeName, ownerType, deprecated) => {
    const list = references.get(typeName) ?? [];
    list.push({ ownerType, isDeprecated: deprecated });
    references.set(typeName, list);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(getNamedType(field.type).name, type.name, isDeprecated(field));
        for (const argument of field.args)
          add(
            getNamedType(argument.type).name,
            type.name,
            isDeprecated(field) || isDeprecated(argument),
          );
      }
      for (const implemented of type.getInterfaces()) add(implemented.name, type.name, false);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        add(getNamedType(field.type).name, type.name, isDeprecated(field));
    } else if (isUnionType(type)) {
      for (const member of type.getTypes()) add(member.name, type.name, false);
    }
  }
  return references;
}

/**
 * The types removed between the schemas whose every reference in the released schema was
 * deprecated or inside another such removed type (a fixed point, so a removed type that only a
 * removed type used passes with it).
 * @param {GraphQLSchema} released
 * @param {GraphQLSchema} current
 * @returns {Set<string>}
 */
function typesRemovedAfterDeprecation(released, current) {
  const references = typeReferences(released);
  const removed = Object.keys(released.getTypeMap()).filter(
    (name) => !name.startsWith('__') && !current.getType(name),
  );
  const allowed = new Set(removed);
  let changed = true;
  while (changed) {
    changed = false;
    for (const name of [...allowed]) {
      const isWithdrawn = (references.get(name) ?? []).every(
        (reference) => reference.isDeprecated || allowed.has(reference.ownerType),
      );
      if (!isWithdrawn) {
        allowed.delete(name);
        changed = true;
      }
    }
  }
  return allowed;
}

/**
 * Compares two schemas (SDL text) and sorts the changes.
 * @param {string} releasedSdl the schema of the last release
 * @param {string} currentSdl the schema about to be released
 * @returns {Promise<SchemaChangeReport>}
 */
export async function compareSchemas(releasedSdl, currentSdl) {
  const released = buildSchema(releasedSdl);
  const current = buildSchema(currentSdl);
  const changes = await diff(released, current);
  const removedTypes = typesRemovedAfterDeprecation(released, current);
  /** @type {SchemaChangeReport} */
  const report = { breaking: [], removedAfterDeprecation: [], dangerous: [], safe: [] };
  for (const change of changes) {
    if (change.criticality.level === CriticalityLevel.Breaking) {
      const path = change.path ?? '';
      const wasDeprecated =
        change.type === 'TYPE_REMOVED' ? removedTypes.has(path) : isDeprecatedAt(released, path);
      (wasDeprecated ? report.removedAfterDeprecation : report.breaking).push(change);
    } else if (change.criticality.level === CriticalityLevel.Dangerous) {
      report.dangerous.push(change);
    } else {
      report.safe.push(change);
    }
  }
  return report;
}

/**
 * A plain-text summary of a report, for the CLI and for test failure messages.
 * @param {SchemaChangeReport} report
 */
export function formatReport(report) {
  /** @param {string} title @param {Change[]} changes */
  const section = (title, changes) =>
    changes.length
      ? [
          `${title} (${changes.length}):`,
          ...changes.map((change) => `  - ${change.path ?? ''}: ${change.message}`),
        ]
      : [];
  const lines = [
    ...section('BREAKING, not deprecated in the released schema first', report.breaking),
    ...section('Removed or changed after deprecation (allowed)', report.removedAfterDeprecation),
    ...section('Dangerous (allowed; clients must tolerate them)', report.dangerous),
    ...section('Safe', report.safe),
  ];
  return lines.length ? lines.join('\n') : 'No changes.';
}
