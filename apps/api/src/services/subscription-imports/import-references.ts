/**
 * A file names customers by primary domain and offers by SKU; these find them among what the
 * partner may see (customers it has a relationship or a pending request with, in its cloud; its
 * cloud's catalog), as the global ids `subscriptionRegisterExternal` takes. The preview marks a row
 * whose customer or offer is not found; the job checks again (either may have gone since).
 */
import type { ExternalSubscriptionCsvRow, UserError } from '@switchyard/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { AppTransaction } from '../../db/client.js';
import { customers, offers } from '../../db/schema/index.js';
import { visibleCustomersFilter } from '../../schema/customers/visibility.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import { visibleOffersFilter } from '../../schema/offers/visibility.js';

type References = Pick<ExternalSubscriptionCsvRow, 'customer_domain' | 'offer_sku'>;

/** The batch's customers by primary domain, among those the partner may see in its cloud → their global ids. */
export async function customerIdsByDomain(tx: AppTransaction, context: Context, rows: readonly References[]): Promise<Map<string, string>> {
  const domains = [...new Set(rows.map((row) => row.customer_domain))];
  if (domains.length === 0) return new Map();
  const found = await tx
    .select({ id: customers.id, primaryDomain: customers.primaryDomain })
    .from(customers)
    .where(and(inArray(customers.primaryDomain, domains), eq(customers.cloud, context.partner.cloud), visibleCustomersFilter(context)));
  return new Map(found.map((customer) => [customer.primaryDomain, encodeGlobalId('Customer', customer.id)]));
}

/** The batch's offers by SKU (in any case), in the partner's cloud catalog → their global ids. */
export async function offerIdsBySku(tx: AppTransaction, context: Context, rows: readonly References[]): Promise<Map<string, string>> {
  const skus = [...new Set(rows.map((row) => row.offer_sku.toLowerCase()))];
  if (skus.length === 0) return new Map();
  const found = await tx
    .select({ id: offers.id, sku: offers.sku })
    .from(offers)
    .where(and(inArray(sql`lower(${offers.sku})`, skus), visibleOffersFilter(context)));
  return new Map(found.map((offer) => [offer.sku.toLowerCase(), encodeGlobalId('Offer', offer.id)]));
}

/** Why a row's customer or offer cannot be used: NOT_FOUND on its column. */
export function unresolvedReferenceErrors(row: References, customerIds: Map<string, string>, offerIds: Map<string, string>): UserError[] {
  const errors: UserError[] = [];
  if (!customerIds.has(row.customer_domain)) {
    errors.push({
      code: 'NOT_FOUND',
      message: `No customer with the primary domain ${row.customer_domain} that you have a relationship with in your cloud.`,
      field: ['customer_domain'],
    });
  }
  if (!offerIds.has(row.offer_sku.toLowerCase())) {
    errors.push({ code: 'NOT_FOUND', message: `No offer with the SKU ${row.offer_sku} in your cloud's catalog.`, field: ['offer_sku'] });
  }
  return errors;
}
