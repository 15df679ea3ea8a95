/**
 * The example integration, step by step. Each step is what an integrator's own program does
 * against the Switchyard API; `main.ts` runs them in order and prints what happened.
 *
 * 1. Who am I: `viewer`.
 * 2. Every customer, page by page (Relay cursors, at most 100 a page).
 * 3. Register a subscription the customer bought elsewhere (`subscriptionRegisterExternal`),
 *    validated first with the domain package's schema, the same one the API parses with.
 * 4. Ask whether it can move to CSP (`transferEligibility`), and what kind of move it would be.
 * 5. Ask for the move (`transferCreate`) with an Idempotency-Key, and retry it: same key, same answer.
 * 6. Read refusals as data (`userErrors`): a second transfer for the same subscription, and a
 *    reused key with different input.
 * 7. Verify a webhook delivery's signature.
 */
import { randomUUID } from 'node:crypto';
import {
  ERROR_CODES,
  parseInput,
  subscriptionRegisterExternalInputSchema,
  transferKindFor,
} from '@switchyard/domain';
import type { ErrorCode } from '@switchyard/domain';
import {
  CUSTOMERS_PAGE,
  LICENSE_BASED_OFFERS,
  SUBSCRIPTION_REGISTER_EXTERNAL,
  TRANSFER_CREATE,
  TRANSFER_ELIGIBILITY,
  VIEWER,
} from './operations.js';
import type {
  CustomerSummary,
  CustomersPageData,
  OffersData,
  SubscriptionRegisterExternalData,
  TransferCreateData,
  TransferEligibilityData,
  UserErrorData,
  ViewerData,
} from './operations.js';
import type { SwitchyardClient } from './switchyard-client.js';
import { signatureHeader, SIGNATURE_HEADER, verifySignature } from './webhooks.js';

export interface IntegrationOptions {
  client: SwitchyardClient;
  log: (line: string) => void;
  /** Customers per page (the API refuses more than 100). */
  pageSize?: number;
  /** The secret of your webhook endpoint, as shown when you registered it. */
  webhookSecret?: string;
  now?: Date;
}

export interface IntegrationResult {
  customerCount: number;
  subscriptionId: string;
  transferId: string;
}

/** A mutation refused with userErrors: the business said no. Nothing was changed. */
export class RefusedError extends Error {
  readonly userErrors: UserErrorData[];
  constructor(operation: string, userErrors: UserErrorData[]) {
    super(`${operation} was refused: ${userErrors.map(describeUserError).join('; ')}`);
    this.name = 'RefusedError';
    this.userErrors = userErrors;
  }
}

export function describeUserError(error: {
  code: string;
  message: string;
  field?: string[] | null;
}): string {
  const field = error.field?.length ? ` [${error.field.join('.')}]` : '';
  return `${error.code}${field}: ${error.message}`;
}

/**
 * What to do about a refusal, by its code. Codes are a closed list today (ERROR_CODES) but new ones
 * may be added: anything unknown is shown to a person as it is.
 */
export function adviceFor(code: string): string {
  if (!(ERROR_CODES as readonly string[]).includes(code)) return 'show the message to a person';
  switch (code as ErrorCode) {
    case 'STALE_VERSION':
      return 'reload the object and decide again';
    case 'IDEMPOTENCY_IN_PROGRESS':
      return 'retry the same request with the same key in a moment';
    case 'IDEMPOTENCY_KEY_REUSED':
      return 'new input needs a new Idempotency-Key';
    case 'ALREADY_IN_TRANSFER':
      return 'wait for the open transfer to end, or cancel it';
    case 'RATE_LIMITED':
      return 'wait for Retry-After';
    default:
      return 'show the message to a person';
  }
}

const DAY_MS = 86_400_000;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function listAllCustomers(
  client: SwitchyardClient,
  pageSize: number,
  log: (line: string) => void,
): Promise<CustomerSummary[]> {
  const customers: CustomerSummary[] = [];
  let after: string | null = null;
  for (let page = 1; ; page += 1) {
    const data: CustomersPageData = await client.request<CustomersPageData>(CUSTOMERS_PAGE, {
      variables: { first: pageSize, after },
    });
    const { nodes, pageInfo, totalCount } = data.customers;
    customers.push(...nodes);
    log(
      `  page ${page}: ${nodes.map((customer) => customer.companyName).join(', ')} (${customers.length}/${totalCount})`,
    );
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) break;
    after = pageInfo.endCursor;
  }
  return customers;
}

