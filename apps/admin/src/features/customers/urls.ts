/**
 * The customers feature's addresses. The list's search, filters, sort and page live in the URL, so
 * a list can be bookmarked, shared, linked to from the overview, and returned to with the back button.
 */
import { CHANNELS, CLOUDS } from '@switchyard/domain';
import type { Channel, Cloud } from '@switchyard/domain';
import { withSearchParams } from '../../app/router';

export const customerSection = '/customers';
export const customerListPath = customerSection;
export const customerCreatePath = `${customerSection}/new`;
export const customerPathPattern = `${customerSection}/:id`;

export const CUSTOMER_RELATIONSHIP_FILTERS = ['ACTIVE', 'PENDING', 'TERMINATED'] as const;
export type CustomerRelationshipFilter = (typeof CUSTOMER_RELATIONSHIP_FILTERS)[number];

export const CUSTOMER_SORTS = [
  'COMPANY_NAME_ASC',
  'COMPANY_NAME_DESC',
  'PRIMARY_DOMAIN_ASC',
  'CREATED_AT_DESC',
  'CREATED_AT_ASC',
] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export interface CustomerListUrlParams {
  search?: string | undefined;
  cloud?: Cloud | undefined;
  channel?: Channel | undefined;
  relationship?: CustomerRelationshipFilter | undefined;
  sort?: CustomerSort | undefined;
  /** Page forward: customers after this cursor. */
  after?: string | undefined;
  /** Page back: customers before this cursor. */
  before?: string | undefined;
}

export function customerListUrl(params: CustomerListUrlParams = {}): string {
  return withSearchParams(customerListPath, {
    search: params.search,
    cloud: params.cloud,
    channel: params.channel,
    relationship: params.relationship,
    sort: params.sort,
    after: params.after,
    before: params.before,
  });
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function readCustomerListParams(searchParams: URLSearchParams): CustomerListUrlParams {
  return {
    search: searchParams.get('search') ?? undefined,
    cloud: oneOf(CLOUDS, searchParams.get('cloud')),
    channel: oneOf(CHANNELS, searchParams.get('channel')),
    relationship: oneOf(CUSTOMER_RELATIONSHIP_FILTERS, searchParams.get('relationship')),
    sort: oneOf(CUSTOMER_SORTS, searchParams.get('sort')),
    after: searchParams.get('after') ?? undefined,
    before: searchParams.get('before') ?? undefined,
  };
}

/** `COMPANY_NAME_DESC` → the API's `{ field: COMPANY_NAME, direction: DESC }`. */
export function customerOrder(sort: CustomerSort) {
  const direction = sort.endsWith('_DESC') ? 'DESC' : 'ASC';
  const field = sort.slice(0, sort.lastIndexOf('_')) as
    'COMPANY_NAME' | 'PRIMARY_DOMAIN' | 'CREATED_AT';
  return { field, direction } as const;
}

export function customerUrl(id: string): string {
  return `${customerSection}/${encodeURIComponent(id)}`;
}

export function customerTransferUrl(id: string, subscriptionId?: string): string {
  return withSearchParams(`${customerUrl(id)}/transfer`, { subscription: subscriptionId });
}
export const customerTransferPathPattern = `${customerSection}/:id/transfer`;
