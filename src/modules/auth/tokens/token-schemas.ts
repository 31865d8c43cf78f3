import { z } from 'zod';
import { tokenScopes } from '../schema.js';

/** Request and response shapes of the personal API token endpoints. */
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(2, 'minimal 2 karakter').max(100),
  scopes: z
    .array(z.enum(tokenScopes))
    .min(1, 'pilih minimal satu cakupan')
    .max(tokenScopes.length)
    .refine((s) => new Set(s).size === s.length, 'cakupan tidak boleh berulang'),
  expiresAt: z.iso
    .datetime({ offset: true, message: 'format tanggal-waktu ISO 8601' })
    .refine((v) => Date.parse(v) > Date.now(), 'harus di masa depan')
    .optional(),
});
export type CreateTokenBody = z.infer<typeof createTokenBody>;

export const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(tokenScopes)),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  active: z.boolean(),
});
export type TokenView = z.infer<typeof tokenSchema>;

export const createdTokenSchema = tokenSchema.extend({
  /** The secret, shown once: it cannot be read again. */
  token: z.string(),
});
