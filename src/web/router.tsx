import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { NotFoundPage, RouteErrorPage } from './components/route-fallbacks.js';
import { SignInPage } from './features/auth/sign-in-page.js';
import { isComplete, sessionQuery } from './session.js';

/**
 * Code-based routes. Only the sign-in page is in the first bundle; the app shell and every
 * feature page are loaded on demand so the sign-in page stays light.
 */
export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    return { session };
  },
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/masuk',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' &&
    search.redirect.startsWith('/') &&
    !search.redirect.startsWith('//')
      ? { redirect: search.redirect }
      : {},
  beforeLoad: ({ context, search }) => {
    if (isComplete(context.session)) {
      throw redirect({ href: search.redirect ?? '/', replace: true });
    }
  },
  component: SignInPage,
});

/** Everything behind sign-in: the shell with navigation, and the feature pages inside it. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: ({ context, location }) => {
    if (!isComplete(context.session)) {
      const target = location.href;
      throw redirect({
        to: '/masuk',
        search: target && target !== '/' ? { redirect: target } : {},
        replace: true,
      });
    }
    return { session: context.session };
  },
  component: lazyRouteComponent(() => import('./features/shell/app-layout.js'), 'AppLayout'),
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    if (context.session.user.isPlatformAdmin) throw redirect({ to: '/pemda', replace: true });
  },
  component: lazyRouteComponent(() => import('./features/home/home-page.js'), 'HomePage'),
});

const orgRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisasi',
  validateSearch: (search: Record<string, unknown>): { cari?: string } =>
    typeof search.cari === 'string' && search.cari ? { cari: search.cari } : {},
  component: lazyRouteComponent(() => import('./features/org/tree-page.js'), 'TreePage'),
});

const unitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisasi/unit/$unitId',
  component: lazyRouteComponent(() => import('./features/org/unit-page.js'), 'UnitPage'),
});

const positionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisasi/jabatan/$positionId',
  component: lazyRouteComponent(() => import('./features/org/position-page.js'), 'PositionPage'),
});

const employeesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pegawai',
  component: lazyRouteComponent(
    () => import('./features/employees/employees-page.js'),
    'EmployeesPage',
  ),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pengguna',
  component: lazyRouteComponent(() => import('./features/users/users-page.js'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('./features/audit/audit-page.js'), 'AuditPage'),
});

const tenantRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pengaturan',
  component: lazyRouteComponent(
    () => import('./features/tenant/tenant-settings-page.js'),
    'TenantSettingsPage',
  ),
});

const platformRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pemda',
  component: lazyRouteComponent(() => import('./features/platform/tenants-page.js'), 'TenantsPage'),
});

const passwordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/akun/kata-sandi',
  component: lazyRouteComponent(
    () => import('./features/account/password-page.js'),
    'PasswordPage',
  ),
});

const totpRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/akun/dua-langkah',
  component: lazyRouteComponent(() => import('./features/account/totp-page.js'), 'TotpPage'),
});

const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/akun/token',
  component: lazyRouteComponent(() => import('./features/account/tokens-page.js'), 'TokensPage'),
});

const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/perencanaan',
  component: lazyRouteComponent(() => import('./features/planning/plans-page.js'), 'PlansPage'),
});

const rpjmdRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/perencanaan/rpjmd/$periodId',
  component: lazyRouteComponent(() => import('./features/planning/rpjmd-page.js'), 'RpjmdPage'),
});

const renstraRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/perencanaan/rpjmd/$periodId/renstra/$unitId',
  component: lazyRouteComponent(() => import('./features/planning/renstra-page.js'), 'RenstraPage'),
});

const scalesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/perencanaan/skala',
  component: lazyRouteComponent(() => import('./features/scales/scales-page.js'), 'ScalesPage'),
});

const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pk',
  component: lazyRouteComponent(
    () => import('./features/agreements/agreements-page.js'),
    'AgreementsPage',
  ),
});

const agreementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pk/dokumen/$agreementId',
  component: lazyRouteComponent(
    () => import('./features/agreements/agreement-page.js'),
    'AgreementPage',
  ),
});

const agreementYearsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pk/tahun',
  component: lazyRouteComponent(() => import('./features/agreements/years-page.js'), 'YearsPage'),
});

const deadlineBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pk/pemantauan',
  component: lazyRouteComponent(
    () => import('./features/agreements/deadline-board-page.js'),
    'DeadlineBoardPage',
  ),
});

const revisionDiffRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pk/dokumen/$agreementId/perubahan',
  component: lazyRouteComponent(
    () => import('./features/revisions/revision-diff-page.js'),
    'RevisionDiffPage',
  ),
});

const cascadeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pk/kaskade',
  component: lazyRouteComponent(() => import('./features/cascade/cascade-page.js'), 'CascadePage'),
});

const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/impor',
  component: lazyRouteComponent(() => import('./features/imports/imports-page.js'), 'ImportsPage'),
});

const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tugas',
  component: lazyRouteComponent(() => import('./features/signing/tasks-page.js'), 'TasksPage'),
});

const signingCertificateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/akun/tanda-tangan',
  component: lazyRouteComponent(
    () => import('./features/signing/certificate-page.js'),
    'CertificatePage',
  ),
});

const certificatesAdminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sertifikat',
  component: lazyRouteComponent(
    () => import('./features/signing/certificates-admin-page.js'),
    'CertificatesAdminPage',
  ),
});

const integrityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pakta-integritas',
  component: lazyRouteComponent(
    () => import('./features/integrity/integrity-page.js'),
    'IntegrityPage',
  ),
});

const integrityClausesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pakta-integritas/klausul',
  component: lazyRouteComponent(
    () => import('./features/integrity/clauses-page.js'),
    'ClausesPage',
  ),
});

const ceremoniesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penandatanganan',
  component: lazyRouteComponent(
    () => import('./features/ceremonies/ceremonies-page.js'),
    'CeremoniesPage',
  ),
});

const ceremonyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penandatanganan/$ceremonyId',
  component: lazyRouteComponent(
    () => import('./features/ceremonies/ceremony-page.js'),
    'CeremonyPage',
  ),
});

const realisasiRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/realisasi',
  component: lazyRouteComponent(
    () => import('./features/monitoring/realisasi-page.js'),
    'RealisasiPage',
  ),
});

const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/realisasi/$reportId',
  component: lazyRouteComponent(() => import('./features/monitoring/report-page.js'), 'ReportPage'),
});

const unlocksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/realisasi/buka-kunci',
  component: lazyRouteComponent(
    () => import('./features/monitoring/unlocks-page.js'),
    'UnlocksPage',
  ),
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dasbor',
  component: lazyRouteComponent(
    () => import('./features/dashboards/pemda-dashboard-page.js'),
    'PemdaDashboardPage',
  ),
});

const unitDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dasbor/unit/$unitId',
  component: lazyRouteComponent(
    () => import('./features/dashboards/unit-dashboard-page.js'),
    'UnitDashboardPage',
  ),
});

const indicatorDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dasbor/indikator/$indicatorId',
  component: lazyRouteComponent(
    () => import('./features/dashboards/indicator-page.js'),
    'IndicatorPage',
  ),
});

const appreciationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dasbor/apresiasi',
  component: lazyRouteComponent(
    () => import('./features/dashboards/appreciation-page.js'),
    'AppreciationPage',
  ),
});

/** Public (no sign-in): opened from a QR code or at the venue. */
const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/papan/$token',
  component: lazyRouteComponent(() => import('./features/ceremonies/board-page.js'), 'BoardPage'),
});

