// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_TABS, exampleTab } from './example-tabs';

const EXAMPLES_DIR = new URL('../../../../docs/examples/', import.meta.url);
const schema = buildSchema(
  readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8'),
);
const exampleFiles = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.graphql'))
  .sort();

describe('GraphiQL’s example tabs', () => {
  it('open one tab per file of docs/examples, in file order', () => {
    expect(exampleFiles.length).toBeGreaterThan(0);
    expect(EXAMPLE_TABS.map((tab) => tab.file)).toEqual(exampleFiles);
  });

  it.each(exampleFiles)(
    '%s: its operation and variables, valid against apps/api/schema.graphql',
    (file) => {
      const source = readFileSync(new URL(file, EXAMPLES_DIR), 'utf8');
      const tab = EXAMPLE_TABS.find((candidate) => candidate.file === file);

      expect(tab?.title).toBe(/^# Title: (.+)$/m.exec(source)?.[1]);
      expect(tab?.query).not.toContain('# Variables:');
      expect(validate(schema, parse(tab?.query ?? '')).map((error) => error.message)).toEqual([]);
      expect(JSON.parse(tab?.variables ?? '')).toEqual(
        JSON.parse(/^# Variables: (.+)$/m.exec(source)?.[1] ?? ''),
      );
    },
  );

  it('refuses an example without its header lines', () => {
    expect(() => exampleTab('99-broken.graphql', 'query Broken { viewer { role } }')).toThrow(
      'docs/examples/99-broken.graphql needs a "# Title:" and a "# Variables:" line.',
    );
  });
});
