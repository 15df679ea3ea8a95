/** The bulk import feature's addresses: a new import (optionally for one customer) and one import. */
import { withSearchParams } from '../../app/router';

export const subscriptionImportSection = '/imports';
export const subscriptionImportNewPath = `${subscriptionImportSection}/new`;
export const subscriptionImportPathPattern = `${subscriptionImportSection}/:id`;

export function subscriptionImportNewUrl(customerId?: string): string {
  return withSearchParams(subscriptionImportNewPath, { customer: customerId });
}

export function subscriptionImportUrl(id: string): string {
  return `${subscriptionImportSection}/${encodeURIComponent(id)}`;
}
