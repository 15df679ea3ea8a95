/**
 * docs/api-guide.md promises the full list of error codes with their meanings, and the values of the
 * status enums; docs/changelog.md names every operation. These keep the promises: a code added to
 * the domain, an enum value or an operation added to the schema without a line in the docs fails
 * here, with the name to document.
 */
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '@switchyard/domain';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url);
const guide = readFileSync(new URL('docs/api-guide.md', ROOT), 'utf8');
const changelog = readFileSync(new URL('docs/changelog.md', ROOT), 'utf8');
const schema = buildSchema(readFileSync(new URL('apps/api/schema.graphql', ROOT), 'utf8'));

/** The rows of the Markdown table that follows a heading, as arrays of cells. */
function tableAfter(heading: string): string[][] {
  const start = guide.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/api-guide.md has no "${heading}" heading`);
  const rows: string[][] = [];
  let isInTable = false;
  for (const line of guide.slice(start + heading.length + 2).split('\n')) {
    if (line.startsWith('|')) {
      isInTable = true;
      rows.push(
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    } else if (isInTable) break;
    else if (line.startsWith('#')) break;
  }
  return rows.slice(2); // header and separator
}

const codeOf = (cell: string | undefined) => /^`([A-Z_]+)`$/.exec(cell ?? '')?.[1];

describe('docs/api-guide.md', () => {
  it('explains every error code of the domain package, and no other', () => {
    const rows = tableAfter('### Error codes');
    const documented = rows.map((row) => codeOf(row[0]));
    expect(
      documented.filter((code) => code === undefined),
      'a row without a `CODE` cell',
    ).toEqual([]);
    expect([...documented].sort()).toEqual([...ERROR_CODES].sort());
    for (const row of rows) expect(row[1], `${row[0]} needs a meaning`).toMatch(/\w{3,}/);
  });

  it('lists the same codes as the schema’s ErrorCode enum', () => {
    const errorCode = schema.getType('ErrorCode');
    if (!isEnumType(errorCode)) throw new Error('the schema has no ErrorCode enum');
    expect(
      errorCode
        .getValues()
        .map((value) => value.name)
        .sort(),
    ).toEqual([...ERROR_CODES].sort());
  });

  it('lists every value of the enums it shows, as the schema has them', () => {
    const rows = tableAfter('## Enums grow');
    expect(rows.length).toBeGreaterThan(5);
    for (const [nameCell, valuesCell] of rows) {
      const name = /^`(\w+)`$/.exec(nameCell ?? '')?.[1];
      const type = name ? schema.getType(name) : undefined;
      if (!isEnumType(type)) throw new Error(`${nameCell ?? ''} is not an enum of the schema`);
      const documented = [...(valuesCell ?? '').matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]);
      expect([...documented].sort(), `the values of ${type.name}`).toEqual(
        type
          .getValues()
          .map((value) => value.name)
          .sort(),
      );
    }
  });
});

describe('docs/changelog.md', () => {
  it('names every query and mutation of the schema (an addition gets a changelog line)', () => {
    const roots = [schema.getQueryType(), schema.getMutationType()];
    const missing = roots.flatMap((root) =>
      Object.keys(root?.getFields() ?? {})
        .filter((name) => !changelog.includes(`\`${name}\``))
        .map((name) => `${root?.name ?? ''}.${name}`),
    );
    expect(missing).toEqual([]);
  });
});