/** Sends a mutation with an Idempotency-Key, waiting out IDEMPOTENCY_IN_PROGRESS (a concurrent duplicate still running). */
async function mutate<T>(
  client: SwitchyardClient,
  document: string,
  input: Record<string, unknown>,
  idempotencyKey: string,
  payloadOf: (data: T) => { userErrors: UserErrorData[] },
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const data = await client.request<T>(document, { variables: { input }, idempotencyKey });
    const isInProgress = payloadOf(data).userErrors.some(
      (error) => error.code === 'IDEMPOTENCY_IN_PROGRESS',
    );
    if (!isInProgress || attempt >= 5) return data;
    await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
  }
}

export async function runIntegration(options: IntegrationOptions): Promise<IntegrationResult> {
  const { client, log } = options;
  const now = options.now ?? new Date();

  // 1. Who am I.
  const { viewer } = await client.request<ViewerData>(VIEWER);
  log(
    `Signed in: ${viewer.partner.name} (${viewer.partner.cloud}), role ${viewer.role}, as ${viewer.actorType}`,
  );

  // 2. Every customer, page by page.
  log('Customers with an active relationship:');
  const customers = await listAllCustomers(client, options.pageSize ?? 5, log);
  log(`Listed ${customers.length} customers`);

  // 3. Register a subscription bought elsewhere: an Open license agreement, seven months into its year.
  const customer = customers.find((candidate) => !candidate.isPartnerTenant);
  if (!customer)
    throw new Error(
      'No customer to work with: you need an ACTIVE relationship with a customer that is not a partner tenant.',
    );
  const { offers } = await client.request<OffersData>(LICENSE_BASED_OFFERS);
  const offer = offers.nodes.find((candidate) => candidate.terms.includes('P1Y'));
  if (!offer) throw new Error('The catalog has no license-based offer with a one-year term.');
  const termStart = new Date(now.getTime() - 200 * DAY_MS);
  const registration = {
    customerId: customer.id,
    offerId: offer.id,
    channel: 'OPEN',
    externalReference: `OPEN-${randomUUID().slice(0, 8).toUpperCase()}`,
    quantity: 10,
    termStart: isoDate(termStart),
    termEnd: isoDate(new Date(termStart.getTime() + 365 * DAY_MS)),
    autoRenew: true,
  };
  // The domain package's schema is the API's: a malformed input is caught here, with the field named.
  const checked = parseInput(subscriptionRegisterExternalInputSchema, registration);
  if (!checked.ok)
    throw new RefusedError(
      'subscriptionRegisterExternal (checked locally)',
      checked.errors.map((error) => ({ ...error, field: error.field ?? null })),
    );
  const badQuantity = parseInput(subscriptionRegisterExternalInputSchema, {
    ...registration,
    quantity: 0,
  });
  if (!badQuantity.ok)
    log(
      `Checked locally before sending: quantity 0 → ${badQuantity.errors.map(describeUserError).join('; ')}`,
    );

  const registered = await mutate<SubscriptionRegisterExternalData>(
    client,
    SUBSCRIPTION_REGISTER_EXTERNAL,
    registration,
    randomUUID(),
    (data) => data.subscriptionRegisterExternal,
  );
  const { subscription, userErrors: registerErrors } = registered.subscriptionRegisterExternal;
  if (registerErrors.length || !subscription)
    throw new RefusedError('subscriptionRegisterExternal', registerErrors);
  log(
    `Registered ${subscription.offer.name} × ${subscription.quantity ?? 0} (${subscription.channel} ${subscription.externalReference ?? ''}) ` +
      `for ${subscription.customer.companyName}: ${subscription.id}, ${subscription.status}, term ends ${subscription.termEndDate?.slice(0, 10) ?? 'never'}`,
  );

  // 4. Can it move, and how? The domain package knows the path; the API knows the facts.
  log(
    `The domain package says ${subscription.channel} ${offer.billingModel} moves by ${transferKindFor({ channel: subscription.channel, billingModel: offer.billingModel }) ?? 'no transfer'}`,
  );
  const { node } = await client.request<TransferEligibilityData>(TRANSFER_ELIGIBILITY, {
    variables: { id: subscription.id },
  });
  if (!node) throw new Error(`Subscription ${subscription.id} is not visible.`);
  const eligibility = node.transferEligibility;
  if (!eligibility.eligible || !eligibility.kind) {
    for (const reason of eligibility.reasons) log(`  cannot move: ${describeUserError(reason)}`);
    throw new Error('The registered subscription cannot move to CSP.');
  }
  log(
    `Eligible for ${eligibility.kind}${eligibility.scheduleAt ? `, scheduled for ${eligibility.scheduleAt.slice(0, 10)}` : ''}`,
  );

  // 5. Ask for the move with an Idempotency-Key. If the answer is lost (a timeout, a dropped
  // connection), send the very same request with the very same key: the API replays its first answer.
  const transferInput = {
    kind: eligibility.kind,
    customerId: customer.id,
    subscriptionIds: [subscription.id],
  };
  const transferKey = randomUUID();
  const first = await mutate<TransferCreateData>(
    client,
    TRANSFER_CREATE,
    transferInput,
    transferKey,
    (data) => data.transferCreate,
  );
  const { transfer, userErrors: transferErrors } = first.transferCreate;
  if (transferErrors.length || !transfer) throw new RefusedError('transferCreate', transferErrors);
  log(
    `Transfer created with Idempotency-Key ${transferKey}: ${transfer.id}, ${transfer.kind}, ${transfer.status}`,
  );

  const retried = await mutate<TransferCreateData>(
    client,
    TRANSFER_CREATE,
    transferInput,
    transferKey,
    (data) => data.transferCreate,
  );
  const replayed = retried.transferCreate.transfer;
  if (!replayed || replayed.id !== transfer.id)
    throw new Error(
      `The retry answered with another transfer (${replayed?.id ?? 'none'}): idempotency is broken.`,
    );
  log(
    `Retried with the same key: the same transfer ${replayed.id} (${replayed.status}), nothing created twice`,
  );

  // 6. Refusals are data. A new request (new key) for the same subscription is refused by a rule…
  const again = await mutate<TransferCreateData>(
    client,
    TRANSFER_CREATE,
    transferInput,
    randomUUID(),
    (data) => data.transferCreate,
  );
  for (const error of again.transferCreate.userErrors)
    log(`Refused as expected: ${describeUserError(error)} → ${adviceFor(error.code)}`);
  // …and the first request's key sent with edited input is refused too, rather than answered with
  // the first request's result.
  const reused = await mutate<TransferCreateData>(
    client,
    TRANSFER_CREATE,
    { ...transferInput, effective: 'AT_TERM_END' },
    transferKey,
    (data) => data.transferCreate,
  );
  for (const error of reused.transferCreate.userErrors)
    log(`Refused as expected: ${describeUserError(error)} → ${adviceFor(error.code)}`);

  // 7. A webhook delivery about the transfer, signed as Switchyard signs it, then verified as a receiver does.
  const secret = options.webhookSecret ?? 'whsec_example_only';
  const body = JSON.stringify({
    id: randomUUID(),
    type: 'transfer.created',
    occurredAt: now.toISOString(),
    data: { transferId: transfer.id },
  });
  const header = signatureHeader(secret, body, now);
  const verified = verifySignature(secret, header, body, { now });
  log(`Webhook ${SIGNATURE_HEADER}: ${verified.ok ? 'verified' : `rejected (${verified.reason})`}`);
  const tampered = verifySignature(
    secret,
    header,
    body.replace('transfer.created', 'transfer.completed'),
    { now },
  );
  log(
    `Tampered webhook body: ${tampered.ok ? 'verified (this is a bug)' : `rejected (${tampered.reason})`}`,
  );
  const replay = verifySignature(secret, header, body, {
    now: new Date(now.getTime() + 10 * 60_000),
  });
  log(
    `Webhook replayed 10 minutes later: ${replay.ok ? 'verified (this is a bug)' : `rejected (${replay.reason})`}`,
  );

  return {
    customerCount: customers.length,
    subscriptionId: subscription.id,
    transferId: transfer.id,
  };
}
