/**
 * The cross-tenant probe (domain.md §8: "anything else is NOT_FOUND, indistinguishable from an id
 * that does not exist; this holds in the application and again in PostgreSQL row-level security").
 *
 * Two partners, A and B, each with a row in every tenant table. Acting as A, the probe reads the
 * built schema and sends every ID position of every root field — `node`/`nodes`, the queries'
 * filters, every mutation input, however deep — the ids of B's rows (as their own type, as every
 * other type, raw), random ids and malformed strings. Each answer must equal the answer for a
 * random id of the same type (after the id itself is blanked out) and contain nothing of B; a
 * sweep reads every root query field deeply (nested connections included) and must show nothing
 * of B either; and a privileged connection confirms afterwards that nothing of B changed.
 *
 * It runs three ways, and each must hold alone:
 * - the full stack;
 * - row-level security off (partner transactions keep the connection's own role): the
 *   application's filters alone;
 * - the application's filters bypassed (schema/application-filters.ts): row-level security alone.
 * A control run with both off must find B's rows — proof that the two seams really switch
 * something off.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getNamedType, isInterfaceType, isObjectType, parse } from 'graphql';
import type { GraphQLField } from 'graphql';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enforceAppRoleForTests } from '../../db/row-level-security.js';
import { OPERATION_LIMITS, operationCost, selectOperation } from '../../limits/operation-limits.js';
import { createTenantWorld } from '../../test/access-factories.js';
import type { TenantWorld } from '../../test/access-factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, createExecutor } from '../../test/execute-operation.js';
import type { ExecuteOperation } from '../../test/execute-operation.js';
import {
  argumentValues,
  batchedOperation,
  dataSelection,
  idPaths,
  rootFields,
  setAtPath,
} from '../../test/schema-walk.js';
import type { ArgumentPath, LeafValue, RootKind } from '../../test/schema-walk.js';
import { bypassApplicationFiltersForTests } from '../application-filters.js';
import { encodeGlobalId } from '../global-id.js';
import { schema } from '../index.js';
import { rawRows } from '../../db/raw-rows.js';

const testDatabase = useTestDatabase();

/** PGlite runs every Nth probe: the full probe is PostgreSQL's (in-process PGlite is single-threaded and slower). */
const sampleEvery = () => (testDatabase.kind === 'pglite' ? 12 : 1);
const MAX_CALLS_PER_OPERATION = 40;
const MAX_OPERATION_COST = 9_000;

const NODE_TYPES = schema
  .getPossibleTypes(schema.getType('Node') as never)
  .map((type) => type.name);

/** The type an ID position takes, from its input field's name; undefined: any node (node, nodes, targetId). */
const TYPE_BY_ID_FIELD: Record<string, string> = {
  customerId: 'Customer',
  subscriptionId: 'CustomerSubscription',
  subscriptionIds: 'CustomerSubscription',
  serviceId: 'SubscriptionService',
  serviceIds: 'SubscriptionService',
  offerId: 'Offer',
  transferId: 'Transfer',
  lineItemIds: 'TransferLineItem',
  userId: 'User',
  actorId: 'User',
  apiKeyId: 'ApiKey',
  relationshipId: 'Relationship',
  requestId: 'RelationshipRequest',
  relationshipRequestId: 'RelationshipRequest',
  indirectLinkId: 'IndirectLink',
  indirectProviderId: 'Partner',
  partnerId: 'Partner',
  webhookSubscriptionId: 'WebhookSubscription',
  webhookDeliveryId: 'WebhookDelivery',
};

function typenameAt(path: ArgumentPath): string | undefined {
  const name = [...path]
    .reverse()
    .find((segment): segment is string => typeof segment === 'string');
  return name ? TYPE_BY_ID_FIELD[name] : undefined;
}

/** Optional inputs worth sending: without them a change is refused as empty before its id is looked at. */
const OPTIONAL_INPUTS = new Set(['companyName', 'reason', 'role', 'quantity']);

