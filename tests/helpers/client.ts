import type { FastifyInstance } from 'fastify';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/** A signed-in browser, as the server sees it: the session cookie plus the CSRF header. */
export class ApiClient {
  constructor(
    readonly app: FastifyInstance,
    private cookie: string | null = null,
    private csrf: string | null = null,
    private bearer: string | null = null,
  ) {}

  /** The session cookie as the browser holds it ("amanah_session=…"), or null. */
  get sessionCookie(): string | null {
    return this.cookie;
  }

  static withToken(app: FastifyInstance, token: string): ApiClient {
    return new ApiClient(app, null, null, token);
  }

  async request<T = Record<string, unknown>>(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const setCookie = response.headers['set-cookie'];
    const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
    for (const c of cookies) {
      if (c.startsWith('amanah_session=')) this.cookie = c.split(';')[0] ?? null;
    }
    const text = response.body;
    return {
      status: response.statusCode,
      body: (text && response.headers['content-type']?.toString().includes('json')
        ? JSON.parse(text)
        : text) as T,
      headers: response.headers,
    };
  }

  get<T = Record<string, unknown>>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = Record<string, unknown>>(url: string, body: unknown = {}) {
    return this.request<T>('POST', url, body);
  }
  patch<T = Record<string, unknown>>(url: string, body: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  put<T = Record<string, unknown>>(url: string, body: unknown) {
    return this.request<T>('PUT', url, body);
  }
  delete<T = Record<string, unknown>>(url: string, body: unknown = {}) {
    return this.request<T>('DELETE', url, body);
  }

  /** Signs in and loads the CSRF token; throws when sign-in fails. */
  async signIn(identifier: string, password: string): Promise<this> {
    const login = await this.post('/api/auth/login', { identifier, password });
    if (login.status !== 200) {
      throw new Error(
        `sign-in as ${identifier} failed: ${login.status} ${JSON.stringify(login.body)}`,
      );
    }
    await this.refreshCsrf();
    return this;
  }

  async refreshCsrf(): Promise<void> {
    const session = await this.get<{ csrfToken: string | null }>('/api/auth/session');
    this.csrf = session.body.csrfToken;
  }
}

export const signIn = (app: FastifyInstance, identifier: string, password: string) =>
  new ApiClient(app).signIn(identifier, password);
