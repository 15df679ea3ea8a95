/**
 * docs/reference.md is generated from apps/api/schema.graphql: it fails when someone changed the
 * schema (or its descriptions) and did not regenerate the reference.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReference } from './reference.mjs';

const ROOT = new URL('../../../', import.meta.url);

const SMALL_SCHEMA = /* GraphQL */ `
  """
  The operations.
  """
  type Query {
    """
    A customer by id.
    """
    customer(id: ID!): Customer
    customers(first: Int = 20): [Customer!]!
  }
  """
  A customer tenant. Send "Authorization: Bearer <key>".
  """
  type Customer {
    id: ID!
    """
    Unique within the cloud, e.g. \`adatum.onmicrosoft.com\`.
    """
    primaryDomain: String!
    domain: String @deprecated(reason: "Use primaryDomain.")
    status: Status!
  }
  enum Status {
    ACTIVE
    """
    Final.
    """
    CANCELLED
  }
`;

describe('renderReference', () => {
  const markdown = renderReference(SMALL_SCHEMA, { source: 'fixture.graphql' });

  it('lists operations with their arguments, defaults and return types', () => {
    expect(markdown).toContain(
      '### `customer` (query)\n\nA customer by id.\n\nArguments:\n\n- `id`: `ID!`\n\nReturns [`Customer`](#customer).',
    );
    expect(markdown).toContain('- `first`: `Int` = `20`');
    expect(markdown).toContain('Returns `[`[`Customer`](#customer)`!]!`.');
  });

  it('describes fields, deprecations and enum values, escaping HTML outside code', () => {
    expect(markdown).toContain('A customer tenant. Send "Authorization: Bearer &lt;key>".');
    expect(markdown).toContain(
      '- `primaryDomain`: `String!` — Unique within the cloud, e.g. `adatum.onmicrosoft.com`.',
    );
    expect(markdown).toContain('- `domain`: `String` **Deprecated:** Use primaryDomain.');
    expect(markdown).toContain('- `CANCELLED` — Final.');
  });

  it('is deterministic', () => {
    expect(renderReference(SMALL_SCHEMA, { source: 'fixture.graphql' })).toBe(markdown);
  });
});

describe('docs/reference.md', () => {
  it('matches apps/api/schema.graphql (run `pnpm docs:reference` after changing the schema)', () => {
    const schema = readFileSync(new URL('apps/api/schema.graphql', ROOT), 'utf8');
    const committed = readFileSync(new URL('docs/reference.md', ROOT), 'utf8');
    // Compared as a boolean: a 1,500-line diff helps nobody; the command to run does.
    expect(
      committed === renderReference(schema),
      'docs/reference.md is stale: run `pnpm docs:reference` and commit it',
    ).toBe(true);
  });
});