/** Valid values for the inputs that are not under test, so a call reaches the id it probes. */
const leafValue: LeafValue = (path, _typeName, isRequired) => {
  const name = [...path]
    .reverse()
    .find((segment): segment is string => typeof segment === 'string');
  if (!isRequired && !OPTIONAL_INPUTS.has(name ?? '')) return undefined;
  const suffix = randomBytes(4).toString('hex');
  switch (name) {
    case 'role':
      return 'BILLING_ADMIN';
    case 'primaryDomain':
      return `probe-${suffix}.onmicrosoft.com`;
    case 'country':
      return 'US';
    case 'email':
      return `probe-${suffix}@example.test`;
    case 'companyName':
    case 'name':
      return `Probe ${suffix}`;
    case 'quantity':
      return 5;
    case 'externalReference':
      return `EXT-${suffix}`;
    case 'termStart':
      return '2025-01-01';
    case 'termEnd':
      return '2026-01-01';
    case 'reason':
    case 'message':
      return 'probe';
    case 'resellerPartnerNumber':
      return '1234567';
    default:
      return undefined;
  }
};

/** Ids by GraphQL type name (database ids). */
function idsByType(world: TenantWorld): Record<string, string[]> {
  return {
    Customer: world.ids.customers,
    CustomerSubscription: world.ids.subscriptions,
    SubscriptionService: world.ids.subscriptionServices,
    Transfer: world.ids.transfers,
    TransferLineItem: world.ids.transferLineItems,
    User: world.ids.users,
    ApiKey: world.ids.apiKeys,
    Relationship: world.ids.relationships,
    RelationshipRequest: world.ids.relationshipRequests,
    IndirectLink: world.ids.indirectLinks,
    Partner: world.ids.partners,
    AuditEvent: world.ids.auditEvents,
    WebhookSubscription: world.ids.webhookSubscriptions,
    WebhookDelivery: world.ids.webhookDeliveries,
  };
}

interface Site {
  kind: RootKind;
  field: GraphQLField<unknown, unknown>;
  /** The ID position under test. */
  position: ArgumentPath;
  typename: string | undefined;
  /** The field's other required ID positions, filled with A's own ids. */
  others: { path: ArgumentPath; isRequired: boolean; typename: string | undefined }[];
}

interface Probe {
  id: string;
  /** The answer it must equal: a random id of this type ('raw': a random uuid); undefined: no comparison (malformed). */
  baseline: string | undefined;
  /** Whether the id is one of B's. */
  isB: boolean;
}

const MALFORMED_IDS = [
  '',
  'x',
  'not-an-id',
  "' OR 1=1 --",
  Buffer.from('Customer:').toString('base64'),
  Buffer.from('Nope:123').toString('base64'),
  '0'.repeat(200),
];

function sitesOf(kind: RootKind): Site[] {
  const sites: Site[] = [];
  for (const field of rootFields(schema, kind)) {
    const positions = idPaths(field.args);
    for (const position of positions) {
      sites.push({
        kind,
        field,
        position: position.path,
        typename: typenameAt(position.path),
        others: positions
          .filter((other) => other !== position)
          .map((other) => ({ ...other, typename: typenameAt(other.path) })),
      });
    }
  }
  return sites;
}

function selectionFor(site: Site): string {
  const type = getNamedType(site.field.type);
  if (site.kind === 'mutation' && isObjectType(type) && 'userErrors' in type.getFields())
    return '{ __typename userErrors { code field message } }';
  // Interfaces (node, nodes): every type's own fields; objects: one level of nested objects and connections.
  return dataSelection(schema, site.field.type, isInterfaceType(type) ? 0 : 1);
}

interface World {
  a: TenantWorld;
  b: TenantWorld;
  aIds: Record<string, string[]>;
  bIds: Record<string, string[]>;
  /** Strings only B's rows contain: their ids (raw and global) and names, emails, domains. */
  bMarkers: string[];
  executeAsA: (
    document: string,
    variables: Record<string, unknown>,
  ) => ReturnType<ExecuteOperation>;
}

let world: World;

