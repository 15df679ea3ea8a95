/**
 * The API under benchmark, as a child process of bench-command.ts: the production server
 * (src/server.ts, NODE_ENV=production, the same schema, pool size and error masking as `npm start`)
 * on a free loopback port, minus main.ts's demo seeding and banner.
 *
 * Bench-only side channel, over the IPC pipe fork() opens (no HTTP route, nothing a client can
 * reach): the parent asks for the query counter's value (src/db/query-counter.ts) before and after
 * a request it sends alone, which gives that request's exact statement count (each answer also
 * carries the process's CPU time, child-protocol.ts), and may turn on
 * recording of the statements' text to classify them (transaction wrapper, authentication and
 * rate limit, data). Rate limits are set out of reach (see below).
 *
 *   argv: <database config as JSON>
 */
import { createDatabase } from '../src/db/client.js';
import type { DatabaseConfig } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { schema } from '../src/schema/index.js';
import { startServer } from '../src/server.js';
import type { ChildRequest } from './child-protocol.js';
import { reply } from './child-protocol.js';

const UNLIMITED = 1_000_000_000;

const config = JSON.parse(process.argv[2] ?? '{}') as DatabaseConfig;
const database = await createDatabase(config);
const server = await startServer({
  database,
  schema,
  logger: createLogger('error'),
  host: '127.0.0.1',
  port: 0,
  isProduction: true,
  sessionTtlHours: 12,
  publicUrl: 'http://127.0.0.1',
  // The limiter still runs (its statement is part of every request's cost) but never refuses:
  // a benchmark from one API key is exactly what the production limits are there to stop.
  rateLimits: {
    actor: { perMinute: UNLIMITED },
    partner: { perMinute: UNLIMITED },
    anonymous: { perMinute: UNLIMITED },
  },
});

process.on('message', (message: ChildRequest) => {
  const counter = database.queryCounter;
  switch (message.type) {
    case 'count':
      reply({
        type: 'count',
        id: message.id,
        count: counter.count,
        recorded: [...counter.recorded],
      });
      break;
    case 'record':
      counter.reset();
      counter.record = message.on;
      reply({ type: 'count', id: message.id, count: counter.count, recorded: [] });
      break;
    case 'stop':
      void server
        .stop()
        .then(() => database.close())
        // A normal exit, so --cpu-prof writes its profile.
        .finally(() => process.exit(0));
      break;
  }
});
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready', port: server.port });
