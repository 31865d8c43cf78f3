import type { z } from 'zod';
import type { DocumentSummary } from '../../modules/documents/document-schemas.js';
import type {
  CertificateView,
  caSchema,
  certificateListItemSchema,
  certificateListSchema,
  MyCertificateView,
} from '../../modules/pki/pki-schemas.js';
import type { ReissueReason } from '../../modules/pki/reissue-certificate.js';
import type {
  AttemptView,
  batchEventSchemas,
  bsreIdentitySchema,
  taskItemSchema,
  tasksSchema,
} from '../../modules/signing/signing-schemas.js';
import type { CertificateStatus, RevocationReason, SignAttemptState } from '../../shared/codes.js';
import { ApiError, type ApiErrorBody, api, withQuery } from './client.js';

/**
 * The signing API as the web app uses it: Tugas Saya, signing one document or a batch (SSE read
 * from a fetch body, because EventSource cannot POST), the official's certificate and the
 * admin's certificate list. Passphrases and TOTP codes only pass through these functions on the
 * way to the server; nothing here keeps them.
 */

/**
 * Shapes inferred from the server's response schemas (src/modules/signing/signing-schemas.ts,
 * src/modules/pki/pki-schemas.ts) so the pages and the API cannot drift. Type-only imports:
 * nothing of the server ends up in the web bundle.
 */
export type TaskItem = z.infer<typeof taskItemSchema>;
export type TaskCeremony = NonNullable<TaskItem['ceremony']>;
export type Tasks = z.infer<typeof tasksSchema>;
/** A document with its signature slots (GET /api/documents/:id). */
export type { DocumentSummary };
export type DocumentSigner = DocumentSummary['signers'][number];
/** What the sign route answers: the document after the signature (same shape). */
export type SignedSummary = DocumentSummary;
export type SignAttempt = AttemptView;

/** The current PDF of a document: inline for the preview, as an attachment to download. */
export const documentPdfUrl = (documentId: string, download = false): string =>
  withQuery(`/api/documents/${documentId}/pdf`, download ? { download: 1 } : undefined);

export interface SignBody {
  passphrase: string;
  totp?: string;
}

// --- Certificates -------------------------------------------------------------------------------

/**
 * Certificate shapes, inferred from the server's response schemas (src/modules/pki/pki-schemas.ts)
 * so the pages and the API cannot drift. Type-only imports: nothing of the server is bundled.
 */
export type MyCertificateState = MyCertificateView;
export type MyCertificate = CertificateView;
export type CertificateRow = z.infer<typeof certificateListItemSchema>;
export type CertificateList = z.infer<typeof certificateListSchema>;
export type TenantCa = z.infer<typeof caSchema>;

