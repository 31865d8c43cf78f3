import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Signing certificates: enrolment, re-issue, revocation; the public CA certificate and CRL. */
export const pkiRoutes: FastifyPluginAsyncZod = async (_app) => {};
