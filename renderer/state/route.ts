/** The app's screens as a small hash route, so Back works and each screen has an address. */

export type CourseTab = 'modules' | 'details' | 'signoff';

export type Route =
  | { screen: 'library' }
  | { screen: 'course'; courseId: string; tab: CourseTab }
  | { screen: 'problems'; courseId?: string }
  | { screen: 'publish' }
  | { screen: 'profile' }
  | { screen: 'terms' }
  | { screen: 'term'; termId: string }
  | { screen: 'venues' }
  | { screen: 'trainers' }
  | { screen: 'college' }
  | { screen: 'pages' }
  | { screen: 'recovered' };

const courseTabs: readonly CourseTab[] = ['modules', 'details', 'signoff'];

/** Reads a route from `location.hash`; anything unknown is the library. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [screen, id, tab] = parts;
  if (screen === 'course' && id) {
    const known = courseTabs.find((t) => t === tab);
    return { screen: 'course', courseId: id, tab: known ?? 'modules' };
  }
  if (screen === 'problems') return id ? { screen: 'problems', courseId: id } : { screen };
  if (screen === 'publish' || screen === 'profile') return { screen };
  if (screen === 'recovered' || screen === 'pages') return { screen };
  if (screen === 'term' && id) return { screen: 'term', termId: id };
  if (screen === 'terms' || screen === 'venues' || screen === 'trainers' || screen === 'college') {
    return { screen };
  }
  return { screen: 'library' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'course':
      return `#/course/${encodeURIComponent(route.courseId)}/${route.tab}`;
    case 'problems':
      return route.courseId ? `#/problems/${encodeURIComponent(route.courseId)}` : '#/problems';
    case 'term':
      return `#/term/${encodeURIComponent(route.termId)}`;
    default:
      return `#/${route.screen}`;
  }
}
