/**
 * The baseline: what the same answers cost with nothing but `node:http` and the driver. It takes
 * the very request bodies the API gets (POST /graphql, dispatched on `operationName`), looks the API
 * key up by its SHA-256 exactly like the API, runs hand-written SQL inside the same per-request
 * tenant transaction (`BEGIN; <partnerTransactionSetupSql>` in one round trip … COMMIT/ROLLBACK —
 * the API's own setup string, so a `SET LOCAL ROLE` added there applies here too), and answers JSON
 * shaped like the API's. Every figure of the API is reported as a ratio to this server's.
 *
 * No GraphQL, no validation of the query text: the baseline knows the operation by name (and
 * refuses the malicious probes by name). That is the point: it is the floor the API's layers
 * (Apollo, Pothos, Drizzle, the limits) sit on.
 *
 *   argv: <database config as JSON>
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { hashSecret } from '../src/auth/secrets.js';
import type { DatabaseConfig } from '../src/db/client.js';
import { partnerTransactionSetupSql } from '../src/db/partner-transaction.js';
import { databaseIdOf, encodeGlobalId } from '../src/schema/global-id.js';
import type { ChildRequest } from './child-protocol.js';
import { reply } from './child-protocol.js';

type Row = Record<string, unknown>;
type Query = (text: string, params?: unknown[]) => Promise<Row[]>;

interface Driver {
  root: Query;
  /** Runs `fn` in the partner's tenant transaction; commits when `fn` says so, else rolls back. */
  tenant<T>(
    partnerId: string,
    fn: (query: Query) => Promise<{ result: T; commit: boolean }>,
  ): Promise<T>;
  close(): Promise<void>;
}

let statementCount = 0;
let isRecording = false;
let recorded: string[] = [];
function counted(text: string): void {
  statementCount += 1;
  if (isRecording) recorded.push(text);
}

