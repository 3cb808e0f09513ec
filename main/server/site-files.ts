/**
 * Browser mode serves the website a build just made under `/site/`, so "Open the website" works
 * in a browser tab. Files come only from that build's site folder (containment as for the UI
 * bundle), and pages get a policy that lets them show themselves but never call the API.
 */
import { CONTENT_SECURITY_POLICY } from './request-guards.js';
import { readStaticFile, TYPES, type StaticFile } from './static-files.js';

/** Where the built site is served. */
export const SITE_PATH = '/site/';

/** The UI bundle's types, and a site's own (calendars, the feed, PDFs). */
const SITE_TYPES: Readonly<Record<string, string>> = {
  ...TYPES,
  '.ics': 'text/calendar; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** A file to send, or the folder address (with its final slash) to send the browser to. */
export type SiteAnswer = { file: StaticFile } | { redirectTo: string } | undefined;

/**
 * The answer for `urlPath` (below `/site/`, still %-encoded) in `siteDir`: `index.html` for a
 * folder address; a folder named without its final slash redirects there, so the page's
 * relative links work; anything outside the folder or of an unknown type is undefined.
 */
export async function readSiteFile(siteDir: string, urlPath: string): Promise<SiteAnswer> {
  if (urlPath === '' || urlPath.endsWith('/')) {
    const index = await readStaticFile(siteDir, `${urlPath}index.html`, SITE_TYPES);
    return index && { file: index };
  }
  const file = await readStaticFile(siteDir, urlPath, SITE_TYPES);
  if (file) return { file };
  const index = await readStaticFile(siteDir, `${urlPath}/index.html`, SITE_TYPES);
  return index && { redirectTo: `${SITE_PATH}${urlPath}/` };
}

/**
 * Content-Security-Policy for site pages: the UI's, but with no requests from scripts at all
 * (no fetch, XHR or EventSource), so a page of the website can never call the app's API.
 */
export const SITE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "connect-src 'self'",
  "connect-src 'none'",
);
