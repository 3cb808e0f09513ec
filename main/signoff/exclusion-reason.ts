/** Why a course that is not ready to publish stays out, in the words a build and a planner show. */
import { joinWithAnd } from '../format/wording.js';
import type { CourseStatus } from './types.js';

/** Why a course that is not `ready` stays out of a build, in plain words. */
export function exclusionReason(status: CourseStatus): string {
  const nameOf = (id: string): string => status.authors.find((a) => a.trainerId === id)?.name ?? id;
  switch (status.state) {
    case 'awaiting': {
      const parts: string[] = [];
      if (status.awaiting.length > 0) {
        parts.push(`awaiting sign-off from ${joinWithAnd(status.awaiting.map(nameOf))}`);
      }
      const roles = new Set(status.authors.map((a) => a.role));
      if (!roles.has('peer') || !roles.has('practitioner')) {
        parts.push('it needs both a peer and a practitioner trainer among its authors');
      }
      return parts.join('; ');
    }
    case 'changed':
      return `changed since sign-off by ${joinWithAnd(status.changedSince.map(nameOf))}`;
    case 'draft':
      return status.authors.length > 0
        ? `not yet signed off by ${joinWithAnd(status.authors.map((a) => a.name))}`
        : 'not yet signed off (the course lists no authors)';
    case 'ready':
      return '';
  }
}