export interface CertificateFilter {
  status?: CertificateStatus | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export const signingApi = {
  tasks: () => api.get<Tasks>('/api/signing/tasks'),
  document: (id: string) => api.get<DocumentSummary>(`/api/documents/${id}`),
  sign: (id: string, body: SignBody) =>
    api.post<DocumentSummary>(`/api/documents/${id}/sign`, body),

  myCertificate: () => api.get<MyCertificateState>('/api/signing/certificate'),
  enrol: (body: { passphrase: string; passphraseConfirmation: string }) =>
    api.post<MyCertificate>('/api/signing/certificate', body),
  reissue: (body: {
    password: string;
    passphrase: string;
    passphraseConfirmation: string;
    reason: ReissueReason;
  }) => api.post<MyCertificate>('/api/signing/certificate/reissue', body),
  ca: () => api.get<{ ca: TenantCa | null }>('/api/signing/ca'),
  certificates: (filter: CertificateFilter) =>
    api.get<CertificateList>('/api/signing/certificates', { ...filter }),
  revoke: (id: string, reason: RevocationReason) =>
    api.post<MyCertificate>(`/api/signing/certificates/${id}/revoke`, { reason }),

  attempts: (state: SignAttemptState) =>
    api.get<{ items: SignAttempt[] }>('/api/signing/attempts', { state }),
  resolveAttempt: (id: string, note: string) =>
    api.post<void>(`/api/signing/attempts/${id}/resolve`, { note }),
  registerBsre: (nik: string) =>
    api.post<z.infer<typeof bsreIdentitySchema>>('/api/signing/certificate/bsre', { nik }),
};

/** My certificate file (PEM), downloaded by the browser. */
export const myCertificateDownloadUrl = '/api/signing/certificate/download';

// --- Batch signing over SSE -------------------------------------------------------------------

type BatchPayload<K extends keyof typeof batchEventSchemas> = z.infer<
  (typeof batchEventSchemas)[K]
>;

export type BatchItemStatus = BatchPayload<'progress'>['status'];

export type BatchEvent =
  | ({ type: 'start' } & BatchPayload<'start'>)
  | ({ type: 'progress' } & BatchPayload<'progress'>)
  | ({ type: 'done' } & BatchPayload<'done'>);

export interface SseFrame {
  event: string;
  data: string;
}

/**
 * Splits a text/event-stream into frames as chunks arrive (WHATWG "server-sent events"
 * parsing, reduced to what the server sends: `event`, `data`, comments). Chunks may end in
 * the middle of a line or a frame; the rest waits for the next push.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseFrame[] {
    this.buffer += chunk;
    const frames: SseFrame[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // A lone \r at the end may be the first half of \r\n: wait for the next chunk.
      if (match[0] === '\r' && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      if (line === '') {
        if (this.data.length > 0) {
          frames.push({ event: this.event || 'message', data: this.data.join('\n') });
        }
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue; // a comment (heartbeat)
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return frames;
  }
}

/** A frame as a typed batch event, or null for events this client does not know. */
export function toBatchEvent(frame: SseFrame): BatchEvent | null {
  if (frame.event !== 'start' && frame.event !== 'progress' && frame.event !== 'done') return null;
  let payload: unknown;
  try {
    payload = JSON.parse(frame.data);
  } catch {
    return null;
  }
  if (!payload || typeof payload !== 'object') return null;
  return { type: frame.event, ...payload } as BatchEvent;
}

export interface BatchRequest {
  documentIds: string[];
  passphrase: string;
  totp?: string | undefined;
}

/**
 * POST /api/signing/batch and reads the event stream until `done`. A refusal before the
 * stream starts (wrong passphrase, locked certificate, …) throws an ApiError like any other
 * request; `signal` stops reading (the server finishes the document it is on and stops).
 * Resolves with the `done` event, or null when the stream ended without one (connection lost).
 */
export async function streamBatchSign(
  body: BatchRequest,
  options: { csrfToken: string | null; signal: AbortSignal; onEvent: (event: BatchEvent) => void },
): Promise<Extract<BatchEvent, { type: 'done' }> | null> {
  const headers: Record<string, string> = {
    accept: 'text/event-stream',
    'content-type': 'application/json',
  };
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch('/api/signing/batch', {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw new ApiError(0, {
      code: 'NETWORK',
      message: 'Tidak dapat terhubung ke server. Periksa koneksi jaringan Anda lalu coba lagi.',
    });
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.includes('text/event-stream') || !response.body) {
    let errorBody: ApiErrorBody | undefined;
    try {
      errorBody = ((await response.json()) as { error?: ApiErrorBody }).error;
    } catch {
      errorBody = undefined;
    }
    throw new ApiError(
      response.ok ? 500 : response.status,
      errorBody ?? {
        code: 'INTERNAL',
        message: `Server mengalami gangguan (kode ${response.status}). Coba lagi beberapa saat lagi.`,
      },
    );
  }

  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  let done: Extract<BatchEvent, { type: 'done' }> | null = null;
  try {
    for (;;) {
      const { value, done: ended } = await reader.read();
      const frames = parser.push(
        ended ? `${decoder.decode()}\n\n` : decoder.decode(value, { stream: true }),
      );
      for (const frame of frames) {
        const event = toBatchEvent(frame);
        if (!event) continue;
        if (event.type === 'done') done = event;
        options.onEvent(event);
      }
      if (ended || done) break;
    }
  } catch (error) {
    if (options.signal.aborted) throw error;
    // The connection broke mid-stream: what was signed stays signed; the caller says so.
    return null;
  } finally {
    reader.releaseLock();
  }
  return done;
}
