/** A course's sign-off state as words with a shape, never colour alone. */
import type { CourseStatus } from '../../main/api/contract.js';

const marks: Record<string, string> = {
  draft: '✎',
  awaiting: '…',
  changed: '!',
  ready: '✓',
  unknown: '?',
};

/** The words people see for a state. */
export function statusText(status: CourseStatus | undefined): string {
  if (!status) return 'needs fixing';
  if (status.state === 'changed') return 'changed since sign-off';
  return status.label;
}

/** Badge showing a course's sign-off state. */
export function StatusBadge({ status }: { status: CourseStatus | undefined }) {
  const state = status?.state ?? 'unknown';
  return (
    <span className={`badge badge--${state}`}>
      <span className="badge__mark" aria-hidden="true">
        {marks[state]}
      </span>
      {statusText(status)}
    </span>
  );
}
