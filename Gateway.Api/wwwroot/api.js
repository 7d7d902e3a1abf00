// The page's calls to the gateway: JSON (or another Accept) with the API key of this browser tab in X-Api-Key when
// one was given, since a gateway may require a key for reads too. Shared by the live page and the overview.
export const KEY_STORE = 'vibecheck.apiKey';

export function apiKey() { return sessionStorage.getItem(KEY_STORE); }

export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const key = apiKey();
  if (key) headers['X-Api-Key'] = key;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(path, { ...options, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

/** The JSON answer of a GET; a failure throws an Error with the status and the problem+json body. */
export async function json(path) {
  const response = await api(path);
  if (!response.ok) {
    const error = new Error(`${path}: ${response.status}`);
    error.status = response.status;
    error.problem = await response.json().catch(() => null);
    throw error;
  }
  return response.json();
}
