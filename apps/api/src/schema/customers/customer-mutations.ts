/**
 * The customer mutations (domain.md §1, §3, §11): `customerCreate` (a new tenant in your cloud, with
 * your `ACTIVE` relationship at once) and `customerUpdate` (its name or primary domain). Resolvers
 * are thin: each hands its input to `runMutation` with the business function in
 * src/services/customers/. Inputs stay loose (ids and strings): the domain's schemas validate them,
 * so a bad value comes back as a `userErrors` entry, never a top-level error.
 */
import { MUTATION_PERMISSIONS } from '@switchyard/domain';
import { builder } from '../../builder.js';
import { customerCreate } from '../../services/customers/create-customer.js';
import { customerUpdate } from '../../services/customers/update-customer.js';
import { runMutation } from '../../services/mutation/run-mutation.js';
import { mutationPayload } from '../mutation-payload.js';
import { Relationship } from '../relationships/relationship.js';
import { Customer } from './customer.js';

const CustomerCreateInput = builder.inputType('CustomerCreateInput', {
  description:
    'A new customer tenant. It joins your organisation’s cloud; the Germany cloud accepts no new customers.',
  fields: (t) => ({
    companyName: t.string({ required: true }),
    primaryDomain: t.string({
      required: true,
      description: 'Unique within the cloud, e.g. adatum.onmicrosoft.com.',
    }),
    country: t.string({
      required: true,
      description: 'ISO 3166 alpha-2 code; must be one of your markets.',
    }),
    indirectProviderId: t.id({
      description:
        'Indirect resellers: the indirect provider (an active link) you sell through to this customer; it gets its own relationship too.',
    }),
  }),
});

const CustomerUpdateInput = builder.inputType('CustomerUpdateInput', {
  description:
    'A new company name or primary domain. Needs an active relationship with the customer.',
  fields: (t) => ({
    customerId: t.id({ required: true }),
    expectedVersion: t.int({
      description: 'The `version` you last read; refused with STALE_VERSION if it changed since.',
    }),
    companyName: t.string(),
    primaryDomain: t.string(),
  }),
});

const CustomerCreatePayload = mutationPayload('CustomerCreate', {
  description: 'The result of `customerCreate`.',
  fields: {
    customer: { type: Customer, description: 'The new customer; null when refused.' },
    relationship: {
      type: Relationship,
      description: 'Your organisation’s `ACTIVE` relationship with it; null when refused.',
    },
  },
});

const CustomerUpdatePayload = mutationPayload('CustomerUpdate', {
  description: 'The result of `customerUpdate`.',
  fields: {
    customer: { type: Customer, description: 'The customer as it is now; null when refused.' },
  },
});

builder.mutationField('customerCreate', (t) =>
  t.field({
    type: CustomerCreatePayload,
    description:
      'Create a customer in your cloud. Your organisation has an active relationship with it at once (an indirect reseller names its provider, which gets one too).',
    authScopes: { permission: MUTATION_PERMISSIONS.customerCreate },
    args: { input: t.arg({ type: CustomerCreateInput, required: true }) },
    resolve: (_root, { input }, context) => runMutation(context, customerCreate, input) as never,
  }),
);

builder.mutationField('customerUpdate', (t) =>
  t.field({
    type: CustomerUpdatePayload,
    description: 'Change a customer’s company name or primary domain.',
    authScopes: { permission: MUTATION_PERMISSIONS.customerUpdate },
    args: { input: t.arg({ type: CustomerUpdateInput, required: true }) },
    resolve: (_root, { input }, context) => runMutation(context, customerUpdate, input) as never,
  }),
);
