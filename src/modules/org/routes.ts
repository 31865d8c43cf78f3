import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assignmentRoutes } from './assignments/assignments-routes.js';
import { employeeRoutes } from './employees/employees-routes.js';
import { positionRoutes } from './positions/positions-routes.js';
import { unitRoutes } from './units/units-routes.js';

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(unitRoutes);
  await app.register(positionRoutes);
  await app.register(employeeRoutes);
  await app.register(assignmentRoutes);
};
