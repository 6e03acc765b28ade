import { z } from 'zod';

/** A display name: trimmed, 1–100 characters, no control characters and no angle brackets (HTML-ish input). */
export const NameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine((s) => !/[\p{Cc}<>]/u.test(s), 'must not contain control characters or < >');

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('must be a valid email address'));
export const PasswordSchema = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');
export const RoleSchema = z.enum(['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER']);
export const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like '#1f77b4'").transform((s) => s.toLowerCase());
export const IsoDate = z.string().describe('ISO 8601 date-time');

export const OrgSchema = z.object({ id: z.string(), name: z.string(), slug: z.string(), role: RoleSchema, createdAt: IsoDate });
export const MemberSchema = z.object({ userId: z.string(), name: z.string(), email: z.string(), role: RoleSchema, joinedAt: IsoDate });
export const InvitationSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  email: z.string().nullable(),
  expiresAt: IsoDate,
  createdAt: IsoDate,
  acceptedAt: IsoDate.nullable(),
  revokedAt: IsoDate.nullable(),
});
export const LabelClassSchema = z.object({ id: z.string(), name: z.string(), color: z.string(), order: z.number().int() });
export const ProjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(['SEMANTIC', 'INSTANCE']),
  archived: z.boolean(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  labelClasses: z.array(LabelClassSchema),
});
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(['read', 'write'])),
  createdAt: IsoDate,
  lastUsedAt: IsoDate.nullable(),
  expiresAt: IsoDate.nullable(),
  revokedAt: IsoDate.nullable(),
});
