import http from 'node:http';
import https from 'node:https';
import { AppError } from '../../../shared/errors.js';
import { DefiniteFailure, UnknownOutcome } from './types.js';

/**
 * The HTTP side of a BSrE Esign-style remote signing service (decision 0012):
 *
 *   POST {BSRE_URL}/api/v2/sign/pdf   (HTTP Basic: BSRE_CLIENT_ID / BSRE_CLIENT_SECRET)
 *   { nik, passphrase | totp, signatureProperties: [{ tampilan: 'INVISIBLE', reason, location }],
 *     file: [<base64 PDF>] }
 *   200 → { file: [<base64 signed PDF>], id, time? }     error → { status_code, error }
 *
 * What matters most is telling apart a request that certainly did not sign (refused with a 4xx
 * answer, or never sent) from one whose outcome is unknown (sent, then no clear answer: a
 * timeout, a reset connection, a 5xx, an unreadable success). The first may be tried again; the
 * second must never be retried blindly, since the document may have been signed at the
 * provider. Node's http module is used rather than fetch because it says whether the request
 * body was fully handed to the network before a failure.
 */
export interface BsreClientConfig {
  url: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

export interface BsreSignInput {
  nik: string;
  /** One of the two: BSrE accepts a passphrase or a TOTP from its own authenticator. */
  passphrase?: string;
  totp?: string;
  reason: string;
  location: string;
  pdf: Buffer;
}

export interface BsreSignResult {
  pdf: Buffer;
  /** The provider's request id, when it sends one. */
  id: string | null;
}

/** A signed PDF is rarely above a few MB; a larger answer is not one we asked for. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

interface BsreErrorBody {
  status_code?: unknown;
  error?: unknown;
  message?: unknown;
  id?: unknown;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);

/**
 * What a refusal means for the person signing. BSrE answers with a numeric status_code and an
 * Indonesian message; the codes below are the ones the mock server (tests/helpers) follows, the
 * message patterns catch the same refusals when a deployment numbers them differently.
 */
export function mapBsreRefusal(httpStatus: number, body: BsreErrorBody): AppError {
  const code = text(body.status_code);
  const message = text(body.error ?? body.message).slice(0, 200);
  const details = { provider: 'bsre', httpStatus, statusCode: code || null };
  if (httpStatus === 401 || httpStatus === 403) {
    return new AppError(
      'PROVIDER_ERROR',
      'Layanan BSrE menolak kredensial aplikasi Amanah. Dokumen belum ditandatangani; minta admin memeriksa pengaturan BSRE_CLIENT_ID/BSRE_CLIENT_SECRET.',
      details,
    );
  }
  if (code === '2031' || /passphrase/i.test(message)) {
    return new AppError('PASSPHRASE_WRONG', 'Passphrase salah.', details);
  }
  if (code === '2011' || /(tidak|belum) terdaftar|not registered|not found/i.test(message)) {
    return new AppError(
      'NOT_ENROLLED',
      'NIK Anda belum terdaftar sebagai pemilik sertifikat di BSrE. Hubungi admin untuk pendaftaran sertifikat elektronik.',
      details,
    );
  }
  if (/\b(totp|otp)\b/i.test(message)) {
    return new AppError('INVALID_TOTP', 'Kode OTP BSrE salah atau kedaluwarsa.', details);
  }
  return new AppError(
    'PROVIDER_REFUSED',
    `BSrE menolak permintaan tanda tangan${message ? `: ${message}` : ''}. Dokumen belum ditandatangani.`,
    details,
  );
}

const notSent = (why: string) =>
  new DefiniteFailure(
    new AppError(
      'PROVIDER_ERROR',
      'Layanan BSrE tidak dapat dihubungi. Dokumen belum ditandatangani; coba lagi beberapa saat lagi.',
      { provider: 'bsre', reason: why },
    ),
  );

function endpoint(base: string): URL {
  return new URL(`${base.replace(/\/+$/, '')}/api/v2/sign/pdf`);
}

/**
 * Sends one PDF to be signed. Resolves with the signed PDF, or throws DefiniteFailure (not
 * signed, safe to retry) or UnknownOutcome (maybe signed: never retry automatically).
 */
export function bsreSignPdf(
  config: BsreClientConfig,
  input: BsreSignInput,
): Promise<BsreSignResult> {
  const url = endpoint(config.url);
  const body = Buffer.from(
    JSON.stringify({
      nik: input.nik,
      ...(input.passphrase ? { passphrase: input.passphrase } : { totp: input.totp ?? '' }),
      signatureProperties: [
        { tampilan: 'INVISIBLE', reason: input.reason, location: input.location },
      ],
      file: [input.pdf.toString('base64')],
    }),
  );
  const auth = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64');
  const transport = url.protocol === 'https:' ? https : http;

  return new Promise<BsreSignResult>((resolve, reject) => {
    let settled = false;
    /** The whole body was handed to the network: from here on, the provider may act on it. */
    let sent = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const fail = (error: Error) => settle(() => reject(error));

    const request = transport.request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'content-length': body.length,
        authorization: `Basic ${auth}`,
      },
    });
    // One deadline for the whole exchange (connect, send, sign, answer).
    const timer = setTimeout(() => {
      fail(sent ? new UnknownOutcome('timeout') : notSent('timeout_before_sent'));
      request.destroy();
    }, config.timeoutMs);

    request.on('finish', () => {
      sent = true;
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      fail(sent ? new UnknownOutcome('reset') : notSent(error.code ?? 'connect_failed'));
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          fail(new UnknownOutcome('bad_response'));
          request.destroy();
          return;
        }
        chunks.push(chunk);
      });
      // A connection cut while the answer arrives: the provider may well have signed.
      response.on('error', () => fail(new UnknownOutcome('reset')));
      response.on('aborted', () => fail(new UnknownOutcome('reset')));
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          parsed = null;
        }
        const json = (parsed && typeof parsed === 'object' ? parsed : {}) as BsreErrorBody & {
          file?: unknown;
        };
        const id = json.id === undefined || json.id === null ? null : text(json.id);
        settle(() => {
          if (status >= 500) return reject(new UnknownOutcome('server_error', id));
          if (status >= 200 && status < 300) {
            const file = Array.isArray(json.file) ? json.file[0] : undefined;
            if (typeof file === 'string' && file.length > 0) {
              return resolve({ pdf: Buffer.from(file, 'base64'), id });
            }
            // A success that carries an explicit refusal is a refusal; anything else unreadable
            // might hide a signature.
            if (json.error !== undefined || json.status_code !== undefined) {
              return reject(new DefiniteFailure(mapBsreRefusal(status, json), id));
            }
            return reject(new UnknownOutcome('bad_response', id));
          }
          // 3xx and 4xx: the provider answered and did not sign.
          return reject(new DefiniteFailure(mapBsreRefusal(status, json), id));
        });
      });
    });
    request.end(body);
  });
}
