import { describe, expect, it } from 'vitest';

import { MUTATIONS } from '../mutations.js';
import type { MutationName } from '../mutations.js';
import { MUTATION_INPUT_SCHEMAS } from './mutation-inputs.js';
import { parseInput } from './parse-input.js';

/** One accepted and one refused input per mutation; `satisfies` makes a new mutation fail here until it has both. */
const EXAMPLES = {
  customerCreate: {
    valid: { companyName: 'Adatum', primaryDomain: 'adatum.onmicrosoft.com', country: 'US' },
    invalid: { companyName: 'Adatum', primaryDomain: 'adatum', country: 'US' },
    field: ['primaryDomain'],
  },
  customerUpdate: {
    valid: { customerId: 'c1', expectedVersion: 3, companyName: 'Adatum Corp' },
    invalid: { customerId: 'c1', expectedVersion: 0, companyName: 'Adatum Corp' },
    field: ['expectedVersion'],
  },
  relationshipRequestCreate: {
    valid: { customerId: 'c1', delegatedAdmin: true, message: 'Hello' },
    invalid: { customerId: '', delegatedAdmin: true },
    field: ['customerId'],
  },
  relationshipRequestAccept: {
    valid: { token: 'abc123' },
    invalid: { token: ' ' },
    field: ['token'],
  },
  relationshipRequestDecline: {
    valid: { token: 'abc123', reason: 'No thanks' },
    invalid: {},
    field: ['token'],
  },
  relationshipRequestRevoke: {
    valid: { requestId: 'r1' },
    invalid: { requestId: 7 },
    field: ['requestId'],
  },
  relationshipTerminate: {
    valid: { relationshipId: 'rel1', expectedVersion: 1 },
    invalid: { relationshipId: 'rel1', expectedVersion: 1.5 },
    field: ['expectedVersion'],
  },
  subscriptionCreate: {
    valid: { customerId: 'c1', offerId: 'o1', quantity: 25, term: 'P1Y', billingCycle: 'ANNUAL' },
    invalid: { customerId: 'c1', offerId: 'o1', quantity: 25, term: 'P2Y', billingCycle: 'ANNUAL' },
    field: ['term'],
  },
  subscriptionRegisterExternal: {
    valid: {
      customerId: 'c1',
      offerId: 'o1',
      channel: 'EA',
      externalReference: '87654321',
      termStart: '2025-01-01',
      termEnd: '2028-01-01',
      services: [{ name: 'Virtual Machines' }],
    },
    invalid: {
      customerId: 'c1',
      offerId: 'o1',
      channel: 'CSP',
      externalReference: '87654321',
      termStart: '2025-01-01',
      termEnd: '2028-01-01',
    },
    field: ['channel'],
  },
  subscriptionManage: {
    valid: { subscriptionId: 's1' },
    invalid: { subscriptionId: null },
    field: ['subscriptionId'],
  },
  subscriptionUpdate: {
    valid: { subscriptionId: 's1', quantity: 12 },
    invalid: { subscriptionId: 's1', quantity: 100_001 },
    field: ['quantity'],
  },
  subscriptionSuspend: {
    valid: { subscriptionId: 's1', reason: 'Unpaid invoice' },
    invalid: { subscriptionId: 's1', reason: 'x'.repeat(1001) },
    field: ['reason'],
  },
  subscriptionReactivate: {
    valid: { subscriptionId: 's1', expectedVersion: 4 },
    invalid: { expectedVersion: 4 },
    field: ['subscriptionId'],
  },
  subscriptionCancel: {
    valid: { subscriptionId: 's1' },
    invalid: { subscriptionId: 's1', expectedVersion: '2' },
    field: ['expectedVersion'],
  },
  subscriptionServiceCancel: {
    valid: { subscriptionId: 's1', serviceId: 'svc1' },
    invalid: { subscriptionId: 's1' },
    field: ['serviceId'],
  },
  transferCreate: {
    valid: {
      kind: 'PARTNER_SWITCH',
      customerId: 'c1',
      subscriptionIds: ['s1', 's2'],
      effective: 'AT_TERM_END',
    },
    invalid: { kind: 'PARTNER_SWITCH', customerId: 'c1', subscriptionIds: [] },
    field: ['subscriptionIds'],
  },
  transferAccept: {
    valid: { transferId: 't1', lineItemIds: ['i1'] },
    invalid: { transferId: 't1', lineItemIds: [] },
    field: ['lineItemIds'],
  },
  transferReject: {
    valid: { transferId: 't1', reason: 'The customer stays with us' },
    invalid: { transferId: 't1', reason: '  ' },
    field: ['reason'],
  },
  transferCancel: {
    valid: { transferId: 't1' },
    invalid: { transferId: ['t1'] },
    field: ['transferId'],
  },
  indirectLinkInvite: {
    valid: { resellerPartnerNumber: '1234567' },
    invalid: { resellerPartnerNumber: '12345' },
    field: ['resellerPartnerNumber'],
  },
  indirectLinkAccept: { valid: { indirectLinkId: 'l1' }, invalid: {}, field: ['indirectLinkId'] },
  indirectLinkUpdate: {
    valid: { indirectLinkId: 'l1', status: 'SUSPENDED' },
    invalid: { indirectLinkId: 'l1', status: 'INVITED' },
    field: ['status'],
  },
  apiKeyCreate: {
    valid: { name: 'Billing export', role: 'BILLING_ADMIN' },
    invalid: { name: 'Billing export', role: 'OWNER' },
    field: ['role'],
  },
  apiKeyRevoke: { valid: { apiKeyId: 'k1' }, invalid: { apiKeyId: '' }, field: ['apiKeyId'] },
  userInvite: {
    valid: { email: 'Agent@Contoso.example', name: 'Agent', role: 'ADMIN_AGENT' },
    invalid: { email: 'agent', name: 'Agent', role: 'ADMIN_AGENT' },
    field: ['email'],
  },
  userUpdate: {
    valid: { userId: 'u1', disabled: true },
    invalid: { userId: 'u1', disabled: 'yes' },
    field: ['disabled'],
  },
} satisfies Record<MutationName, { valid: unknown; invalid: unknown; field: string[] }>;

describe('MUTATION_INPUT_SCHEMAS', () => {
  it('has a schema for every public mutation', () => {
    expect(Object.keys(MUTATION_INPUT_SCHEMAS).sort()).toEqual([...MUTATIONS].sort());
  });

  it.each(MUTATIONS)('%s accepts a well-formed input', (mutation) => {
    expect(parseInput(MUTATION_INPUT_SCHEMAS[mutation], EXAMPLES[mutation].valid)).toMatchObject({
      ok: true,
    });
  });

  it.each(MUTATIONS)('%s refuses a malformed input, pointing at the field', (mutation) => {
    const result = parseInput(MUTATION_INPUT_SCHEMAS[mutation], EXAMPLES[mutation].invalid);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => [error.code, error.field])).toEqual([
      ['VALIDATION_FAILED', EXAMPLES[mutation].field],
    ]);
  });
});
