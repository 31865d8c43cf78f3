import { queryOptions } from '@tanstack/react-query';
import type {
  DocumentVerification,
  UploadVerification,
} from '../../../modules/verification/verification-schemas.js';
import { api } from '../../api/client.js';

/**
 * The public verification API. Types are inferred from the server's response schemas
 * (type-only import: nothing of the server reaches the bundle).
 */
export type {
  CertificateStatusView,
  DocumentVerification,
  FileSignature,
  UploadVerification,
} from '../../../modules/verification/verification-schemas.js';

export const verifyCodeQuery = (code: string) =>
  queryOptions({
    queryKey: ['public-verify', code],
    queryFn: () => api.get<DocumentVerification>(`/api/public/verify/${encodeURIComponent(code)}`),
    retry: false,
    staleTime: 60_000,
  });

/** The upload limit the server enforces (VERIFY_MAX_UPLOAD_MB); 20 until it answers. */
export const limitsQuery = queryOptions({
  queryKey: ['public-verify-limits'],
  queryFn: () => api.get<{ maxUploadMb: number }>('/api/public/verify/limits'),
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});

/**
 * Sends the file as it is (application/pdf, no form encoding): the server checks it is a PDF
 * by its content, not by its name or type.
 */
export function verifyFile(file: File): Promise<UploadVerification> {
  return api.upload<UploadVerification>('/api/public/verify', file, 'application/pdf');
}
