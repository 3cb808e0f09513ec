/**
 * The student-site settings of college.yml: the college's time zone (for calendars) and the
 * site's public address (for links in calendars, feeds and open data). A wrong value is a
 * problem at its line; the build then uses the default instead.
 */
import { problemAt } from './problem-at.js';
import type { YamlSource } from './read-yaml-file.js';
import type { College, Problem } from './types.js';

/** Used when college.yml names no time zone. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** True when `zone` is an IANA time zone name this computer knows, like Europe/London. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `siteUrl` with a trailing slash, or undefined when it is not an http(s) address. */
export function normaliseSiteUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.search || parsed.hash || parsed.username || parsed.password) return undefined;
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/** The checked settings to add to the College, and the problems with them. */
export function checkSiteSettings(
  value: { timeZone?: string; siteUrl?: string },
  source: YamlSource,
): { settings: Pick<College, 'timeZone' | 'siteUrl'>; problems: Problem[] } {
  const settings: Pick<College, 'timeZone' | 'siteUrl'> = {};
  const problems: Problem[] = [];
  if (value.timeZone !== undefined) {
    const zone = value.timeZone.trim();
    if (isTimeZone(zone)) settings.timeZone = zone;
    else
      problems.push(
        problemAt(
          source,
          ['timeZone'],
          'unknown-time-zone',
          `timeZone "${value.timeZone}" is not a time zone name; write one like Europe/London (calendars use ${DEFAULT_TIME_ZONE} until it is fixed)`,
          'warning',
        ),
      );
  }
  if (value.siteUrl !== undefined) {
    const url = normaliseSiteUrl(value.siteUrl);
    if (url) settings.siteUrl = url;
    else
      problems.push(
        problemAt(
          source,
          ['siteUrl'],
          'bad-site-url',
          `siteUrl "${value.siteUrl}" must be the web address of the published site, like https://college.example.org/courses/`,
          'warning',
        ),
      );
  }
  return { settings, problems };
}
