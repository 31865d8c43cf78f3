import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant } from '../../../server/auth-plugin.js';
import {
  createAssignmentBody,
  idParam,
  updateAssignmentBody,
  versionBody,
} from '../org-schemas.js';
import { assignPosition } from './assign-position.js';
import { deleteAssignment, updateAssignment } from './update-assignment.js';

const tags = ['organisasi'];
const result = z.object({ id: z.uuid(), positionId: z.uuid() });

export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/assignments',
    {
      schema: {
        tags,
        summary: 'Tugaskan pegawai pada jabatan (definitif, Plt, Plh, Pj)',
        body: createAssignmentBody,
        response: { 201: result },
      },
    },
    async (request, reply) => {
      const id = await inTenant(request, (ctx) => assignPosition(ctx, request.body));
      return reply.status(201).send({ id, positionId: request.body.positionId });
    },
  );

  app.patch(
    '/api/assignments/:id',
    {
      schema: {
        tags,
        summary: 'Akhiri penugasan atau ubah nomor SK',
        params: idParam,
        body: updateAssignmentBody,
        response: { 200: result },
      },
    },
    async (request) =>
      inTenant(request, async (ctx) => {
        const { positionId } = await updateAssignment(ctx, request.params.id, request.body);
        return { id: request.params.id, positionId };
      }),
  );

  app.delete(
    '/api/assignments/:id',
    {
      schema: {
        tags,
        summary: 'Hapus penugasan yang salah input',
        params: idParam,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inTenant(request, (ctx) =>
        deleteAssignment(ctx, request.params.id, request.body.version),
      );
      return reply.status(204).send(null);
    },
  );
};
