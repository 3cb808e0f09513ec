/**
 * The shape of each library file, as zod schemas. They check structure and types only; rules
 * about values (dates, ids, references) live in their own check modules so that a file with a
 * wrong date still loads and every problem is reported at once.
 */
import { z } from 'zod';
import { COURSE_TEXT_FIELDS, sameForEach } from '../format/course-fields.js';
import { HOLIDAY_REGIONS } from '../planning/holidays.js';

// Optional lists are `nullish` so that an empty `tags:` line means "none yet" rather than an error.

const text = z.string().trim().min(1);
const optionalText = z.string().optional();

export const contactSchema = z.object({
  email: optionalText,
  phone: optionalText,
  address: optionalText,
  website: optionalText,
  hours: optionalText,
});

export const categorySchema = z.object({ id: text, title: text, description: text });

export const venueSchema = z.object({
  id: text,
  name: text,
  address: text,
  accessibility: text,
  online: z.boolean().optional(),
});

export const collegeSchema = z.object({
  name: text,
  tagline: text,
  contact: contactSchema,
  currentTerm: text,
  categories: z.array(categorySchema).min(1),
  venues: z.array(venueSchema).min(1),
  coverImage: optionalText,
  holidays: z.enum(HOLIDAY_REGIONS).optional(),
  timeZone: optionalText,
  siteUrl: optionalText,
  studentInfo: z
    .object({
      free: optionalText,
      referral: optionalText,
      enrol: optionalText,
      access: optionalText,
    })
    .optional(),
});

export const trainerKeySchema = z.object({
  publicKey: text,
  added: optionalText,
  revoked: optionalText,
});

export const trainerSchema = z.object({
  id: text,
  name: text,
  role: z.enum(['peer', 'practitioner']),
  keys: z.array(trainerKeySchema).nullish(),
});

export const trainersSchema = z.array(trainerSchema);

export const sessionSchema = z.object({ date: text, start: text, end: text });

export const runSchema = z.object({
  course: text,
  venue: text,
  facilitators: z.array(text).min(1),
  capacity: z.number().int().min(1).optional(),
  sessions: z.array(sessionSchema).min(1),
});

export const termSchema = z.object({
  title: text,
  starts: text,
  ends: text,
  enrolmentOpens: optionalText,
  runs: z.array(runSchema).nullish(),
});

export const pageSchema = z.object({ title: text, order: z.number() });

export const courseSchema = z.object({
  ...sameForEach(COURSE_TEXT_FIELDS, text),
  outcomes: z.array(text).min(1),
  authors: z.array(text).min(1),
  tags: z.array(text).nullish(),
});

export const moduleSchema = z.object({ title: text, duration: optionalText });
