/**
 * The checks an HTTP GraphQL request passes before the server authenticates it or touches the
 * database, so that a malicious or runaway request costs no SQL at all: one operation per request
 * (no batched arrays), JSON bodies only (a form post or text/plain is what a cross-site page can
 * send without a preflight), GET only for queries and only with a CSRF header (Apollo's rule), and
 * a document within the limits of operation-limits.ts — size, tokens, GraphQL validation with the
 * depth and alias rules (verdicts cached per query text: document-verdicts.ts), and cost.
 */
import { OperationTypeNode } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { documentVerdict } from './document-verdicts.js';
import { OPERATION_LIMITS, operationCost, selectOperation, tooCostly } from './operation-limits.js';

/** Headers a cross-site form cannot send: one of them makes a GET (or a simple POST) acceptable. */
export const CSRF_PREVENTION_HEADERS = [
  'x-apollo-operation-name',
  'apollo-require-preflight',
] as const;
/** What an HTML form (or a `no-cors` fetch) can send without a CORS preflight. */
const SIMPLE_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];

export interface PreflightRequest {
  method: string;
  /** Lower-case header names. */
  header(name: string): string | undefined;
  /** The parsed JSON body (POST). */
  body: unknown;
  /** The URL's query parameters (GET). */
  query: Record<string, unknown>;
}

export interface PreflightRefusal {
  ok: false;
  status: number;
  /** The response body: GraphQL's shape, one error with a code. */
  body: { errors: { message: string; extensions: Record<string, unknown> }[] };
  headers?: Record<string, string>;
}

export type PreflightResult = { ok: true; document: DocumentNode; cost: number } | PreflightRefusal;

function refuse(
  status: number,
  code: string,
  message: string,
  extra: { headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
): PreflightRefusal {
  return {
    ok: false,
    status,
    body: { errors: [{ message, extensions: { code, ...extra.extensions } }] },
    ...(extra.headers ? { headers: extra.headers } : {}),
  };
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

function parseJsonParameter(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (value === undefined || value === '') return { ok: true, value: undefined };
  if (typeof value !== 'string') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(value) as unknown };
  } catch {
    return { ok: false };
  }
}

export function preflightGraphQLRequest(
  request: PreflightRequest,
  schema: GraphQLSchema,
  {
    isProduction,
    transport = 'http',
  }: {
    isProduction: boolean;
    /** `websocket`: a subscription's payload (src/live/), checked as a POST body. */
    transport?: 'http' | 'websocket';
  },
): PreflightResult {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    return refuse(405, 'BAD_REQUEST', 'GraphQL is served over POST (and GET for queries).', {
      headers: { Allow: 'GET, POST' },
    });
  }
  const type = mediaType(request.header('content-type'));
  const hasCsrfHeader = CSRF_PREVENTION_HEADERS.some((name) => (request.header(name) ?? '') !== '');
  if (method === 'POST' && type !== 'application/json') {
    // A form post or text/plain is what a page on another site can send without a preflight.
    if (type === undefined || SIMPLE_CONTENT_TYPES.includes(type)) {
      return refuse(
        400,
        'BAD_REQUEST',
        'This request has been blocked as a potential Cross-Site Request Forgery (CSRF): send GraphQL as JSON ("Content-Type: application/json").',
      );
    }
    return refuse(
      415,
      'BAD_REQUEST',
      'Send GraphQL requests as JSON ("Content-Type: application/json").',
    );
  }
  // Apollo's rule: a request a browser sends cross-site without a preflight (no content type, or a
  // simple one) must carry a header only a script can set.
  if (
    method === 'GET' &&
    !hasCsrfHeader &&
    (type === undefined || SIMPLE_CONTENT_TYPES.includes(type))
  ) {
    return refuse(
      400,
      'BAD_REQUEST',
      `This operation has been blocked as a potential Cross-Site Request Forgery (CSRF): a GET without a JSON content type must carry one of the headers ${CSRF_PREVENTION_HEADERS.join(', ')}.`,
    );
  }

  let query: unknown;
  let operationName: unknown;
  let variables: unknown;
  if (method === 'POST') {
    if (Array.isArray(request.body))
      return refuse(
        400,
        'BAD_REQUEST',
        'Batched requests are not supported: send one operation per request.',
      );
    if (!request.body || typeof request.body !== 'object')
      return refuse(400, 'BAD_REQUEST', 'The body must be a JSON object with a "query".');
    ({ query, operationName, variables } = request.body as Record<string, unknown>);
  } else {
    query = request.query.query;
    operationName = request.query.operationName;
    const parsed = parseJsonParameter(request.query.variables);
    if (!parsed.ok)
      return refuse(400, 'BAD_REQUEST', 'The "variables" parameter must be a JSON object.');
    variables = parsed.value;
  }
  if (typeof query !== 'string' || query.trim() === '') {
    return refuse(
      400,
      'BAD_REQUEST',
      'Send the operation as a "query" string (persisted queries are not supported).',
    );
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return refuse(400, 'BAD_REQUEST', '"operationName" must be a string.');
  }
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  ) {
    return refuse(400, 'BAD_REQUEST', '"variables" must be a JSON object.');
  }
  if (Buffer.byteLength(query, 'utf8') > OPERATION_LIMITS.maxDocumentBytes) {
    return refuse(
      413,
      'BAD_REQUEST',
      `The query text is larger than ${OPERATION_LIMITS.maxDocumentBytes} bytes.`,
    );
  }

  const verdict = documentVerdict(schema, query, { isProduction });
  if (!verdict.ok) {
    return {
      ok: false,
      status: 400,
      body: { errors: verdict.messages.map((message) => ({ message, extensions: { code: verdict.code } })) },
    };
  }
  const { document } = verdict;
  const operation = selectOperation(document, operationName);
  if (!operation)
    return refuse(
      400,
      'OPERATION_RESOLUTION_FAILURE',
      'Name the operation to run ("operationName"): the document has several, or none by that name.',
    );
  // Subscriptions run over the WebSocket (src/live/), and only they do.
  const isSubscription = operation.operation === OperationTypeNode.SUBSCRIPTION;
  if (isSubscription !== (transport === 'websocket')) {
    return refuse(
      400,
      'BAD_REQUEST',
      isSubscription
        ? 'Subscriptions run over a WebSocket at /graphql (graphql-ws): see “Live updates” in the API guide.'
        : 'Only subscriptions run over the WebSocket: send queries and mutations with POST /graphql.',
    );
  }
  if (method === 'GET' && operation.operation !== OperationTypeNode.QUERY) {
    return refuse(405, 'BAD_REQUEST', 'Mutations are sent with POST.', {
      headers: { Allow: 'POST' },
    });
  }
  const cost = operationCost(
    schema,
    document,
    operation,
    (variables ?? {}) as Record<string, unknown>,
  );
  if (cost > OPERATION_LIMITS.maxCost) {
    const { message, extensions } = tooCostly(cost);
    return refuse(400, extensions.code, message, { extensions: { cost: extensions.cost } });
  }
  return { ok: true, document, cost };
}
