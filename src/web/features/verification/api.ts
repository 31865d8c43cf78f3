import { queryOptions } from '@tanstack/react-query';
import type {
  DocumentVerification,
  UploadVerification,
} from '../../../modules/verification/verification-schemas.js';
import { ApiError, type ApiErrorBody, api } from '../../api/client.js';

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
export async function verifyFile(file: File): Promise<UploadVerification> {
  let response: Response;
  try {
    response = await fetch('/api/public/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', accept: 'application/json' },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, {
      code: 'NETWORK',
      message: 'Tidak dapat terhubung ke server. Periksa koneksi jaringan Anda lalu coba lagi.',
    });
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const body = (parsed as { error?: ApiErrorBody } | null)?.error;
    throw new ApiError(
      response.status,
      body ?? {
        code: 'INTERNAL',
        message: `Server mengalami gangguan (kode ${response.status}). Coba lagi beberapa saat lagi.`,
      },
    );
  }
  return parsed as UploadVerification;
}
