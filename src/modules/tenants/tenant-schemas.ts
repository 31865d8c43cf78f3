import { z } from 'zod';
import { tenantTypes, timeZones } from './schema.js';
import { tenantSettingsSchema, tenantSettingsUpdateSchema } from './settings.js';

const logo = z
  .string()
  .max(300_000, 'logo maksimal ±200 KB')
  .regex(
    /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/,
    'logo harus gambar PNG, JPEG atau SVG',
  )
  .nullable();

export const createTenantBody = z.strictObject({
  name: z.string().trim().min(3).max(200),
  shortName: z.string().trim().min(2).max(80),
  type: z.enum(tenantTypes),
  regionCode: z
    .string()
    .trim()
    .regex(
      /^[0-9]{2}(\.[0-9]{2})?$/,
      'kode wilayah Kemendagri: "71" (provinsi) atau "71.74" (kab/kota)',
    ),
  timeZone: z.enum(timeZones),
  logo: logo.optional(),
  settings: tenantSettingsSchema.optional(),
});

export const updateTenantBody = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(3).max(200).optional(),
  shortName: z.string().trim().min(2).max(80).optional(),
  timeZone: z.enum(timeZones).optional(),
  logo: logo.optional(),
  settings: tenantSettingsUpdateSchema.optional(),
});

export const tenantSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string(),
  type: z.enum(tenantTypes),
  regionCode: z.string(),
  timeZone: z.enum(timeZones),
  hasLogo: z.boolean(),
  settings: tenantSettingsSchema,
  archived: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  permissions: z.record(z.string(), z.boolean()),
});
