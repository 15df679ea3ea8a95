/**
 * `pnpm start`: runs the example integration against SWITCHYARD_URL with SWITCHYARD_API_KEY
 * (see config.ts) and prints each step. Exits 1 with the reason when a step fails.
 */
import { ConfigError, readConfig } from './config.js';
import { RefusedError, runIntegration } from './integration.js';
import { SwitchyardClient, SwitchyardRequestError } from './switchyard-client.js';

const log = (line: string) => process.stdout.write(`${line}\n`);

try {
  const config = readConfig(process.env);
  log(`Switchyard at ${config.url}`);
  const client = new SwitchyardClient({ url: config.url, apiKey: config.apiKey });
  const result = await runIntegration({
    client,
    log,
    pageSize: config.pageSize,
    ...(config.webhookSecret ? { webhookSecret: config.webhookSecret } : {}),
  });
  log(
    `Done: ${result.customerCount} customers listed, subscription ${result.subscriptionId}, transfer ${result.transferId}`,
  );
} catch (error) {
  if (error instanceof ConfigError || error instanceof RefusedError) {
    process.stderr.write(`✗ ${error.message}\n`);
  } else if (error instanceof SwitchyardRequestError) {
    process.stderr.write(
      `✗ The API refused the request (${error.code}, HTTP ${error.status}): ${error.message}\n`,
    );
  } else {
    process.stderr.write(
      `✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exitCode = 1;
}
