/**
 * The example operations in docs/examples/ (GraphiQL's default tabs, the API guide's examples)
 * must stay valid against the committed schema: each parses, validates, names its task in a
 * `# Title:` line and carries `# Variables:` that the operation accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, getVariableValues, Kind, parse, validate } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url);
const EXAMPLES_DIR = new URL('docs/examples/', ROOT);
const schema = buildSchema(readFileSync(new URL('apps/api/schema.graphql', ROOT), 'utf8'));
const files = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.graphql'))
  .sort();

function header(text: string, name: string): string | undefined {
  return new RegExp(`^# ${name}: (.+)$`, 'm').exec(text)?.[1];
}

describe('docs/examples', () => {
  it('has an example for each main task', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s is valid against apps/api/schema.graphql', (file) => {
    const text = readFileSync(new URL(file, EXAMPLES_DIR), 'utf8');
    const document = parse(text);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);

    const operations = document.definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
    expect(operations).toHaveLength(1);
    expect(
      operations[0]?.name?.value,
      'name the operation: GraphiQL shows it as the tab title',
    ).toEqual(expect.any(String));
    expect(header(text, 'Title')).toEqual(expect.any(String));

    const variablesText = header(text, 'Variables');
    expect(variablesText, 'add a "# Variables: {…}" line').toEqual(expect.any(String));
    const variables = JSON.parse(variablesText ?? '{}') as Record<string, unknown>;
    const coerced = getVariableValues(schema, operations[0]?.variableDefinitions ?? [], variables);
    expect(coerced.errors?.map((error) => error.message) ?? []).toEqual([]);
  });
});