function postgresDriver(url: string): Driver {
  // The API's pool size (src/db/client.ts default) and timeouts.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    application_name: 'switchyard-bench-baseline',
    statement_timeout: 30_000,
  });
  pool.on('error', () => {});
  return {
    root: async (text, params) => {
      counted(text);
      return (await pool.query(text, params)).rows as Row[];
    },
    tenant: async (partnerId, fn) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      const query: Query = async (text, params) => {
        counted(text);
        return (await client.query(text, params)).rows as Row[];
      };
      try {
        await query(`BEGIN; ${partnerTransactionSetupSql(partnerId)}`);
        try {
          const { result, commit } = await fn(query);
          await query(commit ? 'COMMIT' : 'ROLLBACK');
          return result;
        } catch (error) {
          await query('ROLLBACK').catch((rollbackError: unknown) => {
            broken =
              rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

async function pgliteDriver(dataDir: string): Promise<Driver> {
  const pglite = new PGlite(dataDir);
  await pglite.waitReady;
  return {
    root: async (text, params) => {
      counted(text);
      return (await pglite.query<Row>(text, params)).rows;
    },
    tenant: (partnerId, fn) =>
      pglite.transaction(async (tx) => {
        counted('BEGIN');
        counted(partnerTransactionSetupSql(partnerId));
        await tx.exec(partnerTransactionSetupSql(partnerId));
        const { result, commit } = await fn(async (text, params) => {
          counted(text);
          return (await tx.query<Row>(text, params)).rows;
        });
        counted(commit ? 'COMMIT' : 'ROLLBACK');
        if (!commit) await tx.rollback();
        return result;
      }),
    close: () => pglite.close(),
  };
}

interface Actor {
  keyId: string;
  keyName: string;
  partnerId: string;
  partnerName: string;
  cloud: string;
  role: string;
}

interface GraphQLBody {
  operationName?: string;
  variables?: Record<string, unknown>;
}

class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// `OFFSET 0`: a probe per row rather than a hash of all the partner's relationships, which the
// planner would build even for a page of 50 (the migration row-level-security-per-row-customer-probes).
const VISIBLE_CUSTOMER = `(EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = c.id AND r.partner_id = $1 OFFSET 0)
   OR EXISTS (SELECT 1 FROM relationship_requests q WHERE q.customer_id = c.id AND q.partner_id = $1 AND q.status = 'PENDING' OFFSET 0))`;
/** Subscriptions a partner sees: every channel, customers it has an ACTIVE relationship with, its cloud. */
const VISIBLE_SUBSCRIPTION = `c.cloud = $2::cloud AND EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = c.id AND r.partner_id = $1 AND r.status = 'ACTIVE')`;

const iso = (value: unknown) =>
  value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

async function customerProfile(
  query: Query,
  actor: Actor,
  variables: Record<string, unknown>,
): Promise<unknown> {
  const id = databaseIdOf(text(variables.id), 'Customer');
  if (!id) return { customer: null };
  const [row] = await query(
    `SELECT c.id, c.tenant_id, c.company_name, c.primary_domain, c.country, c.cloud, c.is_partner_tenant, c.created_at, c.version,
            (SELECT r.status FROM relationships r WHERE r.customer_id = c.id AND r.partner_id = $1 ORDER BY r.status = 'ACTIVE' DESC LIMIT 1) AS relationship_status,
            EXISTS (SELECT 1 FROM relationship_requests q WHERE q.customer_id = c.id AND q.partner_id = $1 AND q.status = 'PENDING') AS has_pending_request
       FROM customers c WHERE c.id = $2`,
    [actor.partnerId, id],
  );
  if (!row || (row.relationship_status === null && !row.has_pending_request))
    return { customer: null };
  return {
    customer: {
      id: encodeGlobalId('Customer', String(row.id)),
      tenantId: row.tenant_id,
      companyName: row.company_name,
      primaryDomain: row.primary_domain,
      country: row.country,
      cloud: row.cloud,
      isPartnerTenant: row.is_partner_tenant,
      relationshipStatus: row.relationship_status ?? 'PENDING',
      createdAt: iso(row.created_at),
      version: row.version,
    },
  };
}

async function customerPage(
  query: Query,
  actor: Actor,
  variables: Record<string, unknown>,
): Promise<unknown> {
  const first = Number(variables.first ?? 20);
  const subscriptionsFirst = Number(variables.subscriptionsFirst ?? 10);
  if (first > 100 || subscriptionsFirst > 100)
    throw new UserFacingError('VALIDATION_FAILED', 'first must be at most 100');
  const customers = await query(
    `SELECT c.id, c.company_name, c.primary_domain, c.country, c.cloud, c.is_partner_tenant
       FROM customers c WHERE ${VISIBLE_CUSTOMER}
      ORDER BY lower(c.company_name), c.id LIMIT $2`,
    [actor.partnerId, first + 1],
  );
  const hasNextPage = customers.length > first;
  const page = customers.slice(0, first);
  const subscriptions = page.length
    ? await query(
        `SELECT s.customer_id, s.id, s.channel, s.status, s.quantity, s.term_end_date, o.name AS offer_name
           FROM unnest($1::uuid[]) AS page(customer_id)
           JOIN customers c ON c.id = page.customer_id
           CROSS JOIN LATERAL (
             SELECT * FROM subscriptions s WHERE s.customer_id = page.customer_id ORDER BY s.id LIMIT $4
           ) s
           JOIN offers o ON o.id = s.offer_id
          WHERE c.cloud = $3::cloud AND EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = c.id AND r.partner_id = $2 AND r.status = 'ACTIVE')`,
        [page.map((row) => row.id), actor.partnerId, actor.cloud, subscriptionsFirst],
      )
    : [];
  const byCustomer = new Map<unknown, unknown[]>();
  for (const row of subscriptions) {
    const list = byCustomer.get(row.customer_id) ?? [];
    list.push({
      id: encodeGlobalId('Subscription', String(row.id)),
      channel: row.channel,
      status: row.status,
      quantity: row.quantity,
      termEndDate: iso(row.term_end_date),
      offer: { name: row.offer_name },
    });
    byCustomer.set(row.customer_id, list);
  }
  const last = page[page.length - 1];
  return {
    customers: {
      pageInfo: {
        hasNextPage,
        endCursor: last
          ? Buffer.from(`${String(last.company_name)}|${String(last.id)}`).toString('base64')
          : null,
      },
      nodes: page.map((row) => ({
        id: encodeGlobalId('Customer', String(row.id)),
        companyName: row.company_name,
        primaryDomain: row.primary_domain,
        country: row.country,
        cloud: row.cloud,
        isPartnerTenant: row.is_partner_tenant,
        subscriptions: { nodes: byCustomer.get(row.id) ?? [] },
      })),
    },
  };
}

async function overview(
  query: Query,
  actor: Actor,
  variables: Record<string, unknown>,
): Promise<unknown> {
  const days = Number(variables.termsEndingDays ?? 60);
  const now = new Date();
  const until = new Date(now.getTime() + days * 86_400_000);
  // One pass over the visible subscriptions: per channel, per status, and the terms ending soon.
  const counts = await query(
    `SELECT s.channel, s.status, grouping(s.channel, s.status) AS level, count(*)::int AS n,
            count(*) FILTER (WHERE s.status IN ('ACTIVE', 'SUSPENDED') AND s.term_end_date >= $3 AND s.term_end_date < $4)::int AS ending
       FROM subscriptions s JOIN customers c ON c.id = s.customer_id
      WHERE ${VISIBLE_SUBSCRIPTION}
      GROUP BY GROUPING SETS ((s.channel), (s.status), ())
      ORDER BY level, s.channel, s.status`,
    [actor.partnerId, actor.cloud, now, until],
  );
  const [awaiting] = await query(
    `SELECT count(*)::int AS n FROM transfers t WHERE t.source_partner_id = $1 AND t.status = 'PENDING'`,
    [actor.partnerId],
  );
  const [requests] = await query(
    `SELECT count(*)::int AS n FROM relationship_requests q WHERE q.partner_id = $1 AND q.status = 'PENDING'`,
    [actor.partnerId],
  );
  return {
    subscriptionCounts: {
      byChannel: counts
        .filter((row) => Number(row.level) === 1)
        .map((row) => ({ channel: row.channel, count: Number(row.n) })),
      byStatus: counts
        .filter((row) => Number(row.level) === 2)
        .map((row) => ({ status: row.status, count: Number(row.n) })),
      termsEndingWithin: Number(counts.find((row) => Number(row.level) === 3)?.ending ?? 0),
    },
    awaitingAnswer: { totalCount: Number(awaiting?.n ?? 0) },
    pendingRequests: { totalCount: Number(requests?.n ?? 0) },
  };
}

const TRANSFER_TTL_DAYS = 30;

async function writeAuditAndEvent(
  query: Query,
  actor: Actor,
  requestId: string,
  entry: {
    operation: string;
    transferId: string;
    before: unknown;
    after: unknown;
    eventType: string;
    audience: string[];
  },
): Promise<void> {
  await query(
    `INSERT INTO audit_events (partner_id, actor_type, actor_id, actor_label, operation, target_type, target_ids, before, after, request_id)
     VALUES ($1, 'API_KEY', $2, $3, $4, 'Transfer', ARRAY[$5::uuid], $6, $7, $8)`,
    [
      actor.partnerId,
      actor.keyId,
      actor.keyName,
      entry.operation,
      entry.transferId,
      JSON.stringify(entry.before),
      JSON.stringify(entry.after),
      requestId,
    ],
  );
  await query(
    `INSERT INTO outbox_events (type, aggregate_type, aggregate_id, audience_partner_ids, payload) VALUES ($1, 'Transfer', $2, $3::uuid[], $4)`,
    [entry.eventType, entry.transferId, entry.audience, JSON.stringify(entry.after)],
  );
}

async function transferCreate(
  query: Query,
  actor: Actor,
  variables: Record<string, unknown>,
  requestId: string,
): Promise<unknown> {
  const input = (variables.input ?? {}) as {
    kind?: string;
    customerId?: string;
    subscriptionIds?: string[];
  };
  const customerId = databaseIdOf(String(input.customerId ?? ''), 'Customer');
  const subscriptionIds = (input.subscriptionIds ?? []).map((id) =>
    databaseIdOf(id, 'Subscription'),
  );
  if (
    input.kind !== 'PARTNER_SWITCH' ||
    !customerId ||
    subscriptionIds.length === 0 ||
    subscriptionIds.some((id) => !id)
  ) {
    throw new UserFacingError(
      'VALIDATION_FAILED',
      'The baseline implements PARTNER_SWITCH with valid ids only.',
    );
  }
  const rows = await query(
    `SELECT s.id, s.status, s.channel, s.billing_model, s.seller_partner_id, c.cloud, c.is_partner_tenant,
            EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = c.id AND r.partner_id = $3 AND r.status = 'ACTIVE') AS has_relationship
       FROM subscriptions s JOIN customers c ON c.id = s.customer_id
      WHERE s.id = ANY($1::uuid[]) AND s.customer_id = $2
      FOR UPDATE OF s`,
    [subscriptionIds, customerId, actor.partnerId],
  );
  if (rows.length !== subscriptionIds.length)
    throw new UserFacingError('NOT_FOUND', 'Subscription not found.');
  const first = rows[0]!;
  if (!first.has_relationship)
    throw new UserFacingError('RELATIONSHIP_REQUIRED', 'An active relationship is required.');
  if (first.cloud !== actor.cloud) throw new UserFacingError('CLOUD_MISMATCH', 'Clouds differ.');
  const source = String(first.seller_partner_id);
  for (const row of rows) {
    if (row.status !== 'ACTIVE' || row.channel !== 'CSP')
      throw new UserFacingError('SUBSCRIPTION_NOT_ACTIVE', 'Only active CSP subscriptions move.');
    if (String(row.seller_partner_id) !== source)
      throw new UserFacingError('MIXED_SOURCE_PARTNERS', 'One source partner per transfer.');
    if (row.billing_model !== 'USAGE_BASED')
      throw new UserFacingError(
        'LICENSE_TERM_NOT_ENDED',
        'License-based subscriptions move at term end.',
      );
  }
  if (source === actor.partnerId)
    throw new UserFacingError('SELF_TRANSFER', 'You already sell these subscriptions.');
  const [transfer] = await query(
    `INSERT INTO transfers (kind, customer_id, source_partner_id, target_partner_id, source_channel, status, expires_at, created_by_actor_type, created_by_actor_id)
     VALUES ('PARTNER_SWITCH', $1, $2, $3, 'CSP', 'PENDING', now() + make_interval(days => $4), 'API_KEY', $5)
     RETURNING id, status, version`,
    [customerId, source, actor.partnerId, TRANSFER_TTL_DAYS, actor.keyId],
  );
  const transferId = String(transfer!.id);
  await query(
    `INSERT INTO transfer_line_items (transfer_id, subscription_id) SELECT $1, unnest($2::uuid[])`,
    [transferId, subscriptionIds],
  );
  await writeAuditAndEvent(query, actor, requestId, {
    operation: 'transferCreate',
    transferId,
    before: null,
    after: { id: transferId, status: 'PENDING', subscriptionIds },
    eventType: 'transfer.created',
    audience: [actor.partnerId, source],
  });
  return {
    transferCreate: {
      transfer: { id: encodeGlobalId('Transfer', transferId), status: 'PENDING' },
      userErrors: [],
    },
  };
}

async function transferAccept(
  query: Query,
  actor: Actor,
  variables: Record<string, unknown>,
  requestId: string,
): Promise<unknown> {
  const input = (variables.input ?? {}) as { transferId?: string };
  const transferId = databaseIdOf(String(input.transferId ?? ''), 'Transfer');
  if (!transferId) throw new UserFacingError('NOT_FOUND', 'Transfer not found.');
  const [transfer] = await query(
    `SELECT id, status, source_partner_id, target_partner_id, version FROM transfers WHERE id = $1 FOR UPDATE`,
    [transferId],
  );
  if (!transfer || String(transfer.source_partner_id) !== actor.partnerId)
    throw new UserFacingError('NOT_FOUND', 'Transfer not found.');
  if (transfer.status !== 'PENDING')
    throw new UserFacingError('TRANSFER_NOT_PENDING', 'The transfer is not pending.');
  const target = String(transfer.target_partner_id);
  const moved = await query(
    `UPDATE subscriptions s SET seller_partner_id = $2, billing_partner_id = $2, managing_partner_id = $2, version = s.version + 1, updated_at = now()
       FROM transfer_line_items li
      WHERE li.transfer_id = $1 AND li.status = 'PENDING' AND s.id = li.subscription_id AND s.status = 'ACTIVE'
      RETURNING s.id`,
    [transferId, target],
  );
  await query(
    `UPDATE transfer_line_items SET status = 'COMPLETED', result_subscription_id = subscription_id, updated_at = now() WHERE transfer_id = $1 AND status = 'PENDING'`,
    [transferId],
  );
  await query(
    `UPDATE transfers SET status = 'COMPLETED', completed_at = now(), effective_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`,
    [transferId],
  );
  await writeAuditAndEvent(query, actor, requestId, {
    operation: 'transferAccept',
    transferId,
    before: { status: 'PENDING' },
    after: { status: 'COMPLETED', subscriptionIds: moved.map((row) => row.id) },
    eventType: 'transfer.completed',
    audience: [actor.partnerId, target],
  });
  return {
    transferAccept: {
      transfer: { id: encodeGlobalId('Transfer', transferId), status: 'COMPLETED' },
      userErrors: [],
    },
  };
}

function viewer(actor: Actor): unknown {
  return {
    viewer: {
      role: actor.role,
      actorType: 'API_KEY',
      partner: { id: encodeGlobalId('Partner', actor.partnerId), name: actor.partnerName },
    },
  };
}

const MUTATIONS = new Set(['TransferCreate', 'TransferAccept']);

/** The refusal probes of scenarios.ts, by operation name, and the message each is refused with. */
const REFUSED = new Map([
  ['HugeFirst', 'A page holds at most 100 items.'],
  ['DeepNesting', 'The operation nests fields too deep.'],
]);

async function handle(
  driver: Driver,
  request: IncomingMessage,
  body: string,
): Promise<{ status: number; payload: unknown }> {
  if (request.method !== 'POST' || request.url !== '/graphql')
    return { status: 404, payload: { error: 'No such route.' } };
  let parsed: GraphQLBody;
  try {
    parsed = JSON.parse(body) as GraphQLBody;
  } catch {
    return {
      status: 400,
      payload: {
        errors: [{ message: 'The body is not JSON.', extensions: { code: 'VALIDATION_FAILED' } }],
      },
    };
  }
  // The malicious probes are refused by name, before any SQL, as the API refuses them before any:
  // the floor for the API's refusals (which parse, validate and cost the query instead).
  const refusal = REFUSED.get(parsed.operationName ?? '');
  if (refusal)
    return {
      status: 400,
      payload: {
        errors: [{ message: refusal, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
      },
    };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1])
    return {
      status: 401,
      payload: {
        errors: [{ message: 'Send an API key.', extensions: { code: 'UNAUTHENTICATED' } }],
      },
    };
  const [key] = await driver.root(
    `SELECT k.id, k.name, k.role, p.id AS partner_id, p.name AS partner_name, p.cloud
       FROM api_keys k JOIN partners p ON p.id = k.partner_id
      WHERE k.secret_hash = $1 AND k.revoked_at IS NULL`,
    [hashSecret(match[1])],
  );
  if (!key)
    return {
      status: 401,
      payload: {
        errors: [
          {
            message: 'The API key is invalid or has been revoked.',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      },
    };
  const actor: Actor = {
    keyId: String(key.id),
    keyName: String(key.name),
    partnerId: String(key.partner_id),
    partnerName: String(key.partner_name),
    cloud: String(key.cloud),
    role: String(key.role),
  };
  const operation = parsed.operationName ?? '';
  const variables = parsed.variables ?? {};
  const requestId = randomUUID();
  const isMutation = MUTATIONS.has(operation);
  try {
    const data = await driver.tenant(actor.partnerId, async (query) => {
      let result: unknown;
      switch (operation) {
        case 'Viewer':
          result = viewer(actor);
          break;
        case 'CustomerProfile':
          result = await customerProfile(query, actor, variables);
          break;
        case 'CustomerPage':
          result = await customerPage(query, actor, variables);
          break;
        case 'Overview':
          result = await overview(query, actor, variables);
          break;
        case 'TransferCreate':
          result = await transferCreate(query, actor, variables, requestId);
          break;
        case 'TransferAccept':
          result = await transferAccept(query, actor, variables, requestId);
          break;
        default:
          throw new UserFacingError(
            'VALIDATION_FAILED',
            `The baseline does not implement ${operation || 'this operation'}.`,
          );
      }
      return { result, commit: isMutation };
    });
    return { status: 200, payload: { data } };
  } catch (error) {
    if (error instanceof UserFacingError) {
      if (isMutation) {
        const field = operation === 'TransferCreate' ? 'transferCreate' : 'transferAccept';
        return {
          status: 200,
          payload: {
            data: {
              [field]: {
                transfer: null,
                userErrors: [{ code: error.code, message: error.message }],
              },
            },
          },
        };
      }
      return {
        status: 200,
        payload: {
          errors: [{ message: error.message, extensions: { code: error.code } }],
          data: null,
        },
      };
    }
    const code = (error as { code?: string }).code;
    // The one open transfer per subscription index, as the API maps it.
    if (code === '23505' && isMutation) {
      return {
        status: 200,
        payload: {
          data: {
            transferCreate: {
              transfer: null,
              userErrors: [{ code: 'ALREADY_IN_TRANSFER', message: 'Already in a transfer.' }],
            },
          },
        },
      };
    }
    process.stderr.write(
      `baseline: ${operation} failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return {
      status: 200,
      payload: {
        errors: [
          { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
        data: null,
      },
    };
  }
}

const config = JSON.parse(process.argv[2] ?? '{}') as DatabaseConfig;
const driver =
  config.kind === 'postgres' ? postgresDriver(config.url) : await pgliteDriver(config.dataDir);

const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    handle(driver, request, Buffer.concat(chunks).toString('utf8'))
      .then(({ status, payload }) => {
        const text = JSON.stringify(payload);
        response.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
        });
        response.end(text);
      })
      .catch((error: unknown) => {
        process.stderr.write(
          `baseline: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        response.writeHead(500).end();
      });
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

process.on('message', (message: ChildRequest) => {
  switch (message.type) {
    case 'count':
      reply({ type: 'count', id: message.id, count: statementCount, recorded: [...recorded] });
      break;
    case 'record':
      statementCount = 0;
      recorded = [];
      isRecording = message.on;
      reply({ type: 'count', id: message.id, count: 0, recorded: [] });
      break;
    case 'stop':
      server.close();
      server.closeAllConnections();
      void driver.close().finally(() => process.exit(0));
      break;
  }
});
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready', port: (server.address() as AddressInfo).port });
