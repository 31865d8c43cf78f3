/**
 * The one error type of the application. Domain code throws AppError with a stable code and an
 * Indonesian message for people; the HTTP layer maps the code to a status in one place
 * (server/error-handler.ts).
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_NIP: 400,
  INVALID_NUMBER: 400,
  INVALID_TARGET: 400,
  QUARTER_PLAN_INVALID: 400,
  QUALITY_BLOCKED: 422,
  IMPORT_INVALID: 422,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  MFA_REQUIRED: 401,
  INVALID_TOTP: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  MFA_SETUP_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  UNIT_CYCLE: 409,
  ASSIGNMENT_OVERLAP: 409,
  HAS_DEPENDENTS: 409,
  ARCHIVED: 409,
  INVALID_TRANSITION: 409,
  NOT_EDITABLE: 409,
  FROZEN: 409,
  NO_HOLDER: 409,
  PLAN_STRUCTURE: 409,
  REVISION_NOT_ALLOWED: 409,
  QUARTER_LOCKED: 409,
  // Documents and signing (issue 4).
  PASSPHRASE_WEAK: 400,
  PASSPHRASE_WRONG: 422,
  NOT_A_PDF: 422,
  NOT_ENROLLED: 409,
  ALREADY_ENROLLED: 409,
  CERTIFICATE_REVOKED: 409,
  CERTIFICATE_EXPIRED: 409,
  CERTIFICATE_LOCKED: 423,
  NOT_YOUR_TURN: 409,
  NOT_YOUR_DOCUMENT: 403,
  NOT_READY_TO_SIGN: 409,
  ALREADY_SIGNED: 409,
  PARTIALLY_SIGNED: 409,
  SIGN_OUTCOME_UNKNOWN: 409,
  PROVIDER_REFUSED: 422,
  PROVIDER_ERROR: 502,
  PROVIDER_NOT_CONFIGURED: 503,
  // Quarterly monitoring (issue 5).
  AGREEMENT_NOT_SIGNED: 409,
  EXPLANATION_REQUIRED: 422,
  NEGATIVE_NOT_ALLOWED: 400,
  BUDGET_OVER_CEILING: 422,
  EVIDENCE_TYPE: 415,
  UNLOCK_PENDING: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = 'Data'): AppError =>
  new AppError('NOT_FOUND', `${what} tidak ditemukan.`);

export const forbidden = (message = 'Anda tidak memiliki hak untuk tindakan ini.'): AppError =>
  new AppError('FORBIDDEN', message);
