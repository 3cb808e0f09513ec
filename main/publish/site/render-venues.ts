/** The venues page: where courses take place, with addresses and access information. */
import type { SiteTemplates } from './load-templates.js';
import { sitePage, type RenderedPage } from './rendered-page.js';
import { describe, layoutView } from './site-model.js';
import type { SiteModel } from './site-model.js';
import { relativeHref, sitePaths } from './site-paths.js';

/** Renders venues.html with an anchor `venue-<id>` per venue. */
export function renderVenues(model: SiteModel, templates: SiteTemplates): RenderedPage {
  const path = sitePaths.venues;
  const titles = new Map(model.ctx.courses.map((c) => [c.id, c.title]));
  const venues = model.library.college.venues.map((venue) => {
    const courseIds = [
      ...new Set(model.ctx.runs.filter((r) => r.venue === venue.id).map((r) => r.course)),
    ];
    return {
      id: `venue-${venue.id}`,
      name: venue.name,
      address: venue.address,
      accessibility: venue.accessibility,
      online: venue.online,
      termTitle: model.ctx.term.title,
      courses: courseIds.map((id) => ({
        title: titles.get(id) ?? id,
        href: relativeHref(path, sitePaths.course(id)),
      })),
    };
  });
  const view = {
    layout: layoutView(model, path, {
      title: 'Venues',
      description: describe(
        `Where ${model.library.college.name} courses take place, and how to get in.`,
      ),
      section: 'venues',
      breadcrumbs: [
        { label: 'Home', path: sitePaths.home },
        { label: 'Venues', path },
      ],
    }),
    venues,
    termTitle: model.ctx.term.title,
    email: model.library.college.contact.email ?? null,
    phone: model.library.college.contact.phone ?? null,
  };
  return sitePage(templates, 'venues', path, view);
}
