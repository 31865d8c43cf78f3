import { api, withQuery } from '../../api/client.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Sends a workbook as the raw request body (the API's xlsx content type) through the shared API
 * client, which adds the session's CSRF token and turns failures into ApiError.
 */
export function uploadWorkbook<T>(
  path: string,
  query: Record<string, string | undefined>,
  file: File,
): Promise<T> {
  return api.upload<T>(withQuery(path, query), file, XLSX_MIME);
}
