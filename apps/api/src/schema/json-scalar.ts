/** `JSON`: any JSON value, passed through as is (audit events' before and after snapshots). Output only in practice. */
import { GraphQLError, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { builder } from '../builder.js';

function literalValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalValue(field.value)]));
    default:
      throw new GraphQLError('JSON literals cannot contain variables.', { extensions: { code: 'VALIDATION_FAILED' } });
  }
}

builder.scalarType('JSON', {
  description: 'Any JSON value: an object, a list, a string, a number, a boolean or null.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalValue,
});
