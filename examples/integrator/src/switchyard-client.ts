/**
 * A small GraphQL client for the Switchyard API over `fetch`: it sends the API key, an optional
 * Idempotency-Key, and turns the two kinds of failure into something a program can act on.
 *
 * - Top-level `errors` (no credentials, a page size over 100, a query too costly, a rate limit)
 *   mean the request as a whole was refused: they throw a `SwitchyardRequestError` with the code.
 * - A mutation's `userErrors` are data: a business rule said no. They come back in the payload,
 *   and the caller decides (see `integration.ts`).
 *
 * Retries are safe only where the server can tell a retry from a new request: queries, and
 * mutations sent with an Idempotency-Key (the server replays the first answer for 24 hours).
 */
import { ERROR_CODES } from '@switchyard/domain';
import type { ErrorCode } from '@switchyard/domain';

export interface SwitchyardClientOptions {
  /** The API's base URL, e.g. https://switchyard.example.com (without /graphql). */
  url: string;
  apiKey: string;
  /** How many times a retryable failure is retried (network error, 429, 502–504, IDEMPOTENCY_IN_PROGRESS). */
  maxRetries?: number;
  /** Waits between retries; replaceable in tests. */
  sleep?: (milliseconds: number) => Promise<void>;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  /** Send with every mutation you might retry; reuse it for the retries of the same request only. */
  idempotencyKey?: string;
}

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; retryAfterSeconds?: number; [key: string]: unknown };
}

/** The whole request was refused (top-level `errors`, or an HTTP error without a GraphQL body). */
export class SwitchyardRequestError extends Error {
  readonly status: number;
  /** One of the domain's error codes, `INTERNAL_SERVER_ERROR`, or a GraphQL validation code. */
  readonly code: string;
  readonly errors: GraphQLErrorBody[];
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, errors: GraphQLErrorBody[], retryAfterSeconds?: number) {
    const first = errors[0];
    super(first ? first.message : `HTTP ${status}`);
    this.name = 'SwitchyardRequestError';
    this.status = status;
    this.code = first?.extensions?.code ?? `HTTP_${status}`;
    this.errors = errors;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The code as one of the domain's codes, when it is one (new codes may appear: treat others generically). */
  get errorCode(): ErrorCode | undefined {
    return (ERROR_CODES as readonly string[]).includes(this.code)
      ? (this.code as ErrorCode)
      : undefined;
  }
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export class SwitchyardClient {
  readonly #endpoint: string;
  readonly #apiKey: string;
  readonly #maxRetries: number;
  readonly #sleep: (milliseconds: number) => Promise<void>;
  readonly #fetch: typeof fetch;

  constructor(options: SwitchyardClientOptions) {
    this.#endpoint = new URL('/graphql', options.url).toString();
    this.#apiKey = options.apiKey;
    this.#maxRetries = options.maxRetries ?? 3;
    this.#sleep =
      options.sleep ??
      ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
    this.#fetch = options.fetch ?? fetch;
  }

  /** Runs an operation and returns its `data`; throws `SwitchyardRequestError` when the request was refused. */
  async request<T>(query: string, options: RequestOptions = {}): Promise<T> {
    // A mutation sent again without an Idempotency-Key could run twice: only a refusal that
    // happened before anything ran (a rate limit) may be retried then.
    const canRepeat = !/^\s*mutation\b/.test(query) || options.idempotencyKey !== undefined;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.#send<T>(query, options);
      } catch (error) {
        const delay = this.#retryDelay(error, attempt, canRepeat);
        if (delay === undefined) throw error;
        await this.#sleep(delay);
      }
    }
  }

  async #send<T>(query: string, { variables, idempotencyKey }: RequestOptions): Promise<T> {
    const response = await this.#fetch(this.#endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.#apiKey}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const retryAfter = Number(response.headers.get('retry-after'));
    const retryAfterSeconds =
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
    let body: { data?: T | null; errors?: GraphQLErrorBody[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new SwitchyardRequestError(
        response.status,
        [{ message: `HTTP ${response.status}: the response is not JSON.` }],
        retryAfterSeconds,
      );
    }
    if (body.errors?.length)
      throw new SwitchyardRequestError(response.status, body.errors, retryAfterSeconds);
    if (!response.ok || body.data == null) {
      throw new SwitchyardRequestError(
        response.status,
        [{ message: `HTTP ${response.status} without data.` }],
        retryAfterSeconds,
      );
    }
    return body.data;
  }

  /** Milliseconds to wait before the next attempt, or undefined when the failure is final. */
  #retryDelay(error: unknown, attempt: number, canRepeat: boolean): number | undefined {
    if (attempt >= this.#maxRetries) return undefined;
    const backoff = 250 * 2 ** attempt;
    if (error instanceof SwitchyardRequestError) {
      const isRateLimited = error.status === 429 || error.code === 'RATE_LIMITED';
      const isRetryable =
        isRateLimited ||
        (canRepeat &&
          (RETRYABLE_STATUSES.has(error.status) || error.code === 'IDEMPOTENCY_IN_PROGRESS'));
      if (!isRetryable) return undefined;
      return error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : backoff;
    }
    // fetch rejects with a TypeError when the connection fails: the request may or may not have arrived.
    return canRepeat && error instanceof TypeError ? backoff : undefined;
  }
}
