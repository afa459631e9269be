/**
 * The logged-in user of this tab: a DirectLogin token obtained with the page's consumer, kept in
 * sessionStorage (this tab only, gone when it closes), and the roles the user holds.
 */
export interface Entitlement {
  role_name: string;
  bank_id: string;
}

export interface Session {
  token: string;
  username: string;
  entitlements: Entitlement[];
}

const storageKey = 'obp-explorer-session';
let current: Session | undefined;
const listeners: (() => void)[] = [];

export function session(): Session | undefined {
  return current;
}

export function onSessionChange(listener: () => void): void {
  listeners.push(listener);
}

function set(next: Session | undefined): void {
  current = next;
  if (next) sessionStorage.setItem(storageKey, JSON.stringify({ token: next.token, username: next.username }));
  else sessionStorage.removeItem(storageKey);
  for (const listener of listeners) listener();
}

export function authHeaders(): Record<string, string> {
  return current ? { DirectLogin: `token=${current.token}` } : {};
}

/** OBP's error body `{code, message}` as one line; anything else as its status. */
async function failure(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON
  }
  return `HTTP ${response.status}`;
}

async function currentUser(version: string, token: string): Promise<{ username: string; entitlements: Entitlement[] }> {
  const response = await fetch(`/obp/${version}/users/current`, { headers: { DirectLogin: `token=${token}` } });
  if (!response.ok) throw new Error(await failure(response));
  const body = (await response.json()) as { username: string; entitlements?: { list?: Entitlement[] } };
  return { username: body.username, entitlements: body.entitlements?.list ?? [] };
}

/** DirectLogin quotes its values: a quote or backslash cannot be sent inside one. */
function quoted(value: string): string {
  if (/["\\]/.test(value)) throw new Error('Username and password cannot contain " or \\ with DirectLogin.');
  return `"${value}"`;
}

export async function login(version: string, consumerKey: string, username: string, password: string): Promise<void> {
  const response = await fetch('/my/logins/direct', {
    method: 'POST',
    headers: { DirectLogin: `username=${quoted(username)}, password=${quoted(password)}, consumer_key=${quoted(consumerKey)}` },
  });
  if (!response.ok) throw new Error(await failure(response));
  const { token } = (await response.json()) as { token: string };
  const user = await currentUser(version, token);
  set({ token, ...user });
}

export async function logout(): Promise<void> {
  const token = current?.token;
  set(undefined);
  // the token is revoked on the server too; a failure (already expired) changes nothing here
  if (token)
    await fetch('/my/logins/direct', { method: 'DELETE', headers: { DirectLogin: `token=${token}` } }).catch(() => undefined);
}

/** Picks up the session of an earlier page load in this tab, if its token still works. */
export async function restore(version: string): Promise<void> {
  const saved = sessionStorage.getItem(storageKey);
  if (!saved) return;
  try {
    const { token } = JSON.parse(saved) as { token: string };
    set({ token, ...(await currentUser(version, token)) });
  } catch {
    set(undefined);
  }
}

/** The user's roles may change (a grant made through the explorer itself): read them again. */
export async function refreshEntitlements(version: string): Promise<void> {
  if (!current) return;
  try {
    const user = await currentUser(version, current.token);
    set({ ...current, ...user });
  } catch {
    set(undefined);
  }
}
