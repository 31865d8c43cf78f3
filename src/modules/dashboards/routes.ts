import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTenant, requireAuth } from '../../server/auth-plugin.js';
import { assertCan } from '../access/policy.js';
import { sendXlsx } from '../imports/workbook.js';
import { getAppreciation } from './appreciation.js';
import {
  appreciationQuery,
  appreciationSchema,
  exportQuery,
  indicatorDashboardParams,
  indicatorDashboardQuery,
  indicatorDashboardSchema,
  nationalBandsQuery,
  nationalBandsSchema,
  pemdaDashboardQuery,
  pemdaDashboardSchema,
  unitDashboardParams,
  unitDashboardQuery,
  unitDashboardSchema,
} from './dashboard-schemas.js';
import { exportDashboardTable } from './export-table.js';
import { getIndicatorDashboard } from './indicator-dashboard.js';
import { nationalBandDistribution } from './national-bands.js';
import { getPemdaDashboard } from './pemda-dashboard.js';
import { getUnitDashboard } from './unit-dashboard.js';

const tags = ['dasbor'];

/** Dashboards, appreciation ranking, table exports and the national aggregate (helper E). */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/dashboards/pemda',
    {
      schema: {
        tags,
        summary:
          'Dasbor Pemda: capaian per sasaran, peringkat PD, tren, capaian vs serapan anggaran, unit terlambat',
        querystring: pemdaDashboardQuery,
        response: { 200: pemdaDashboardSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getPemdaDashboard(ctx, request.query)),
  );

  app.get(
    '/api/dashboards/units/:unitId',
    {
      schema: {
        tags,
        summary: 'Dasbor unit: PK unit dan eselon III/IV di bawahnya, anggaran, catatan supervisi',
        params: unitDashboardParams,
        querystring: unitDashboardQuery,
        response: { 200: unitDashboardSchema },
      },
    },
    async (request) =>
      inTenant(request, (ctx) => getUnitDashboard(ctx, request.params.unitId, request.query)),
  );

  app.get(
    '/api/dashboards/indicators/:indicatorId',
    {
      schema: {
        tags,
        summary: 'Halaman indikator: target, riwayat realisasi lintas tahun, narasi, bukti dukung',
        params: indicatorDashboardParams,
        querystring: indicatorDashboardQuery,
        response: { 200: indicatorDashboardSchema },
      },
    },
    async (request) =>
      inTenant(request, (ctx) =>
        getIndicatorDashboard(ctx, request.params.indicatorId, request.query),
      ),
  );

  app.get(
    '/api/dashboards/appreciation',
    {
      schema: {
        tags,
        summary: 'Peringkat PD dengan usulan apresiasi dan evaluasi serta catatan supervisi',
        querystring: appreciationQuery,
        response: { 200: appreciationSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getAppreciation(ctx, request.query)),
  );

  app.get(
    '/api/dashboards/export',
    {
      schema: {
        tags,
        summary: 'Unduh satu tabel dasbor sebagai berkas Excel (baris yang sama dengan halaman)',
        querystring: exportQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await inTenant(request, (ctx) => exportDashboardTable(ctx, request.query))),
  );

  app.get(
    '/api/platform/national/bands',
    {
      schema: {
        tags: ['platform'],
        summary:
          'Sebaran kategori capaian indikator PK kepala PD per provinsi pada akhir tahun (admin platform)',
        querystring: nationalBandsQuery,
        response: { 200: nationalBandsSchema },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      assertCan(actor, 'platform.tenants');
      return nationalBandDistribution(request.server.services.database, request.query.year);
    },
  );
};
