/**
 * What course HTML may contain: GitHub's sanitize schema plus only what Tandem's own Markdown
 * features produce (class names on activity boxes and their labels).
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

const defaults = defaultSchema.attributes ?? {};

/** The rehype-sanitize schema for every piece of course Markdown Tandem publishes. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // remark-rehype already prefixes the only ids Markdown can make (GFM footnotes) with
  // `user-content-`; prefixing again would break the footnote links. Raw HTML, and with it any
  // author-written id, never gets this far.
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside'],
  attributes: {
    ...defaults,
    aside: [['className', 'activity', 'facilitator-note']],
    p: [...(defaults.p ?? []), ['className', 'box-label']],
    img: [...(defaults.img ?? []), ['loading', 'lazy']],
  },
};
