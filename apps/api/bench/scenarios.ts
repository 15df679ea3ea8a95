/**
 * What the benchmark measures: each scenario is a GraphQL operation (written against the public
 * contract, domain.md §11, and the admin app's provisional schema) and the way to vary its input
 * from request to request. The baseline server answers the same request bodies (it dispatches on
 * `operationName`), so both sides receive byte-for-byte the same load.
 *
 * A scenario whose operation does not validate against the running API's schema is reported as
 * unavailable, with the validation errors, instead of failing the run: the API is being built.
 */
import { encodeGlobalId } from '../src/schema/global-id.js';
import type { BenchFixtures, PoolSubscription } from './bench-world.js';

export type ScenarioKind = 'query' | 'pair' | 'refusal';

export interface GraphQLBody {
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  title: string;
  kind: ScenarioKind;
  /** Alternative operations, first that validates wins (e.g. a refusal probe on `customers`, else on `partners`). */
  operations: GraphQLBody[];
  /** Statement budget for data (besides authentication and the transaction wrapper): root fields + nested list levels. */
  dataStatementBudget?: number;
  /** The next request's variables (queries rotate through ids). */
  variables?: (fixtures: BenchFixtures, index: number) => Record<string, unknown>;
}

export const CUSTOMER_PROFILE = `query CustomerProfile($id: ID!) {
  customer(id: $id) {
    id tenantId companyName primaryDomain country cloud isPartnerTenant relationshipStatus createdAt version
  }
}`;

export const CUSTOMER_PAGE = `query CustomerPage($first: Int!, $subscriptionsFirst: Int!) {
  customers(first: $first, orderBy: { field: COMPANY_NAME, direction: ASC }) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id companyName primaryDomain country cloud isPartnerTenant
      subscriptions(first: $subscriptionsFirst) {
        nodes { id channel status quantity termEndDate offer { name } }
      }
    }
  }
}`;

/** The admin app's overview, as apps/admin/src/features/overview/queries.ts sends it. */
export const OVERVIEW = `query Overview($termsEndingDays: Int!) {
  subscriptionCounts {
    byChannel { channel count }
    byStatus { status count }
    termsEndingWithin(days: $termsEndingDays)
  }
  awaitingAnswer: transfers(first: 0, direction: INCOMING, status: PENDING) { totalCount }
  pendingRequests: relationshipRequests(first: 0, status: PENDING) { totalCount }
}`;

export const TRANSFER_CREATE = `mutation TransferCreate($input: TransferCreateInput!) {
  transferCreate(input: $input) {
    transfer { id status }
    userErrors { code message field }
  }
}`;

export const TRANSFER_ACCEPT = `mutation TransferAccept($input: TransferAcceptInput!) {
  transferAccept(input: $input) {
    transfer { id status }
    userErrors { code message field }
  }
}`;

const VIEWER = `query Viewer { viewer { role actorType partner { id name } } }`;

/** customers → subscriptions → customer → subscriptions …: 100^4 rows if nothing stops it. */
const DEEP_CUSTOMERS = `query DeepNesting {
  customers(first: 100) { nodes { subscriptions(first: 100) { nodes { customer { subscriptions(first: 100) { nodes {
    customer { subscriptions(first: 100) { nodes { customer { subscriptions(first: 100) { nodes { id } } } } } } } } } } } } }
}`;

/** Public introspection, nested until the answer explodes. */
const DEEP_INTROSPECTION = `query DeepNesting {
  __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } } }
}`;

