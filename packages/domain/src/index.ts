/**
 * @switchyard/domain — the vocabulary, input schemas, error codes and rules of Switchyard, shared by
 * the API, the admin app and third-party clients. Pure: no database, network or React.
 */
export * from './errors.js';
export * from './clouds.js';
export * from './partners.js';
export * from './offers.js';
export * from './channels.js';
export * from './subscriptions.js';
export * from './relationships.js';
export * from './transfers.js';
export * from './roles.js';
