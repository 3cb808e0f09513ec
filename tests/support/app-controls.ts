/** What the site's own templates add to pages, taken out before looking for library text. */

/**
 * `html` without the app's own controls and scripts, which only templates write: the search
 * forms and the course list's filters (no course text inside) and `<script src>` of the
 * app's scripts in assets/, and JSON-LD with no `<` inside.
 */
export function withoutAppControls(html: string): string {
  return (
    html
      .replace(/<search(?: class='[a-z_-]+')?>\s*<form class='search-form'[^]*?<\/search>/g, '')
      .replace(/<form class='filters [^']*' id='course-filters'[^]*?<\/form>/g, '')
      // JSON-LD: removed only when nothing inside could start a tag (open-data tests parse it).
      .replace(/<script type='application\/ld\+json'>[^<]*<\/script>/g, '')
      .replace(
        /<script src='(?:\.\.\/)*assets\/(?:minisearch|search-index|search|course-facts|filters)\.js'><\/script>/g,
        '',
      )
  );
}
