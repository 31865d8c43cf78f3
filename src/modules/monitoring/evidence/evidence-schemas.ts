import { z } from 'zod';

/** One evidence file as the API shows it. */
export const evidenceSchema = z.object({
  id: z.uuid(),
  reportId: z.uuid(),
  indicatorId: z.uuid().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const evidenceListSchema = z.object({ items: z.array(evidenceSchema) });

export const uploadQuery = z.strictObject({
  /** The PK indicator the file supports; left out for evidence of the report as a whole. */
  indicatorId: z.uuid('indicatorId harus UUID').optional(),
  /** The name on the person's disk; "bukti.<ext>" when left out. It never decides the type. */
  fileName: z.string().max(1000).optional(),
});

export const reportIdParam = z.strictObject({ id: z.uuid('id harus UUID') });
