/** `GET /export/customers.csv`: the `customers` list with its filters (search, cloud, channel, relationship status). */
import { CHANNELS, CLOUDS } from '@switchyard/domain';
import { and, asc, gt } from 'drizzle-orm';
import { z } from 'zod';
import { customers } from '../db/schema/index.js';
import { CUSTOMER_RELATIONSHIP_STATUSES } from '../schema/customers/customer.js';
import type { CustomerRelationshipStatus } from '../schema/customers/customer.js';
import { customerListFilter } from '../schema/customers/customer-filters.js';
import type { CustomerListArgs } from '../schema/customers/customer-filters.js';
import { customerRelationshipStatusSql } from '../schema/customers/visibility.js';
import { encodeGlobalId } from '../schema/global-id.js';
import type { CsvExport } from './csv-export.js';

type CustomerExportRow = Pick<
  typeof customers.$inferSelect,
  'id' | 'tenantId' | 'companyName' | 'primaryDomain' | 'country' | 'cloud' | 'isPartnerTenant' | 'createdAt' | 'updatedAt'
> & { relationshipStatus: CustomerRelationshipStatus | null };

export const customersExport: CsvExport<CustomerListArgs, CustomerExportRow> = {
  name: 'customers',
  permission: 'customers:read',
  filters: z.strictObject({
    search: z.string().max(200).optional(),
    cloud: z.enum(CLOUDS).optional(),
    channel: z.enum(CHANNELS).optional(),
    relationshipStatus: z.enum(CUSTOMER_RELATIONSHIP_STATUSES).optional(),
  }),
  columns: [
    { header: 'id', value: (row) => encodeGlobalId('Customer', row.id) },
    { header: 'tenantId', value: (row) => row.tenantId },
    { header: 'companyName', value: (row) => row.companyName },
    { header: 'primaryDomain', value: (row) => row.primaryDomain },
    { header: 'country', value: (row) => row.country },
    { header: 'cloud', value: (row) => row.cloud },
    { header: 'isPartnerTenant', value: (row) => row.isPartnerTenant },
    { header: 'relationshipStatus', value: (row) => row.relationshipStatus },
    { header: 'createdAt', value: (row) => row.createdAt },
    { header: 'updatedAt', value: (row) => row.updatedAt },
  ],
  loadBatch: (context, filters, afterId, limit) =>
    context.db
      .select({
        id: customers.id,
        tenantId: customers.tenantId,
        companyName: customers.companyName,
        primaryDomain: customers.primaryDomain,
        country: customers.country,
        cloud: customers.cloud,
        isPartnerTenant: customers.isPartnerTenant,
        relationshipStatus: customerRelationshipStatusSql(context, customers),
        createdAt: customers.createdAt,
        updatedAt: customers.updatedAt,
      })
      .from(customers)
      .where(and(customerListFilter(context, customers, filters), afterId ? gt(customers.id, afterId) : undefined))
      .orderBy(asc(customers.id))
      .limit(limit),
};

