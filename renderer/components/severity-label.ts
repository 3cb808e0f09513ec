/** How serious a problem is, in words people act on (colour alone never says it). */
import type { Problem } from '../../main/api/contract.js';

const LABELS: Record<Problem['severity'], string> = {
  error: 'Needs fixing',
  warning: 'Worth a look',
  information: 'For information',
};

/** `Needs fixing`, `Worth a look` or `For information`. */
export function severityLabel(severity: Problem['severity']): string {
  return LABELS[severity];
}