beforeAll(async () => {
  const { db } = testDatabase.database;
  const a = await createTenantWorld(db);
  const b = await createTenantWorld(db);
  const aIds = idsByType(a);
  const bIds = idsByType(b);
  const [offer] = rawRows<{ id: string }>(
    await db.execute(
      sql`select s.offer_id::text as id from subscriptions s where s.id = ${a.ids.subscriptions[0]}`,
    ),
  );
  aIds.Offer = offer ? [offer.id] : [];

  const names = rawRows<{ value: string }>(
    await db.execute(sql`
    select p.name as value from partners p where p.id = any(${sql.raw(`array[${b.ids.partners.map((id) => `'${id}'`).join(',')}]::uuid[]`)})
    union all select c.company_name from customers c where c.id = any(${sql.raw(`array[${b.ids.customers.map((id) => `'${id}'`).join(',')}]::uuid[]`)})
    union all select c.primary_domain from customers c where c.id = any(${sql.raw(`array[${b.ids.customers.map((id) => `'${id}'`).join(',')}]::uuid[]`)})
    union all select u.email from users u where u.partner_id = ${b.partnerId}
    union all select u.name from users u where u.partner_id = ${b.partnerId}
    union all select k.name from api_keys k where k.partner_id = ${b.partnerId}
    union all select w.url from webhook_subscriptions w where w.partner_id = ${b.partnerId}
    union all select w.secret from webhook_subscriptions w where w.partner_id = ${b.partnerId}`),
  );
  const bUuids = Object.values(bIds).flat();
  const bMarkers = [
    ...bUuids,
    ...Object.entries(bIds).flatMap(([typename, ids]) =>
      ids.map((id) => encodeGlobalId(typename, id)),
    ),
    ...names.map((row) => row.value),
  ];

  const executor = createExecutor(testDatabase.database, { isProduction: true });
  world = {
    a,
    b,
    aIds,
    bIds,
    bMarkers,
    executeAsA: (document, variables) => executor(document, variables, { as: asUser(a.admin) }),
  };
}, 120_000);

afterEach(() => {
  enforceAppRoleForTests(true);
  bypassApplicationFiltersForTests(false);
});

/** Everything of B's a privileged connection sees, as text: its rows, and every row that refers to them. */
async function snapshotOfB(): Promise<string[]> {
  const { b } = world;
  const idList = (ids: string[]) =>
    sql.raw(`array[${ids.map((id) => `'${id}'`).join(',')}]::uuid[]`);
  const customers = idList(b.ids.customers);
  const subscriptionsOfB = idList(b.ids.subscriptions);
  const queries = [
    sql`select row_to_json(x)::text as row from partners x where x.id = any(${idList(b.ids.partners)})`,
    sql`select row_to_json(x)::text as row from customers x where x.id = any(${customers})`,
    sql`select row_to_json(x)::text as row from relationships x where x.customer_id = any(${customers}) or x.partner_id = ${b.partnerId}`,
    sql`select row_to_json(x)::text as row from relationship_requests x where x.customer_id = any(${customers}) or x.partner_id = ${b.partnerId}`,
    sql`select row_to_json(x)::text as row from subscriptions x where x.customer_id = any(${customers})`,
    sql`select row_to_json(x)::text as row from subscription_services x where x.subscription_id = any(${subscriptionsOfB})`,
    sql`select row_to_json(x)::text as row from transfers x where x.customer_id = any(${customers}) or x.source_partner_id = ${b.partnerId} or x.target_partner_id = ${b.partnerId}`,
    sql`select row_to_json(x)::text as row from transfer_line_items x where x.subscription_id = any(${subscriptionsOfB}) or x.transfer_id = any(${idList(b.ids.transfers)})`,
    sql`select row_to_json(x)::text as row from indirect_links x where x.provider_id = ${b.partnerId} or x.reseller_id = ${b.partnerId}`,
    sql`select row_to_json(x)::text as row from users x where x.partner_id = ${b.partnerId}`,
    sql`select row_to_json(x)::text as row from sessions x where x.user_id = any(${idList(b.ids.users)})`,
    sql`select row_to_json(x)::text as row from api_keys x where x.partner_id = ${b.partnerId}`,
    sql`select row_to_json(x)::text as row from audit_events x where x.partner_id = ${b.partnerId} or x.target_ids && ${idList(Object.values(world.bIds).flat())}`,
    sql`select row_to_json(x)::text as row from idempotency_records x where x.partner_id = ${b.partnerId}`,
    sql`select row_to_json(x)::text as row from outbox_events x where ${b.partnerId} = any(x.audience_partner_ids) or x.aggregate_id = any(${idList(Object.values(world.bIds).flat())})`,
    sql`select row_to_json(x)::text as row from webhook_subscriptions x where x.partner_id = ${b.partnerId}`,
    sql`select row_to_json(x)::text as row from webhook_deliveries x where x.partner_id = ${b.partnerId}`,
  ];
  const rows: string[] = [];
  for (const query of queries) {
    rows.push(
      ...rawRows<{ row: string }>(await testDatabase.database.db.execute(query))
        .map((row) => row.row)
        .sort(),
    );
  }
  return rows;
}

