import { useTranslation } from 'react-i18next';
import type { ShownIssue } from '../../store/importSlice';

/**
 * Import problems as plain text in the UI language: where and what (file, feature number,
 * problem), then what to do. Imported names inside messages stay text (React escapes them).
 */
export function IssueList({ issues, testId }: { issues: readonly ShownIssue[]; testId?: string }) {
  const { i18n } = useTranslation();
  if (!issues.length) return null;
  const zh = i18n.language.startsWith('zh');
  return (
    <ul className="io-issues" data-testid={testId}>
      {issues.map((x, i) => (
        <li key={i} className={`io-issue ${x.severity ?? 'error'}`}>
          <span className="io-issue-text">{zh ? x.message_zh : x.message_en}</span>
          {(zh ? x.hint_zh : x.hint_en) && <span className="io-issue-hint">{zh ? x.hint_zh : x.hint_en}</span>}
        </li>
      ))}
    </ul>
  );
}
