/** One HTML file of the site, ready to write. */
export interface RenderedPage {
  /** Site-relative path, forward slashes. */
  path: string;
  html: string;
}
