/**
 * Schema change control: the checker on small fixture schemas, then the real check — the committed
 * apps/api/schema.graphql against the last release's schema, docs/schema/released.graphql.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareSchemas, formatReport } from './schema-changes.mjs';

const ROOT = new URL('../../../', import.meta.url);

/** A small released schema; each test changes one thing in it. */
const RELEASED = /* GraphQL */ `
  type Query {
    customers(first: Int, search: String): [Customer!]!
    legacyCustomers: [LegacyCustomer!]! @deprecated(reason: "Use customers.")
    subscription(
      id: ID!
      includeCancelled: Boolean @deprecated(reason: "Always included now.")
    ): Subscription
  }
  type Mutation {
    customerCreate(input: CustomerCreateInput!): Customer
  }
  type Customer {
    id: ID!
    companyName: String!
    domain: String! @deprecated(reason: "Use primaryDomain.")
    primaryDomain: String!
    legacyCode: Int @deprecated(reason: "Unused.")
  }
  type LegacyCustomer {
    id: ID!
    parent: LegacyCustomer
  }
  type Subscription {
    id: ID!
    status: SubscriptionStatus!
  }
  enum SubscriptionStatus {
    ACTIVE
    SUSPENDED
    DORMANT @deprecated(reason: "Never used.")
  }
  input CustomerCreateInput {
    companyName: String!
    country: String
    region: String @deprecated(reason: "Use country.")
  }
`;

/** Applies text replacements to the released schema, failing loudly when one does not apply. */
function edit(...replacements: [string | RegExp, string][]): string {
  return replacements.reduce((schema, [from, to]) => {
    const next = schema.replace(from, to);
    if (next === schema) throw new Error(`fixture edit did not apply: ${String(from)}`);
    return next;
  }, RELEASED);
}

const paths = (changes: { path?: string }[]) => changes.map((change) => change.path).sort();

