/** The writing suggestions of the courses a build will publish, on the Publish screen. */
import type { BuildPlan } from '../../../main/api/contract.js';
import { suggestionCount } from '../../hooks/useLanguageCounts.js';

/** Writing suggestions in the courses being published: for information, never a block. */
export function SuggestionCounts({
  plan,
  counts,
}: {
  plan: BuildPlan;
  counts: Record<string, number> | undefined;
}) {
  const withSuggestions = plan.included.filter((c) => (counts?.[c.courseId] ?? 0) > 0);
  if (!counts || withSuggestions.length === 0) return null;
  return (
    <div data-testid="publish-suggestions">
      <h3>Writing suggestions</h3>
      <p className="hint">
        Gentle suggestions about wording and reading age. They never stop publishing.
      </p>
      <ul className="plain-list">
        {withSuggestions.map((c) => (
          <li key={c.courseId}>
            <strong>{c.title}</strong>: {suggestionCount(counts[c.courseId] ?? 0)}
          </li>
        ))}
      </ul>
    </div>
  );
}
