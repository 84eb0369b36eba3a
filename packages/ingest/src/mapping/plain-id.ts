// Ids that need no regular expression (internal): the fast check both record paths share before `idSchema`.
import { idSchema } from '@cx/model';
import { z } from 'zod';

/**
 * Whether an id is printable ASCII, 1 to 256 characters: then `idSchema` accepts it (no control character, at most
 * 256 code points), without the regular expression and the code-point count (internal; a sufficient condition, held
 * to `idSchema` by `fast-builder.test.ts`; other ids go to the schema).
 */
export function isPlainId(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 256) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** Whether a field's schema is `idSchema` (or `idSchema.optional()`), so {@link isPlainId} may stand for it. */
export function isIdSchema(schema: z.ZodType | undefined): boolean {
  if (schema === undefined) return false;
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  return inner === idSchema;
}