/** The answer of one aliased call, comparable across ids: data and errors (message, code), the id blanked out. */
function answerOf(
  result: Awaited<ReturnType<ExecuteOperation>>,
  alias: string,
  ids: string[],
): string {
  const data = (result.data as Record<string, unknown> | null | undefined)?.[alias] ?? null;
  const errors = (result.errors ?? [])
    .filter((error) => error.path?.[0] === alias || error.path === undefined)
    .map((error) => ({ message: error.message, code: error.extensions?.code }));
  let text = JSON.stringify({ data, errors });
  for (const id of ids) if (id) text = text.split(JSON.stringify(id).slice(1, -1)).join('<ID>');
  return text;
}

function leakedMarkers(text: string): string[] {
  return world.bMarkers.filter((marker) => marker && text.includes(marker));
}

interface ProbeReport {
  probes: number;
  failures: string[];
}

/** Whether an operation passes the limits every request does (tokens, cost): the probe splits batches that would not. */
function withinLimits(document: string, variables: Record<string, unknown>): boolean {
  try {
    const parsed = parse(document, { maxTokens: OPERATION_LIMITS.maxTokens });
    const operation = selectOperation(parsed, undefined);
    return !!operation && operationCost(schema, parsed, operation, variables) <= MAX_OPERATION_COST;
  } catch {
    return false;
  }
}

/** Runs `calls` (each: arguments) against `site`'s field in as few operations as the limits allow. */
async function runCalls(
  site: Site,
  calls: Record<string, unknown>[],
): Promise<Awaited<ReturnType<ExecuteOperation>>[]> {
  const results: Awaited<ReturnType<ExecuteOperation>>[] = [];
  const selection = selectionFor(site);
  const run = async (chunk: Record<string, unknown>[], offset: number): Promise<void> => {
    const { document, variables } = batchedOperation(site.kind, site.field, chunk, selection);
    if (chunk.length > 1 && !withinLimits(document, variables)) {
      const half = Math.ceil(chunk.length / 2);
      await run(chunk.slice(0, half), offset);
      await run(chunk.slice(half), offset + half);
      return;
    }
    const result = await world.executeAsA(document, variables);
    // Every alias of the chunk reads its own answer from this one result.
    chunk.forEach((_call, index) => {
      results[offset + index] = {
        ...(result.data
          ? { data: { c0: (result.data as Record<string, unknown>)[`c${index}`] } }
          : {}),
        errors: (result.errors ?? [])
          .filter((error) => error.path?.[0] === `c${index}` || !error.path)
          .map((error) => ({ ...error, path: ['c0', ...(error.path ?? []).slice(1)] })),
      };
    });
  };
  for (let start = 0; start < calls.length; start += MAX_CALLS_PER_OPERATION) {
    await run(calls.slice(start, start + MAX_CALLS_PER_OPERATION), start);
  }
  return results;
}

/** The arguments of one call: `id` at the position under test, A's own ids at the other required positions. */
function argumentsFor(site: Site, id: string): Record<string, unknown> {
  const values = argumentValues(site.field.args, () => undefined, leafValue);
  for (const other of site.others) {
    if (!other.isRequired) {
      // Left out: an optional id (or list of ids) not under test.
      const firstIndex = other.path.findIndex((segment) => typeof segment === 'number');
      const keyPath = firstIndex < 0 ? other.path : other.path.slice(0, firstIndex);
      setAtPath(values, keyPath, undefined);
      continue;
    }
    const own = other.typename ? world.aIds[other.typename]?.[0] : undefined;
    setAtPath(
      values,
      other.path,
      own ? encodeGlobalId(other.typename ?? '', own) : encodeGlobalId('Customer', randomUUID()),
    );
  }
  FILLERS[`${site.field.name}:${site.position.join('.')}`]?.(values);
  setAtPath(values, site.position, id);
  if (site.field.args.some((arg) => arg.name === 'first')) values.first = 5;
  return values;
}

const globalId = (typename: string, id: string) => encodeGlobalId(typename, id);

/**
 * Calls that need more than "A's first row of each type" to reach the id under test: a usage
 * migration (the new subscription and the services), an answer to a transfer A is the source of,
 * a relationship request to a customer A may ask again.
 */
