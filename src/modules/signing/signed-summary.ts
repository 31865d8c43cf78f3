/**
 * What `POST /api/documents/:id/sign` answers: the document after the signature, in the
 * documents module's summary shape (kept as a name of its own for the web app's imports).
 */
export type { DocumentSummary as SignedSummary } from '../documents/document-schemas.js';
