import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQualitySeverity } from '../../src/modules/tenants/settings.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string };
}
interface Settings {
  security: { requireTotpForAdmins: boolean; requireTotpForSigners: boolean };
  quality: { severity: Record<string, 'warning' | 'error'> };
  agreements: { includePelaksana: boolean; deadlineMonthsAfterDpa: number };
}
interface Tenant {
  version: number;
  settings: Settings;
}
interface AuditPage {
  items: { action: string; entityId: string | null; data: Record<string, unknown> }[];
}

const security = { requireTotpForAdmins: false, requireTotpForSigners: false };

describe.each(testDatabaseKinds())('Pemda quality and PK settings on %s', (kind) => {
  let t: TestApp;
  let tenant: TestTenant;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    tenant = await createTestTenant(t.database);
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('a new Pemda starts with the regulation defaults', async () => {
    const res = await admin.get<Tenant>('/api/tenant');
    expect(res.status).toBe(200);
    expect(res.body.settings.quality.severity).toEqual(defaultQualitySeverity);
    expect(res.body.settings.agreements).toEqual({
      includePelaksana: false,
      deadlineMonthsAfterDpa: 1,
    });
  });

  it('the admin sets rule severities and PK settings; they are saved and audited', async () => {
    const current = await admin.get<Tenant>('/api/tenant');
    const severity = {
      ...defaultQualitySeverity,
      NO_UNIT: 'warning',
      INPUT_ORIENTED: 'error',
      DUPLICATE_INDICATOR: 'error',
    };
    const res = await admin.patch<Tenant>('/api/tenant', {
      version: current.body.version,
      settings: {
        security,
        quality: { severity },
        agreements: { includePelaksana: true, deadlineMonthsAfterDpa: 2 },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(current.body.version + 1);

    const reread = await admin.get<Tenant>('/api/tenant');
    expect(reread.body.settings.quality.severity).toEqual(severity);
    expect(reread.body.settings.agreements).toEqual({
      includePelaksana: true,
      deadlineMonthsAfterDpa: 2,
    });

    const audit = await admin.get<AuditPage>('/api/audit?action=tenant.update');
    const last = audit.body.items[0];
    expect(last?.entityId).toBe(tenant.tenantId);
    expect(last?.data).toMatchObject({
      settings: { quality: { severity: { INPUT_ORIENTED: 'error' } } },
    });
  });

  it('a client that sends only the security section keeps the quality and PK settings', async () => {
    const before = await admin.get<Tenant>('/api/tenant');
    const res = await admin.patch<Tenant>('/api/tenant', {
      version: before.body.version,
      settings: { security: { requireTotpForAdmins: false, requireTotpForSigners: true } },
    });
    expect(res.status).toBe(200);
    const after = await admin.get<Tenant>('/api/tenant');
    expect(after.body.settings.security.requireTotpForSigners).toBe(true);
    expect(after.body.settings.quality).toEqual(before.body.settings.quality);
    expect(after.body.settings.agreements).toEqual(before.body.settings.agreements);
  });

  it.each([
    ['an unknown severity', { quality: { severity: { NO_UNIT: 'fatal' } } }],
    ['an unknown rule', { quality: { severity: { NO_SMART: 'error' } } }],
    ['a deadline of 4 months', { agreements: { deadlineMonthsAfterDpa: 4 } }],
    ['a deadline of 0 months', { agreements: { deadlineMonthsAfterDpa: 0 } }],
    ['a fractional deadline', { agreements: { deadlineMonthsAfterDpa: 1.5 } }],
    ['an unknown PK setting', { agreements: { includeStaff: true } }],
  ])('refuses %s and changes nothing', async (_label, section) => {
    const before = await admin.get<Tenant>('/api/tenant');
    const res = await admin.patch<ErrorBody>('/api/tenant', {
      version: before.body.version,
      settings: { security, ...section },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const after = await admin.get<Tenant>('/api/tenant');
    expect(after.body).toEqual(before.body);
  });
});
