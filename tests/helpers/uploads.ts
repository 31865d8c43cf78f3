import ExcelJS from 'exceljs';
import type { ApiClient, Reply } from './client.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends raw bytes (an .xlsx upload) as the signed-in browser would: session cookie, CSRF header
 * and the given content type. ApiClient only speaks JSON, hence this helper.
 */
export async function uploadFile<T = Record<string, unknown>>(
  client: ApiClient,
  url: string,
  body: Buffer | string,
  options: { contentType?: string; csrf?: boolean } = {},
): Promise<Reply<T>> {
  const cookie = client.sessionCookie;
  let csrf: string | null = null;
  if (options.csrf !== false) {
    const session = await client.get<{ csrfToken: string | null }>('/api/auth/session');
    csrf = session.body.csrfToken;
  }
  const response = await client.app.inject({
    method: 'POST',
    url,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      'content-type': options.contentType ?? XLSX_MIME,
    },
    payload: body,
  });
  const text = response.body;
  return {
    status: response.statusCode,
    body: (text && response.headers['content-type']?.toString().includes('json')
      ? JSON.parse(text)
      : text) as T,
    headers: response.headers,
  };
}

/** Downloads a file (a template or an export) as bytes. */
export async function downloadFile(
  client: ApiClient,
  url: string,
): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  const cookie = client.sessionCookie;
  const response = await client.app.inject({
    method: 'GET',
    url,
    headers: cookie ? { cookie } : {},
  });
  return { status: response.statusCode, body: response.rawPayload, headers: response.headers };
}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type; it is the same object.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A workbook with one sheet: a header row and data rows. */
export async function makeWorkbook(
  sheetName: string,
  header: string[],
  rows: (string | number | boolean | null)[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export function headerValues(sheet: ExcelJS.Worksheet): string[] {
  const values: string[] = [];
  sheet.getRow(1).eachCell((cell) => {
    values.push(String(cell.value));
  });
  return values;
}