const FILLERS: Record<string, (values: Record<string, unknown>) => void> = (() => {
  const usageMigration = (values: Record<string, unknown>) => {
    const { named, ids } = world.a;
    values.input = {
      ...(values.input as Record<string, unknown>),
      kind: 'USAGE_MIGRATION',
      customerId: globalId('Customer', ids.customers[0] ?? ''),
      subscriptionIds: [globalId('CustomerSubscription', named.azureSubscriptionId)],
      serviceIds: ids.subscriptionServices.map((serviceId) =>
        globalId('SubscriptionService', serviceId),
      ),
      cancelSource: 'SERVICES',
      newSubscription: {
        offerId: globalId('Offer', named.azureOfferId),
        term: 'P1M',
        billingCycle: 'MONTHLY',
      },
    };
  };
  const partnerSwitch = (values: Record<string, unknown>) => {
    const {
      newSubscription: _newSubscription,
      serviceIds: _serviceIds,
      cancelSource: _cancelSource,
      ...input
    } = values.input as Record<string, unknown>;
    values.input = { ...input, kind: 'PARTNER_SWITCH' };
  };
  const answerIncoming = (values: Record<string, unknown>) => {
    values.input = {
      ...(values.input as Record<string, unknown>),
      transferId: globalId('Transfer', world.a.named.incomingTransferId),
    };
  };
  const askAgain = (values: Record<string, unknown>) => {
    values.input = {
      ...(values.input as Record<string, unknown>),
      customerId: globalId('Customer', world.a.named.terminatedCustomerId),
    };
  };
  return {
    'transferCreate:input.newSubscription.offerId': usageMigration,
    'transferCreate:input.newSubscription.indirectProviderId': usageMigration,
    'transferCreate:input.serviceIds.0': usageMigration,
    'transferCreate:input.customerId': partnerSwitch,
    'transferCreate:input.subscriptionIds.0': partnerSwitch,
    'transferCreate:input.indirectProviderId': partnerSwitch,
    'transferAccept:input.lineItemIds.0': answerIncoming,
    'relationshipRequestCreate:input.indirectProviderId': askAgain,
  };
})();

function probesFor(site: Site): Probe[] {
  const probes: Probe[] = [];
  for (const [typename, ids] of Object.entries(world.bIds)) {
    if (!NODE_TYPES.includes(typename)) continue;
    for (const id of ids) {
      probes.push({ id: encodeGlobalId(typename, id), baseline: typename, isB: true });
      const confusions = site.typename ? [site.typename] : site.kind === 'query' ? NODE_TYPES : [];
      for (const other of confusions)
        if (other !== typename)
          probes.push({ id: encodeGlobalId(other, id), baseline: other, isB: true });
      probes.push({ id, baseline: 'raw', isB: true });
    }
  }
  for (const typename of NODE_TYPES)
    probes.push({ id: encodeGlobalId(typename, randomUUID()), baseline: typename, isB: false });
  probes.push({ id: randomUUID(), baseline: 'raw', isB: false });
  for (const malformed of MALFORMED_IDS)
    probes.push({ id: malformed, baseline: undefined, isB: false });
  return probes.filter((_probe, index) => index % sampleEvery() === 0);
}

async function probeSite(site: Site): Promise<ProbeReport> {
  const failures: string[] = [];
  const probes = probesFor(site);
  const baselineKeys = [
    ...new Set(
      probes.map((probe) => probe.baseline).filter((key): key is string => key !== undefined),
    ),
  ];
  const baselineIds = baselineKeys.map((key) =>
    key === 'raw' ? randomUUID() : encodeGlobalId(key, randomUUID()),
  );
  const baselineResults = await runCalls(
    site,
    baselineIds.map((id) => argumentsFor(site, id)),
  );
  const baselines = new Map(
    baselineKeys.map((key, index) => [
      key,
      answerOf(baselineResults[index] ?? {}, 'c0', [baselineIds[index] ?? '']),
    ]),
  );

  const results = await runCalls(
    site,
    probes.map((probe) => argumentsFor(site, probe.id)),
  );
  const where = `${site.kind} ${site.field.name} ${JSON.stringify(site.position)}`;
  probes.forEach((probe, index) => {
    const result = results[index] ?? {};
    const answer = answerOf(result, 'c0', [probe.id]);
    const leaked = leakedMarkers(answer);
    if (leaked.length > 0)
      failures.push(`${where} with ${probe.id}: shows B's ${leaked.join(', ')} in ${answer}`);
    if (answer.includes('INTERNAL_SERVER_ERROR'))
      failures.push(`${where} with ${JSON.stringify(probe.id)}: internal error ${answer}`);
    const baseline = probe.baseline === undefined ? undefined : baselines.get(probe.baseline);
    if (baseline !== undefined && answer !== baseline) {
      failures.push(
        `${where} with ${probe.isB ? "B's" : 'a random'} ${probe.id}: answered ${answer}, but a missing id gets ${baseline}`,
      );
    }
  });
  return { probes: probes.length, failures };
}

