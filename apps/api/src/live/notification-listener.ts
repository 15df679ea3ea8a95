/**
 * Each API instance's one `LISTEN switchyard_live`: on PostgreSQL a dedicated connection (not from
 * the pool, which runs transactions), reopened with backoff when it fails; on PGlite the
 * in-process database's own `listen`, which hears the NOTIFY of the same instance. Every valid
 * notification is handed to `onEvent`; anything else on the channel is ignored.
 */
import pg from 'pg';
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';
import { LIVE_CHANNEL, parseLiveNotification } from './live-notification.js';
import type { LiveEvent } from './live-notification.js';

export interface NotificationListener {
  close(): Promise<void>;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

export async function listenForLiveEvents(database: Database, onEvent: (event: LiveEvent) => void, logger: Logger): Promise<NotificationListener> {
  const deliver = (text: string | undefined) => {
    const event = text === undefined ? undefined : parseLiveNotification(text);
    if (event) onEvent(event);
  };
  if (database.kind === 'pglite') {
    const unlisten = await database.pglite.listen(LIVE_CHANNEL, deliver);
    return { close: () => unlisten() };
  }
  return listenOnPostgres(database.pool.options, deliver, logger);
}

async function listenOnPostgres(options: pg.PoolConfig, deliver: (text: string | undefined) => void, logger: Logger): Promise<NotificationListener> {
  let client: pg.Client | undefined;
  let isClosed = false;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ ...options, application_name: 'switchyard-live' });
    // A lost connection emits `error` and then `end`; reconnect once, on `end`.
    next.on('error', (error) => logger.warn('Live updates: the LISTEN connection failed', error));
    next.on('end', () => {
      if (client === next) client = undefined;
      scheduleReconnect();
    });
    next.on('notification', (message) => {
      if (message.channel === LIVE_CHANNEL) deliver(message.payload);
    });
    await next.connect();
    await next.query(`LISTEN ${LIVE_CHANNEL}`);
    if (isClosed) {
      await next.end();
      return;
    }
    client = next;
    retryMs = FIRST_RETRY_MS;
  };

  const scheduleReconnect = () => {
    if (isClosed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().catch((error: unknown) => {
        logger.warn(`Live updates: cannot LISTEN yet, retrying in ${retryMs / 1000} s`, error);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        scheduleReconnect();
      });
    }, retryMs);
  };

  // The first connection must succeed: a server that cannot listen fails at start-up, like one that cannot query.
  try {
    await connect();
  } catch (error) {
    isClosed = true;
    clearTimeout(retryTimer);
    throw error;
  }
  return {
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      await client?.end();
    },
  };
}
