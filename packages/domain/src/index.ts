/**
 * @switchyard/domain — the vocabulary, input schemas, error codes and rules of Switchyard, shared by
 * the API, the admin app and third-party clients. Pure: no database, network or React.
 */
// Vocabulary
export * from './errors.js';
export * from './clouds.js';
export * from './countries.js';
export * from './partners.js';
export * from './offers.js';
export * from './channels.js';
export * from './subscriptions.js';
export * from './relationships.js';
export * from './transfers.js';
export * from './roles.js';
export * from './webhooks.js';
export * from './mutations.js';
export * from './subscription-imports.js';

// Input schemas
export * from './inputs/fields.js';
export * from './inputs/parse-input.js';
export * from './inputs/customer-inputs.js';
export * from './inputs/relationship-inputs.js';
export * from './inputs/subscription-inputs.js';
export * from './inputs/csv-file.js';
export * from './inputs/external-subscription-csv.js';
export * from './inputs/subscription-import-inputs.js';
export * from './inputs/transfer-inputs.js';
export * from './inputs/indirect-link-inputs.js';
export * from './inputs/access-inputs.js';
export * from './inputs/webhook-inputs.js';
export * from './inputs/user-invitation-inputs.js';
export * from './inputs/mutation-inputs.js';

// Rules
export * from './facts.js';
export * from './rule-result.js';
export * from './rules/plan-relationship.js';
export * from './rules/create-customer.js';
export * from './rules/update-customer.js';
export * from './rules/request-relationship.js';
export * from './rules/terminate-relationship.js';
export * from './rules/sell-subscription.js';
export * from './rules/manage-subscription.js';
export * from './rules/change-subscription.js';
export * from './rules/renew-subscription.js';
export * from './rules/standard-term.js';
export * from './rules/change-indirect-link.js';
export * from './rules/check-transfer-eligibility.js';
export * from './rules/respond-transfer.js';
export * from './rules/plan-csp-replacement.js';
export * from './rules/manage-access.js';
