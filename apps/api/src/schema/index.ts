/** The GraphQL schema: imports every feature (each registers its types and fields) and builds it. */
import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './partners/partner.js';
import './users/user.js';
import './viewer/viewer.js';
import './access/api-key.js';
import './access/access-mutations.js';

builder.queryType({});
builder.mutationType({});

export const schema = builder.toSchema();
