/**
 * The one way HTML reaches a site template unescaped. Only Markdown rendered (and sanitized)
 * by renderMarkdown is wrapped in this class; templates print it with `{{sanitizedHtml x}}`,
 * and the helper refuses anything else, so course text can never smuggle markup in as a string.
 */
import { renderMarkdownDocument } from '../markdown/render-markdown.js';
import type { RenderMarkdownOptions } from '../markdown/render-markdown.js';

/** HTML known to come from renderMarkdown; only this class's factory can make one. */
export class SanitizedHtml {
  private constructor(readonly html: string) {}

  /** Renders untrusted course Markdown for students (facilitator notes removed). */
  static fromMarkdown(
    markdown: string,
    options: Omit<RenderMarkdownOptions, 'audience'>,
  ): SanitizedHtml {
    return SanitizedHtml.withExcerpt(markdown, options).html;
  }

  /** As fromMarkdown, also returning the first paragraph as plain text (from the same pass). */
  static withExcerpt(
    markdown: string,
    options: Omit<RenderMarkdownOptions, 'audience'>,
  ): { html: SanitizedHtml; firstParagraph: string } {
    const rendered = renderMarkdownDocument(markdown, { ...options, audience: 'student' });
    return { html: new SanitizedHtml(rendered.html), firstParagraph: rendered.firstParagraph };
  }
}
