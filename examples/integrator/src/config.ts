/**
 * The example's configuration, from the environment:
 *   SWITCHYARD_URL              the API's base URL (default http://localhost:4000)
 *   SWITCHYARD_API_KEY          an API key (Settings → API keys in the admin app; demo: sy_demo_contoso_0001)
 *   SWITCHYARD_WEBHOOK_SECRET   your webhook endpoint's secret (optional; the example signs its own sample)
 *   SWITCHYARD_PAGE_SIZE        customers per page, 1–100 (default 5)
 */
export interface IntegratorConfig {
  url: string;
  apiKey: string;
  webhookSecret: string | undefined;
  pageSize: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv): IntegratorConfig {
  const url = env.SWITCHYARD_URL?.trim() || 'http://localhost:4000';
  if (!/^https?:\/\//.test(url))
    throw new ConfigError(
      `SWITCHYARD_URL must be an http(s) URL, e.g. http://localhost:4000 (got "${url}").`,
    );
  const apiKey = env.SWITCHYARD_API_KEY?.trim();
  if (!apiKey)
    throw new ConfigError(
      'Set SWITCHYARD_API_KEY to an API key (the demo world has sy_demo_contoso_0001).',
    );
  const pageSize = Number(env.SWITCHYARD_PAGE_SIZE ?? 5);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new ConfigError(
      `SWITCHYARD_PAGE_SIZE must be a whole number from 1 to 100 (got "${env.SWITCHYARD_PAGE_SIZE}").`,
    );
  }
  return {
    url,
    apiKey,
    webhookSecret: env.SWITCHYARD_WEBHOOK_SECRET?.trim() || undefined,
    pageSize,
  };
}