export const SCENARIOS: Scenario[] = [
  {
    name: 'viewer',
    title: '`viewer` (floor: authentication + transaction, no data query)',
    kind: 'query',
    operations: [{ operationName: 'Viewer', query: VIEWER }],
    dataStatementBudget: 1,
  },
  {
    name: 'customer',
    title: '`customer(id)` with its profile',
    kind: 'query',
    operations: [{ operationName: 'CustomerProfile', query: CUSTOMER_PROFILE }],
    dataStatementBudget: 1,
    variables: (fixtures, index) => ({
      id: encodeGlobalId(
        'Customer',
        fixtures.contosoCustomerIds[index % fixtures.contosoCustomerIds.length] ?? '',
      ),
    }),
  },
  {
    name: 'page',
    title: 'page of 50 customers × 10 subscriptions',
    kind: 'query',
    operations: [{ operationName: 'CustomerPage', query: CUSTOMER_PAGE }],
    // customers + subscriptions (the offer is a to-one join, not a list level).
    dataStatementBudget: 2,
    variables: () => ({ first: 50, subscriptionsFirst: 10 }),
  },
  {
    name: 'overview',
    title:
      'admin overview (counts by channel/status, transfers awaiting an answer, pending requests, terms ending in 60 days)',
    kind: 'query',
    operations: [{ operationName: 'Overview', query: OVERVIEW }],
    // Three root fields, no nested list.
    dataStatementBudget: 3,
    variables: () => ({ termsEndingDays: 60 }),
  },
  {
    name: 'transfer-pair',
    title: '`transferCreate` + `transferAccept` (partner switch, pairs)',
    kind: 'pair',
    operations: [
      { operationName: 'TransferCreate', query: TRANSFER_CREATE },
      { operationName: 'TransferAccept', query: TRANSFER_ACCEPT },
    ],
  },
  {
    name: 'refusal-huge-first',
    title: 'malicious: `first: 100000` (must be refused)',
    kind: 'refusal',
    operations: [
      {
        operationName: 'HugeFirst',
        query: 'query HugeFirst { customers(first: 100000) { nodes { id } } }',
      },
      {
        operationName: 'HugeFirst',
        query: 'query HugeFirst { partners(first: 100000) { nodes { id } } }',
      },
    ],
  },
  {
    name: 'refusal-deep-nesting',
    title: 'malicious: deeply nested query (must be refused)',
    kind: 'refusal',
    operations: [
      { operationName: 'DeepNesting', query: DEEP_CUSTOMERS },
      { operationName: 'DeepNesting', query: DEEP_INTROSPECTION },
    ],
  },
];

/** Scenario names `--only` accepts. */
export const SCENARIO_NAMES = SCENARIOS.map((scenario) => scenario.name);

// --- Checking answers ---------------------------------------------------------------------------

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

function parseAnswer(body: string): GraphQLAnswer | undefined {
  try {
    return JSON.parse(body) as GraphQLAnswer;
  } catch {
    return undefined;
  }
}

/** Failure reason of a query answer, or undefined when it succeeded. */
export function queryFailure(status: number, body: string): string | undefined {
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  const answer = parseAnswer(body);
  if (!answer) return 'body is not JSON';
  if (answer.errors?.length) return `errors: ${errorSummary(answer.errors)}`;
  if (!answer.data) return 'no data';
  return undefined;
}

/** A mutation answer: its payload, or why it failed (`errors`, or non-empty `userErrors`). */
export function mutationPayload(
  status: number,
  body: string,
  field: string,
): { payload?: Record<string, unknown>; failure?: string } {
  const failure = queryFailure(status, body);
  if (failure) return { failure };
  const payload = (parseAnswer(body)?.data?.[field] ?? undefined) as
    Record<string, unknown> | undefined;
  if (!payload) return { failure: `no ${field} payload` };
  const userErrors = payload.userErrors as { code?: string; message?: string }[] | undefined;
  if (userErrors?.length)
    return {
      failure: `userErrors: ${userErrors.map((error) => `${error.code}: ${error.message}`).join('; ')}`,
    };
  return { payload };
}

