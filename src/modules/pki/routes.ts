import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant, requireTenantActor } from '../../server/auth-plugin.js';
import { AppError, notFound } from '../../shared/errors.js';
import { confirmOwnPassword } from '../auth/failed-attempts.js';
import { idParam } from '../org/org-schemas.js';
import { getTenantCa, unsafeFindCaById } from './ca-info.js';
import { viewCertificate } from './certificate-view.js';
import { currentCrl } from './crl.js';
import { enrolSigner } from './enrol-signer.js';
import { listCertificates } from './list-certificates.js';
import { getMyCertificate, myCertificateRow } from './my-certificate.js';
import {
  caParam,
  caSchema,
  certificateListQuery,
  certificateListSchema,
  certificateSchema,
  enrolBody,
  myCertificateSchema,
  reissueBody,
  revokeBody,
} from './pki-schemas.js';
import { reissueCertificate } from './reissue-certificate.js';
import { revokeCertificate } from './revoke-certificate.js';
import { linkedEmployeeId } from './signer-identity.js';
import { pemToDer } from './x509.js';

const tags = ['sertifikat'];

function assertConfirmed(body: {
  passphrase: string;
  passphraseConfirmation?: string | undefined;
}) {
  if (
    body.passphraseConfirmation !== undefined &&
    body.passphraseConfirmation !== body.passphrase
  ) {
    throw new AppError('VALIDATION_FAILED', 'Konfirmasi passphrase tidak sama.', {
      field: 'passphraseConfirmation',
    });
  }
}

/** Signing certificates: enrolment, re-issue, revocation; the public CA certificate and CRL. */
export const pkiRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database, secretBox } = app.services;
  const services = { config, secretBox };

  app.get(
    '/api/signing/certificate',
    {
      schema: {
        tags,
        summary: 'Sertifikat tanda tangan saya',
        response: { 200: myCertificateSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => getMyCertificate(ctx)),
  );

  app.post(
    '/api/signing/certificate',
    {
      schema: {
        tags,
        summary: 'Daftar sertifikat tanda tangan (pilih passphrase)',
        body: enrolBody,
        response: { 201: certificateSchema },
      },
    },
    async (request, reply) => {
      assertConfirmed(request.body);
      const row = await inTenant(request, (ctx) =>
        enrolSigner(ctx, services, { passphrase: request.body.passphrase }),
      );
      return reply.status(201).send(viewCertificate(row));
    },
  );

  app.post(
    '/api/signing/certificate/reissue',
    {
      schema: {
        tags,
        summary: 'Terbitkan ulang sertifikat saya (lupa passphrase, jabatan berubah)',
        body: reissueBody,
        response: { 201: certificateSchema },
      },
    },
    async (request, reply) => {
      assertConfirmed(request.body);
      const actor = requireTenantActor(request);
      // Checked first and committed on its own: a wrong password counts toward the account lock
      // even though the re-issue is refused.
      await confirmOwnPassword(
        database,
        config,
        actor,
        request.body.password,
        request.ip,
        'password',
      );
      const { current } = await inTenant(request, (ctx) =>
        reissueCertificate(ctx, services, {
          passphrase: request.body.passphrase,
          reason: request.body.reason,
        }),
      );
      return reply.status(201).send(viewCertificate(current));
    },
  );

  app.get(
    '/api/signing/certificate/download',
    { schema: { tags, summary: 'Unduh sertifikat saya (PEM)' } },
    async (request, reply) => {
      const row = await inTenant(request, async (ctx) => {
        const employeeId = await linkedEmployeeId(ctx.tx, ctx.tenantId, ctx.actor.userId);
        return myCertificateRow(ctx, employeeId);
      });
      if (!row?.certificatePem) throw notFound('Sertifikat');
      return reply
        .type('application/x-pem-file')
        .header('content-disposition', `attachment; filename="sertifikat-${row.serial}.pem"`)
        .send(row.certificatePem);
    },
  );

  app.get(
    '/api/signing/certificates',
    {
      schema: {
        tags,
        summary: 'Daftar sertifikat tanda tangan Pemda (admin)',
        querystring: certificateListQuery,
        response: { 200: certificateListSchema },
      },
    },
    async (request) => inTenant(request, (ctx) => listCertificates(ctx, request.query)),
  );

  app.post(
    '/api/signing/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Cabut sertifikat (admin, atau pemiliknya sendiri)',
        params: idParam,
        body: revokeBody,
        response: { 200: certificateSchema },
      },
    },
    async (request) => {
      const row = await inTenant(request, (ctx) =>
        revokeCertificate(ctx, { certificateId: request.params.id, reason: request.body.reason }),
      );
      return viewCertificate(row);
    },
  );

  app.get(
    '/api/signing/ca',
    {
      schema: {
        tags,
        summary: 'CA Pemda ini (untuk dipercaya di pembaca PDF); null sebelum pendaftaran pertama',
        response: { 200: z.object({ ca: caSchema.nullable() }) },
      },
    },
    async (request) => inTenant(request, async (ctx) => ({ ca: await getTenantCa(ctx) })),
  );

  // Public: a PDF reader or a verifier fetches the CA certificate and the CRL without signing
  // in. Rate-limited; what they return is published by design.
  const publicConfig = {
    access: 'public' as const,
    rateLimit: { max: config.VERIFY_RATE_LIMIT_PER_MINUTE * 4, timeWindow: '1 minute' },
  };

  async function publicCa(caId: string) {
    const ca = await unsafeFindCaById(database, caId);
    if (!ca) throw notFound('CA');
    return ca;
  }

  app.get(
    '/api/public/pki/:caId/ca.crt',
    {
      config: publicConfig,
      schema: { tags: ['publik'], summary: 'Sertifikat CA Pemda (DER)', params: caParam },
    },
    async (request, reply) => {
      const ca = await publicCa(request.params.caId);
      return reply
        .type('application/pkix-cert')
        .header('cache-control', 'public, max-age=3600')
        .header('content-disposition', 'attachment; filename="ca-pemda.crt"')
        .send(pemToDer(ca.certificatePem));
    },
  );

  app.get(
    '/api/public/pki/:caId/ca.pem',
    {
      config: publicConfig,
      schema: { tags: ['publik'], summary: 'Sertifikat CA Pemda (PEM)', params: caParam },
    },
    async (request, reply) => {
      const ca = await publicCa(request.params.caId);
      return reply
        .type('application/x-pem-file')
        .header('cache-control', 'public, max-age=3600')
        .header('content-disposition', 'attachment; filename="ca-pemda.pem"')
        .send(ca.certificatePem);
    },
  );

  app.get(
    '/api/public/pki/:caId/crl',
    {
      config: publicConfig,
      schema: {
        tags: ['publik'],
        summary: 'Daftar sertifikat yang dicabut (CRL, DER)',
        params: caParam,
      },
    },
    async (request, reply) => {
      const ca = await publicCa(request.params.caId);
      const der = await database.withTenant(ca.tenantId, (tx) => currentCrl(tx, ca, secretBox));
      return reply
        .type('application/pkix-crl')
        .header('cache-control', 'public, max-age=300')
        .send(der);
    },
  );
};
