import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CmsSigner } from '../../src/modules/signing/pdf/cms-signer.js';
import { signPdf } from '../../src/modules/signing/pdf/sign-pdf.js';
import {
  createTestCa,
  type TestCa,
  type TestIdentity,
} from '../../src/modules/signing/pdf/test-ca.js';

/**
 * A local stand-in for a BSrE Esign-style service (decision 0012), on 127.0.0.1 and a free port,
 * following the published shapes:
 *
 *   POST /api/v2/sign/pdf   HTTP Basic
 *   { nik, passphrase | totp, signatureProperties: [{ tampilan, reason, location }], file: [b64] }
 *   200 { file: [b64 signed], id, time }     400 { status_code, error }
 *
 * It signs for real with its own throwaway CA, so what comes back passes pdfsig. `mode` makes it
 * misbehave the ways a remote service does:
 *   ok                — sign (or refuse an unknown NIK / a wrong passphrase, as BSrE does)
 *   wrong_passphrase  — always 2031
 *   hang              — read the request, never answer
 *   error500          — 500 after reading the request
 *   reset             — read the request, then cut the connection
 *   garbage           — 200 with a body that is not JSON
 * `requests` counts the sign requests that arrived (whatever the mode).
 */
export type BsreMockMode = 'ok' | 'wrong_passphrase' | 'hang' | 'error500' | 'reset' | 'garbage';

export interface BsreMock {
  url: string;
  clientId: string;
  clientSecret: string;
  mode: BsreMockMode;
  readonly requests: number;
  /** The NIK → passphrase and certificate BSrE holds for an official. */
  register(nik: string, passphrase: string, name: string): void;
  /** The last request's JSON, with the passphrase and file left out. */
  readonly lastRequest: Record<string, unknown> | null;
  /** Every signed PDF returned, in order. */
  readonly returned: Buffer[];
  ca: TestCa;
  close(): Promise<void>;
}

interface Account {
  passphrase: string;
  name: string;
  identity: TestIdentity;
}

const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

export async function startBsreMock(): Promise<BsreMock> {
  const ca = createTestCa('BSrE Uji (tiruan)');
  const accounts = new Map<string, Account>();
  const sockets = new Set<Socket>();
  const clientId = 'amanah-uji';
  const clientSecret = randomBytes(12).toString('hex');
  const expectedAuth = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
  let requests = 0;
  let lastRequest: Record<string, unknown> | null = null;
  const returned: Buffer[] = [];
  let counter = 0;

  const state = { mode: 'ok' as BsreMockMode };

  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/v2/sign/pdf') {
      return sendJson(res, 404, { status_code: 404, error: 'Not Found' });
    }
    if (req.headers.authorization !== expectedAuth) {
      return sendJson(res, 401, { status_code: 401, error: 'Unauthorized' });
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests += 1;
      void handle(Buffer.concat(chunks), req, res).catch((error: unknown) => {
        sendJson(res, 500, { status_code: 500, error: String(error) });
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(raw: Buffer, req: http.IncomingMessage, res: http.ServerResponse) {
    let body: {
      nik?: string;
      passphrase?: string;
      totp?: string;
      signatureProperties?: { tampilan?: string; reason?: string; location?: string }[];
      file?: string[];
    };
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendJson(res, 400, { status_code: 1001, error: 'Format request tidak valid' });
    }
    const { passphrase: _secret, totp: _totp, file, ...rest } = body;
    lastRequest = { ...rest, files: file?.length ?? 0, hasPassphrase: Boolean(_secret) };
    switch (state.mode) {
      case 'hang':
        return; // never answers; the client's timeout decides
      case 'reset':
        req.socket.destroy();
        return;
      case 'error500':
        return sendJson(res, 500, { status_code: 500, error: 'Internal Server Error' });
      case 'garbage':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>Gateway</html>');
        return;
      default:
        break;
    }
    const account = body.nik ? accounts.get(body.nik) : undefined;
    if (!account) {
      return sendJson(res, 400, { status_code: 2011, error: 'NIK tidak terdaftar' });
    }
    if (state.mode === 'wrong_passphrase' || body.passphrase !== account.passphrase) {
      return sendJson(res, 400, { status_code: 2031, error: 'Passphrase anda salah' });
    }
    const pdf = Buffer.from(file?.[0] ?? '', 'base64');
    const props = body.signatureProperties?.[0] ?? {};
    const signed = await signPdf(
      pdf,
      new CmsSigner({ ...account.identity, chainPem: [ca.certificatePem] }),
      {
        reason: props.reason ?? '',
        name: account.name,
        location: props.location ?? '',
        signingTime: new Date(),
      },
    );
    returned.push(signed);
    counter += 1;
    return sendJson(res, 200, {
      file: [signed.toString('base64')],
      id: `bsre-${counter}`,
      time: new Date().toISOString(),
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    get mode() {
      return state.mode;
    },
    set mode(mode: BsreMockMode) {
      state.mode = mode;
    },
    get requests() {
      return requests;
    },
    get lastRequest() {
      return lastRequest;
    },
    returned,
    register(nik, passphrase, name) {
      accounts.set(nik, { passphrase, name, identity: ca.issue(name) });
    },
    ca,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
