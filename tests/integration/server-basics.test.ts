import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(testDatabaseKinds())('server basics on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('reports health with the database kind', async () => {
    const res = await new ApiClient(t.app).get<{ status: string; database: string }>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: kind });
  });

  it('publishes an OpenAPI 3.1 document with the organisation routes', async () => {
    const res = await new ApiClient(t.app).get<{ openapi: string; paths: Record<string, unknown> }>(
      '/api/openapi.json',
    );
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/units', '/api/units/{id}', '/api/employees', '/api/audit']),
    );
  });

  it('serves the API documentation page without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('sends security headers', async () => {
    const res = await new ApiClient(t.app).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('answers an unknown API path with the error shape', async () => {
    const res = await admin.get<{ error: { code: string } }>('/api/tidak-ada');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('refuses a request without a session', async () => {
    const res = await new ApiClient(t.app).get<{ error: { code: string; message: string } }>(
      '/api/units',
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a JSON body over 1 MB with 413 and writes nothing', async () => {
    const res = await admin.post<{ error: { code: string } }>('/api/units', {
      parentId: null,
      name: 'Dinas Besar',
      type: 'dinas',
      level: 'eselon_2',
      code: 'x'.repeat(1_100_000),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses malformed JSON with a clear message', async () => {
    const res = await admin.request<{ error: { code: string } }>('POST', '/api/units', undefined, {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
  });

  it('refuses a cross-site write by its Origin header', async () => {
    const res = await admin.request<{ error: { code: string } }>(
      'POST',
      '/api/units',
      { parentId: null, name: 'Dinas Asing', type: 'dinas', level: 'eselon_2' },
      { origin: 'https://situs-jahat.example' },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_FAILED');
  });

  it('never sends a stack trace, even for an unexpected error', async () => {
    const res = await admin.get<{ error: { code: string; message: string } }>(
      '/api/units/00000000-0000-0000-0000-00000000000g',
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
