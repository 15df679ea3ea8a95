/** Every table of Switchyard. Relations (RQB v2) are in ../relations.ts. */
export * from './enums.js';
export * from './partners.js';
export * from './customers.js';
export * from './subscriptions.js';
export * from './transfers.js';
export * from './access.js';
export * from './records.js';
export * from './rate-limits.js';
export * from './webhooks.js';
export * from './subscription-imports.js';
