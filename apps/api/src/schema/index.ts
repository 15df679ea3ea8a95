/** The GraphQL schema: imports every feature (each registers its types and fields) and builds it. */
import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './partners/partner.js';
import './users/user.js';
import './viewer/viewer.js';
import './access/api-key.js';
import './access/access-mutations.js';
import './json-scalar.js';
import './partners/indirect-link.js';
import './customers/customer.js';
import './subscriptions/subscription.js';
import './subscriptions/subscription-mutations.js';
import './relationships/relationship.js';
import './transfers/transfer.js';
import './transfers/transfer-mutations.js';
import './transfers/transfer-eligibility.js';
import './offers/offer.js';
import './audit/audit-event.js';
import './customers/customer-queries.js';
import './subscriptions/subscription-queries.js';
import './channels/channel.js';
import './offers/offer-queries.js';
import './transfers/transfer-queries.js';
import './audit/audit-event-queries.js';
import './relationships/relationship-queries.js';
import './customers/customer-mutations.js';
import './relationships/relationship-mutations.js';
import './indirect-links/indirect-link-mutations.js';
import './webhooks/webhook-subscription.js';
import './webhooks/webhook-mutations.js';

builder.queryType({});
builder.mutationType({});

export const schema = builder.toSchema();
