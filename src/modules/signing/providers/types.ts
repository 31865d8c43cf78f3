import type { SigningProviderId } from '../../../shared/codes.js';
import type { AppError } from '../../../shared/errors.js';
import type { Actor } from '../../access/actor.js';

/** One signature to add to a PDF. */
export interface SignRequest {
  pdf: Buffer;
  /** The capacity printed as the signature's reason: "Pihak Pertama", "Menyaksikan", … */
  reason: string;
  signerName: string;
  location: string;
  signingTime: Date;
  /** Called with the provider's own request id when it gives one (kept on the sign attempt). */
  onProviderRef?: (ref: string) => void;
}

/**
 * A signer that has proved who they are (passphrase, TOTP) and may now sign one or many
 * documents. The secret stays inside the session object for its lifetime (one request, or one
 * batch) and is never written anywhere.
 */
export interface SigningSession {
  readonly provider: SigningProviderId;
  /** The signing_certificates row behind the signatures (the BSrE identity row for bsre). */
  readonly certificateId: string | null;
  /**
   * Remote providers sign somewhere else: a request can end without an answer, so every request
   * is recorded (sign_attempts) and committed before it is sent.
   */
  readonly remote: boolean;
  /** Serial of the certificate, for the audit trail (null when the provider does not say). */
  readonly serial: string | null;
  sign(request: SignRequest): Promise<Buffer>;
}

export interface OpenSessionInput {
  tenantId: string;
  userId: string;
  employeeId: string;
  passphrase: string;
  totp?: string;
  actor: Actor;
  ip: string | null;
}

export interface SigningProvider {
  readonly id: SigningProviderId;
  open(input: OpenSessionInput): Promise<SigningSession>;
}

/**
 * A remote request that was refused, or never sent: certainly not signed, safe to try again.
 * Carries the AppError to show.
 */
export class DefiniteFailure extends Error {
  override name = 'DefiniteFailure';
  constructor(
    readonly error: AppError,
    readonly providerRef: string | null = null,
  ) {
    super(error.message);
  }
}

/**
 * A remote request that was sent but never answered clearly (timeout, connection reset after
 * sending, 5xx, unreadable success): the provider may or may not have signed. Never retried
 * automatically; an admin checks with the provider and resolves the attempt.
 */
export class UnknownOutcome extends Error {
  override name = 'UnknownOutcome';
  constructor(
    readonly reason: 'timeout' | 'reset' | 'server_error' | 'bad_response',
    readonly providerRef: string | null = null,
  ) {
    super(`remote signing outcome unknown: ${reason}`);
  }
}
