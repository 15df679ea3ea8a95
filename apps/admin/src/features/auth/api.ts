/**
 * The session endpoints, outside GraphQL because they set and clear the httpOnly session cookie:
 * `POST /auth/login` with `{ email, password }` and `POST /auth/logout`. Failures come back as
 * data (`{ ok: false, … }`), never as thrown errors, so the form can show each one.
 */
import type { Role } from '@switchyard/domain';
import { GRAPHQL_HEADERS } from '../../app/graphql-endpoint';

export const LOGIN_URL = '/auth/login';
export const LOGOUT_URL = '/auth/logout';

export interface SignInCredentials {
  email: string;
  password: string;
}

export interface SignedIn {
  user: { email: string; name: string; role: Role };
  partner: { name: string };
}

export type SignInFailure =
  /**
   * The API refused: `UNAUTHENTICATED` (wrong email or password), `LOGIN_THROTTLED`, … Typed as a
   * string: an API newer than this app may send a code the app does not know yet.
   */
  | { kind: 'refused'; code: string; message: string }
  /** The request never got an answer. */
  | { kind: 'network' }
  /** An answer without the expected shape (a 5xx, a proxy's error page). */
  | { kind: 'unexpected'; status: number };

export type SignInResult = ({ ok: true } & SignedIn) | ({ ok: false } & SignInFailure);

interface ErrorBody {
  error?: { code?: unknown; message?: unknown };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    credentials: 'include',
    // JSON plus the preflight header: the same CSRF guard as GraphQL, for the cookie's own routes.
    headers: { 'content-type': 'application/json', ...GRAPHQL_HEADERS },
    body: JSON.stringify(body),
  });
}

export async function signIn(credentials: SignInCredentials): Promise<SignInResult> {
  let response: Response;
  try {
    response = await postJson(LOGIN_URL, credentials);
  } catch {
    return { ok: false, kind: 'network' };
  }
  const body = await readJson(response);
  if (response.ok && body && typeof body === 'object' && 'user' in body && 'partner' in body) {
    return { ok: true, ...(body as SignedIn) };
  }
  const error = (body as ErrorBody | undefined)?.error;
  if (response.status < 500 && typeof error?.code === 'string') {
    return {
      ok: false,
      kind: 'refused',
      code: error.code,
      message: typeof error.message === 'string' ? error.message : '',
    };
  }
  return { ok: false, kind: 'unexpected', status: response.status };
}

export async function signOut(): Promise<boolean> {
  try {
    const response = await postJson(LOGOUT_URL, {});
    // 401: the session was already gone, which is what signing out wants.
    return response.ok || response.status === 401;
  } catch {
    return false;
  }
}
