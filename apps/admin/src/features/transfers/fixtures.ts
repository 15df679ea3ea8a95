/**
 * Test factories for the transfers feature, shaped as the API answers (with `__typename`, which
 * the cache needs). Each call makes a distinct transfer, so tests never share ids by accident.
 */
import type { TransferListItem } from './queries';

let sequence = 0;

/** A transfer as `TransferList` lists it; `companyName` names its customer. */
export function transferListItem(
  { companyName, ...overrides }: Partial<TransferListItem> & { companyName?: string } = {},
): TransferListItem & { __typename: 'Transfer' } {
  sequence += 1;
  return {
    __typename: 'Transfer',
    id: `VHJhbnNmZXI6${sequence}`,
    kind: 'PARTNER_SWITCH',
    status: 'PENDING',
    sourceChannel: 'CSP',
    createdAt: '2026-11-20T09:00:00.000Z',
    effectiveAt: null,
    expiresAt: '2026-12-20T09:00:00.000Z',
    customer: { __typename: 'Customer', id: `Q3VzdG9tZXI6${sequence}`, companyName: companyName ?? `Customer ${sequence}` },
    sourcePartner: { __typename: 'Partner', id: `UGFydG5lcjpz${sequence}`, name: 'Tailspin Managed Services' },
    targetPartner: { __typename: 'Partner', id: `UGFydG5lcjp0${sequence}`, name: 'Contoso Cloud Services' },
    lineItems: [{ __typename: 'TransferLineItem', id: `TGluZUl0ZW06${sequence}` }],
    ...overrides,
  } as TransferListItem & { __typename: 'Transfer' };
}

export function transferListResult(nodes: TransferListItem[]) {
  return {
    data: {
      transfers: {
        __typename: 'TransferConnection',
        totalCount: nodes.length,
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: null,
          endCursor: null,
        },
        nodes,
      },
    },
  };
}