/** A refusal succeeded when nothing was executed: an error answer (4xx, or 200 with errors and no data). */
export function refusalFailure(status: number, body: string): string | undefined {
  if (status >= 500) return `HTTP ${status} (a crash is not a refusal)`;
  if (status >= 400) return undefined;
  const answer = parseAnswer(body);
  if (!answer) return 'body is not JSON';
  if (answer.errors?.length && (answer.data === undefined || answer.data === null))
    return undefined;
  return answer.errors?.length ? 'partly executed (data and errors)' : 'executed: not refused';
}

function errorSummary(errors: unknown[]): string {
  return errors
    .slice(0, 2)
    .map((error) => {
      const { message, extensions } = error as { message?: string; extensions?: { code?: string } };
      return `${extensions?.code ?? ''} ${message ?? ''}`.trim();
    })
    .join('; ');
}

// --- Transfer pairs -----------------------------------------------------------------------------

/**
 * The subscriptions pairs move, shared by all connections. A pair takes one, the target asks for it
 * and the source accepts; it then belongs to the other partner and goes back in the queue, so the
 * next pair that takes it moves it back.
 */
export class TransferPool {
  private readonly queue: PoolSubscription[];
  /** Subscriptions left in an open transfer by a failed accept: out of the game. */
  stuck = 0;

  constructor(subscriptions: PoolSubscription[]) {
    this.queue = [...subscriptions];
  }

  take(): PoolSubscription | undefined {
    return this.queue.shift();
  }

  giveBack(subscription: PoolSubscription): void {
    this.queue.push(subscription);
  }

  /** An accepted pair: the subscription now belongs to the other partner, and goes back in the queue. */
  moved(subscription: PoolSubscription): void {
    subscription.seller = otherPartner(subscription.seller);
    this.giveBack(subscription);
  }

  get available(): number {
    return this.queue.length;
  }
}

export function otherPartner(seller: PoolSubscription['seller']): PoolSubscription['seller'] {
  return seller === 'contoso' ? 'tailspin' : 'contoso';
}

export function transferCreateBody(subscription: PoolSubscription): GraphQLBody {
  return {
    operationName: 'TransferCreate',
    query: TRANSFER_CREATE,
    variables: {
      input: {
        kind: 'PARTNER_SWITCH',
        customerId: encodeGlobalId('Customer', subscription.customerId),
        subscriptionIds: [encodeGlobalId('Subscription', subscription.id)],
      },
    },
  };
}

export function transferAcceptBody(transferId: string): GraphQLBody {
  return {
    operationName: 'TransferAccept',
    query: TRANSFER_ACCEPT,
    variables: { input: { transferId } },
  };
}

/** A pair's first request: the partner the subscription moves to asks for it. */
export function pairCreate(
  fixtures: BenchFixtures,
  subscription: PoolSubscription,
): { key: string; body: GraphQLBody } {
  return {
    key: fixtures.keys[otherPartner(subscription.seller)],
    body: transferCreateBody(subscription),
  };
}

/** A pair's second request: the subscription's seller accepts the transfer. */
export function pairAccept(
  fixtures: BenchFixtures,
  subscription: PoolSubscription,
  transferId: string,
): { key: string; body: GraphQLBody } {
  return { key: fixtures.keys[subscription.seller], body: transferAcceptBody(transferId) };
}

/** The transfer a pair's create answered with, or why there is none. */
export function createdTransfer(
  status: number,
  body: string,
): { transferId: string; failure?: undefined } | { transferId?: undefined; failure: string } {
  const { payload, failure } = mutationPayload(status, body, 'transferCreate');
  const transferId = (payload?.transfer as { id?: string } | undefined)?.id;
  return failure || !transferId
    ? { failure: `transferCreate: ${failure ?? 'no transfer id'}` }
    : { transferId };
}

/** Why a pair's accept failed; undefined when the transfer was accepted. */
export function acceptFailure(status: number, body: string): string | undefined {
  const { failure } = mutationPayload(status, body, 'transferAccept');
  return failure && `transferAccept: ${failure}`;
}
