/**
 * The one way the web app talks to the API: JSON in and out, the CSRF token on every write, and
 * every failure turned into an ApiError carrying the server's code and Indonesian message.
 */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  /** The field a validation error points at (details.field, or the first issue's path). */
  get field(): string | null {
    const details = this.details as
      | { field?: unknown; issues?: { path?: unknown[] }[] }
      | null
      | undefined;
    if (details && typeof details.field === 'string') return details.field;
    const path = details?.issues?.[0]?.path;
    if (Array.isArray(path) && path.length > 0) return path.map(String).join('.');
    return null;
  }
}

/** Codes that mean "you are no longer signed in": the app goes back to the sign-in page. */
export const signedOutCodes = new Set(['SESSION_EXPIRED', 'UNAUTHENTICATED']);

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
const signedOutListeners = new Set<Listener>();
/** Called when any request learns that the session ended (expired, logged out elsewhere). */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const networkError = (): ApiError =>
  new ApiError(0, {
    code: 'NETWORK',
    message: 'Tidak dapat terhubung ke server. Periksa koneksi jaringan Anda lalu coba lagi.',
  });

/** A body sent as it is (a file upload) instead of as JSON. */
interface RawBody {
  raw: Blob;
  contentType: string;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  rawBody?: RawBody,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (rawBody) headers['content-type'] = rawBody.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: rawBody ? rawBody.raw : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const errorBody = (parsed as { error?: ApiErrorBody } | null)?.error;
    const error = new ApiError(
      response.status,
      errorBody ?? {
        code: 'INTERNAL',
        message: `Server mengalami gangguan (kode ${response.status}). Coba lagi beberapa saat lagi.`,
      },
    );
    if (signedOutCodes.has(error.code) && !path.startsWith('/api/auth/session')) {
      for (const listener of signedOutListeners) listener(error);
    }
    throw error;
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  /** POSTs a file as the raw request body (xlsx imports, PDF verification). */
  upload: <T>(path: string, file: Blob, contentType: string) =>
    request<T>('POST', path, undefined, { raw: file, contentType }),
};

/** The message to show for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Terjadi kesalahan yang tidak terduga. Coba lagi.';
}
