import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTenant } from '../../server/auth-plugin.js';
import { idParam } from '../org/org-schemas.js';
import { decideUnlock } from './decide-unlock.js';
import { getReport, reportDetail } from './get-report.js';
import { listPeriods } from './list-periods.js';
import { listUnlocks } from './list-unlocks.js';
import { loadReport } from './load-report.js';
import {
  openReportBody,
  periodsQuery,
  periodsSchema,
  reportDetailSchema,
  saveValuesBody,
  transitionBody,
  unlockDecisionBody,
  unlockListQuery,
  unlockListSchema,
  unlockRequestBody,
  unlockSchema,
} from './monitoring-schemas.js';
import { openReport } from './open-report.js';
import { requestUnlock } from './request-unlock.js';
import { saveReportValues } from './save-report-values.js';
import { transitionReport } from './transition-report.js';

const tags = ['monitoring'];

/** Quarter reports: open, read, save, workflow, locks and unlocks (helper B). */
export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/monitoring/periods',
    {
      schema: {
        tags,
        summary: 'Yang harus diisi: PK bertanda tangan per triwulan dengan status laporan',
        querystring: periodsQuery,
        response: { 200: periodsSchema },
      },
    },
    async (request) =>
      inTenant(request, (ctx) =>
        listPeriods(ctx, {
          year: request.query.year,
          unitId: request.query.unitId,
          mine: request.query.mine === 'true',
        }),
      ),
  );

  app.post(
    '/api/monitoring/reports',
    {
      schema: {
        tags,
        summary: 'Buka laporan triwulan satu PK (dibuat bila belum ada)',
        body: openReportBody,
        response: { 200: reportDetailSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => openReport(ctx, request.body)),
  );

  app.get(
    '/api/monitoring/reports/:id',
    {
      schema: {
        tags,
        summary: 'Satu laporan triwulan: indikator, capaian, anggaran, bukti, riwayat',
        params: idParam,
        response: { 200: reportDetailSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getReport(ctx, request.params.id)),
  );

  app.put(
    '/api/monitoring/reports/:id/values',
    {
      schema: {
        tags,
        summary:
          'Simpan realisasi, penjelasan, dan realisasi anggaran (semua atau tidak sama sekali)',
        params: idParam,
        body: saveValuesBody,
        response: { 200: reportDetailSchema },
      },
    },
    // The answer is read in a second transaction: the save's locks (the report row, the audit
    // chain head) are held only while writing, so 200 operators saving at once queue less.
    async (request) => {
      await inTenant(request, (ctx) => saveReportValues(ctx, request.params.id, request.body));
      return inTenant(request, async (ctx) =>
        reportDetail(ctx, await loadReport(ctx, request.params.id)),
      );
    },
  );

  app.post(
    '/api/monitoring/reports/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Ajukan, tarik, setujui, verifikasi, atau kembalikan laporan triwulan',
        params: idParam,
        body: transitionBody,
        response: { 200: reportDetailSchema },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) =>
        reportDetail(ctx, await transitionReport(ctx, request.params.id, request.body)),
      ),
  );

  app.post(
    '/api/monitoring/reports/:id/unlocks',
    {
      schema: {
        tags,
        summary: 'Minta buka kunci triwulan yang melewati batas waktu',
        params: idParam,
        body: unlockRequestBody,
        response: { 201: unlockSchema },
      },
    },
    async (request, reply) => {
      const unlock = await inTenant(request, (ctx) =>
        requestUnlock(ctx, request.params.id, request.body),
      );
      return reply.status(201).send(unlock);
    },
  );

  app.get(
    '/api/monitoring/unlocks',
    {
      schema: {
        tags,
        summary: 'Permohonan buka kunci (admin Pemda)',
        querystring: unlockListQuery,
        response: { 200: unlockListSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => listUnlocks(ctx, request.query)),
  );

  app.post(
    '/api/monitoring/unlocks/:id/decision',
    {
      schema: {
        tags,
        summary: 'Kabulkan (untuk beberapa hari) atau tolak permohonan buka kunci',
        params: idParam,
        body: unlockDecisionBody,
        response: { 200: unlockSchema },
      },
    },
    async (request) =>
      inTenant(request, (ctx) => decideUnlock(ctx, request.params.id, request.body)),
  );
};
