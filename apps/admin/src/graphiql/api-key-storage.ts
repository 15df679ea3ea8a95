/**
 * Where GraphiQL keeps the developer's API key between visits: this browser's localStorage.
 * Developer tooling only; the admin app itself authenticates with its httpOnly session cookie.
 */
const STORAGE_KEY = 'switchyard.graphiql.apiKey';

export function readStoredApiKey(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY) || null;
  } catch {
    return null; // Storage disabled (private mode, policy): work without remembering.
  }
}

export function storeApiKey(apiKey: string | null): void {
  try {
    if (apiKey) window.localStorage.setItem(STORAGE_KEY, apiKey);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the key still applies to this visit.
  }
}
