import type { Config } from './config.js';

/**
 * The address people reach Amanah at. QR codes, certificate CRL links and the venue board link
 * are built from it, so production sets PUBLIC_URL; locally it is the listening address.
 */
export function publicBaseUrl(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>): string {
  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  return base.replace(/\/+$/, '');
}

/** The verification page of one document (what the QR code on every page encodes). */
export function verifyUrl(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>, code: string): string {
  return `${publicBaseUrl(config)}/verifikasi/${code}`;
}
