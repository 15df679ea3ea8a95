/**
 * The customers feature's addresses. The list's search and page live in the URL, so a list can be
 * bookmarked, shared, and returned to with the back button.
 */
import { withSearchParams } from '../../app/router';

export const customerSection = '/customers';
export const customerListPath = customerSection;
export const customerPathPattern = `${customerSection}/:id`;

export interface CustomerListUrlParams {
  search?: string | undefined;
  /** Page forward: customers after this cursor. */
  after?: string | undefined;
  /** Page back: customers before this cursor. */
  before?: string | undefined;
}

export function customerListUrl(params: CustomerListUrlParams = {}): string {
  return withSearchParams(customerListPath, {
    search: params.search,
    after: params.after,
    before: params.before,
  });
}

export function readCustomerListParams(searchParams: URLSearchParams): CustomerListUrlParams {
  return {
    search: searchParams.get('search') ?? undefined,
    after: searchParams.get('after') ?? undefined,
    before: searchParams.get('before') ?? undefined,
  };
}

export function customerUrl(id: string): string {
  return `${customerSection}/${encodeURIComponent(id)}`;
}
