import { z } from 'zod';
import { VENUE_KINDS } from '../domain/venue-kind.js';
import { ValidationError } from './error-types.js';

/** True when no control character (other than tab and newlines) is in the text. */
const NO_CONTROL = (s: string) =>
  ![...s].some((c) => {
    const n = c.charCodeAt(0);
    return (n < 32 && n !== 9 && n !== 10 && n !== 13) || n === 127;
  });
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(NO_CONTROL, 'must not contain control characters');
const year = () =>
  z
    .number()
    .int()
    .min(1900, 'must be 1900 or later')
    .max(new Date().getFullYear() + 1, `must be ${new Date().getFullYear() + 1} or earlier`);
const httpUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');
const ref = z
  .object({ id: z.string().max(300).nullish(), name: text(200).nullish() })
  .refine((r) => r.id || r.name, 'needs an id or a name');
const ids = (max: number) => z.array(z.string().min(1).max(300)).max(max, `at most ${max}`);

const paperFields = {
  year: year().nullish(),
  listedYear: year().nullish(),
  arxivId: z
    .string()
    .regex(/^\d{4}\.\d{4,5}(v\d+)?$/, 'must look like 2003.02395')
    .nullish(),
  notes: z.array(text(200)).max(20, 'at most 20').nullish(),
  links: z
    .array(z.object({ label: text(100), url: httpUrl }))
    .max(50, 'at most 50')
    .nullish(),
  venue: z
    .object({
      id: z.string().max(300).nullish(),
      name: text(200).nullish(),
      kind: z.enum(VENUE_KINDS).nullish(),
    })
    .refine((v) => v.id || v.name, 'needs an id or a name')
    .nullish(),
  authors: z.array(ref).max(100, 'at most 100 authors').nullish(),
  sectionIds: ids(50).nullish(),
  topicIds: ids(50).nullish(),
  optimizers: z.array(ref).max(50, 'at most 50').nullish(),
};

export const paperInputSchema = z.object({ title: text(500), ...paperFields });
export const paperPatchSchema = z.object({ title: text(500).nullish(), ...paperFields });

/** Parses input with a schema, or throws a ValidationError naming the first bad field ("input.authors.2.name"). */
export function validate<T extends z.ZodType>(schema: T, value: unknown, root = 'input'): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = [root, ...(issue?.path ?? []).map(String)].join('.');
  throw new ValidationError(`${field} ${issue?.message ?? 'is invalid'}`, field);
}