describe('compareSchemas', () => {
  it('finds no change between a schema and itself', async () => {
    const report = await compareSchemas(RELEASED, RELEASED);
    expect(report).toEqual({ breaking: [], removedAfterDeprecation: [], dangerous: [], safe: [] });
    expect(formatReport(report)).toBe('No changes.');
  });

  it('allows additions: a field, an optional argument, a type and an optional input field', async () => {
    const report = await compareSchemas(
      RELEASED,
      edit(
        ['companyName: String!\n', 'companyName: String!\n    country: String\n'],
        [
          'customers(first: Int, search: String)',
          'customers(first: Int, search: String, country: String)',
        ],
        ['input CustomerCreateInput {', 'type Offer { id: ID! }\n  input CustomerCreateInput {'],
        ['region: String @deprecated', 'tenantId: ID\n    region: String @deprecated'],
      ),
    );
    expect(report.breaking).toEqual([]);
    expect(paths(report.safe)).toEqual(
      expect.arrayContaining(['Customer.country', 'Offer', 'CustomerCreateInput.tenantId']),
    );
    // graphql-inspector lists a new optional argument as dangerous (it may change what the field returns): allowed.
    expect(paths(report.dangerous)).toEqual(['Query.customers.country']);
  });

  it('lists a new enum value as dangerous, not breaking: clients must tolerate unknown values', async () => {
    const report = await compareSchemas(
      RELEASED,
      edit(['SUSPENDED\n', 'SUSPENDED\n    PENDING\n']),
    );
    expect(report.breaking).toEqual([]);
    expect(paths(report.dangerous)).toEqual(['SubscriptionStatus.PENDING']);
  });

  it.each([
    ['removing a field', edit(['companyName: String!\n', ''])],
    ['changing a field’s type', edit(['primaryDomain: String!', 'primaryDomain: Int!'])],
    ['making a field nullable', edit(['companyName: String!', 'companyName: String'])],
    [
      'removing an argument',
      edit(['customers(first: Int, search: String)', 'customers(first: Int)']),
    ],
    [
      'adding a required argument',
      edit([
        'customers(first: Int, search: String)',
        'customers(first: Int, search: String, cloud: String!)',
      ]),
    ],
    ['removing an enum value', edit(['SUSPENDED\n', ''])],
    ['removing an input field', edit(['country: String\n', ''])],
    [
      'adding a required input field',
      edit(['country: String\n', 'country: String\n    tenantId: ID!\n']),
    ],
    [
      'removing a type still in use',
      edit(
        ['status: SubscriptionStatus!', 'status: String!'],
        [/enum SubscriptionStatus \{[^}]*\}/, ''],
      ),
    ],
  ])('fails on %s that was not deprecated in the release', async (_name, current) => {
    const report = await compareSchemas(RELEASED, current);
    expect(report.breaking.length).toBeGreaterThan(0);
    expect(formatReport(report)).toContain('BREAKING, not deprecated in the released schema first');
  });

  it('allows removing what the release deprecated: a field, an argument, an enum value, an input field', async () => {
    const report = await compareSchemas(
      RELEASED,
      edit(
        ['domain: String! @deprecated(reason: "Use primaryDomain.")\n', ''],
        ['legacyCode: Int @deprecated(reason: "Unused.")\n', ''],
        [/\s*includeCancelled: Boolean @deprecated\(reason: "Always included now\."\)/, ''],
        ['DORMANT @deprecated(reason: "Never used.")\n', ''],
        ['region: String @deprecated(reason: "Use country.")\n', ''],
      ),
    );
    expect(report.breaking).toEqual([]);
    expect(paths(report.removedAfterDeprecation)).toEqual([
      'Customer.domain',
      'Customer.legacyCode',
      'CustomerCreateInput.region',
      'Query.subscription.includeCancelled',
      'SubscriptionStatus.DORMANT',
    ]);
  });

  it('allows changing the type of a deprecated field', async () => {
    const report = await compareSchemas(
      RELEASED,
      edit(['legacyCode: Int @deprecated', 'legacyCode: String @deprecated']),
    );
    expect(report.breaking).toEqual([]);
    expect(paths(report.removedAfterDeprecation)).toEqual(['Customer.legacyCode']);
  });

  it('allows removing a type once every field that returned it was deprecated, with the fields', async () => {
    const report = await compareSchemas(
      RELEASED,
      edit(
        ['legacyCustomers: [LegacyCustomer!]! @deprecated(reason: "Use customers.")\n', ''],
        [/type LegacyCustomer \{[^}]*\}/, ''],
      ),
    );
    expect(report.breaking).toEqual([]);
    expect(paths(report.removedAfterDeprecation)).toEqual([
      'LegacyCustomer',
      'Query.legacyCustomers',
    ]);
  });

  it('does not accept a deprecation added in the same release as the removal', async () => {
    const deprecatedNow = RELEASED.replace(
      'companyName: String!',
      'companyName: String! @deprecated(reason: "Too late.")',
    );
    const report = await compareSchemas(
      RELEASED,
      deprecatedNow.replace('companyName: String! @deprecated(reason: "Too late.")\n', ''),
    );
    expect(paths(report.breaking)).toEqual(['Customer.companyName']);
  });

  it('does not let a deprecated field excuse a change to another one', async () => {
    const report = await compareSchemas(
      RELEASED,
      edit(
        ['domain: String! @deprecated(reason: "Use primaryDomain.")\n', ''],
        ['primaryDomain: String!', 'primaryDomain: String'],
      ),
    );
    expect(paths(report.removedAfterDeprecation)).toEqual(['Customer.domain']);
    expect(paths(report.breaking)).toEqual(['Customer.primaryDomain']);
  });
});

describe('the committed schema against the last release', () => {
  it('has no breaking change to anything the release had not deprecated', async () => {
    const released = readFileSync(new URL('docs/schema/released.graphql', ROOT), 'utf8');
    const current = readFileSync(new URL('apps/api/schema.graphql', ROOT), 'utf8');
    const report = await compareSchemas(released, current);
    expect(
      report.breaking,
      `\n${formatReport(report)}\n\nDeprecate first (@deprecated) and remove in a later release; see docs/api-guide.md, "Versioning".`,
    ).toEqual([]);
  });
});