/** Public (no sign-in): opened from a QR code or at the venue. */
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verifikasi',
  component: lazyRouteComponent(
    () => import('./features/verification/verify-page.js'),
    'VerifyPage',
  ),
});

/** Public (no sign-in): opened from a QR code or at the venue. */
const verifyCodeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verifikasi/$code',
  component: lazyRouteComponent(
    () => import('./features/verification/verify-page.js'),
    'VerifyPage',
  ),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  boardRoute,
  verifyRoute,
  verifyCodeRoute,
  appRoute.addChildren([
    homeRoute,
    orgRoute,
    unitRoute,
    positionRoute,
    employeesRoute,
    usersRoute,
    auditRoute,
    tenantRoute,
    platformRoute,
    passwordRoute,
    totpRoute,
    tokensRoute,
    plansRoute,
    rpjmdRoute,
    renstraRoute,
    scalesRoute,
    agreementsRoute,
    agreementRoute,
    agreementYearsRoute,
    deadlineBoardRoute,
    revisionDiffRoute,
    cascadeRoute,
    importsRoute,
    tasksRoute,
    signingCertificateRoute,
    certificatesAdminRoute,
    integrityRoute,
    integrityClausesRoute,
    ceremoniesRoute,
    ceremonyRoute,
    realisasiRoute,
    reportRoute,
    unlocksRoute,
    dashboardRoute,
    unitDashboardRoute,
    indicatorDashboardRoute,
    appreciationRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
