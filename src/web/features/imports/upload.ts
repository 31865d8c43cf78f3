import { ApiError, type ApiErrorBody, withQuery } from '../../api/client.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Sends a workbook as the raw request body (the API's xlsx content type), with the session's
 * CSRF token; failures become ApiError like every other call (the shared client speaks JSON
 * only).
 */
export async function uploadWorkbook<T>(
  path: string,
  query: Record<string, string | undefined>,
  file: File,
  csrfToken: string | null,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': XLSX_MIME,
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
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
  return parsed as T;
}