/** Every root query field, read deeply (nested connections included) with A's own ids: nothing of B may show. */
async function sweep(): Promise<ProbeReport> {
  const failures: string[] = [];
  let probes = 0;
  for (const field of rootFields(schema, 'query')) {
    const positions = idPaths(field.args);
    const site: Site = {
      kind: 'query',
      field,
      position: ['__none__'],
      typename: undefined,
      others: positions.map((position) => ({
        ...position,
        isRequired: true,
        typename: typenameAt(position.path),
      })),
    };
    const values = argumentsFor(site, '');
    delete values.__none__;
    const { document, variables } = batchedOperation(
      'query',
      field,
      [values],
      dataSelection(schema, field.type, 2, 3),
    );
    const result = await world.executeAsA(document, variables);
    const leaked = leakedMarkers(JSON.stringify(result));
    probes += 1;
    if (leaked.length > 0) failures.push(`sweep of ${field.name} shows B's ${leaked.join(', ')}`);
    if (JSON.stringify(result).includes('INTERNAL_SERVER_ERROR'))
      failures.push(`sweep of ${field.name}: internal error ${JSON.stringify(result.errors)}`);
  }
  return { probes, failures };
}

async function runProbe(): Promise<ProbeReport> {
  const report: ProbeReport = { probes: 0, failures: [] };
  for (const site of [...sitesOf('query'), ...sitesOf('mutation')]) {
    const { probes, failures } = await probeSite(site);
    report.probes += probes;
    report.failures.push(...failures);
  }
  const swept = await sweep();
  report.probes += swept.probes;
  report.failures.push(...swept.failures);
  return report;
}

const MODES = [
  { name: 'with the full stack', enforceRowLevelSecurity: true, applicationFilters: true },
  {
    name: 'with the application filters alone (row-level security off)',
    enforceRowLevelSecurity: false,
    applicationFilters: true,
  },
  {
    name: 'with row-level security alone (application filters bypassed)',
    enforceRowLevelSecurity: true,
    applicationFilters: false,
  },
] as const;

describe('the cross-tenant probe', () => {
  let totalProbes = 0;

  it('finds ID positions to probe: node, nodes, the queries’ filters and the mutations’ inputs', () => {
    const sites = [...sitesOf('query'), ...sitesOf('mutation')].map(
      (site) => `${site.field.name}:${site.position.join('.')}`,
    );
    expect(sites).toEqual(
      expect.arrayContaining([
        'node:id',
        'nodes:ids.0',
        'customer:id',
        'transferAccept:input.transferId',
        'apiKeyRevoke:input.apiKeyId',
        'userUpdate:input.userId',
      ]),
    );
  });

  it.each(MODES)(
    'holds $name: B’s ids answer like missing ones, and nothing of B is read or changed',
    async (mode) => {
      enforceAppRoleForTests(mode.enforceRowLevelSecurity);
      bypassApplicationFiltersForTests(!mode.applicationFilters);
      const before = await snapshotOfB();
      const report = await runProbe();
      expect(report.failures.slice(0, 20)).toEqual([]);
      expect(await snapshotOfB()).toEqual(before);
      totalProbes += report.probes;
    },
    600_000,
  );

  it('sends at least 10,000 probes on PostgreSQL', () => {
    expect(totalProbes).toBeGreaterThanOrEqual(testDatabase.kind === 'postgres' ? 10_000 : 500);
  });

  it('is not vacuous: with both halves off, A does read B’s rows through the same fields', async () => {
    enforceAppRoleForTests(false);
    bypassApplicationFiltersForTests(true);
    const [customerId] = world.b.ids.customers;
    const result = await world.executeAsA(
      'query ($id: ID!) { node(id: $id) { id ... on Customer { companyName } } }',
      {
        id: encodeGlobalId('Customer', customerId ?? ''),
      },
    );
    expect(leakedMarkers(JSON.stringify(result.data))).not.toEqual([]);
  });
});
