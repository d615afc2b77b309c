import { ISSUE_CATALOG, issueText, type IssueCode } from '../io/issueCatalog';
import { analysisIssueText, type AnalysisIssueParams, type AnalysisIssueReason } from './analysisIssues';
import type { Language } from './language';
import { UI_MESSAGES } from './ui';
import { CLI_MESSAGES, type CliMessageCode } from './cli';
import { EDIT_PROBLEM_KEYS, editProblemText, type EditProblemKey } from './editProblems';

const ANALYSIS_REASONS: readonly AnalysisIssueReason[] = [
  'no_geometry', 'invalid_geometry', 'invalid_entrances', 'far_entrances', 'unknown_category', 'beyond_max_snap', 'isolated_component', 'invalid_spaces',
];

/** Where a message code is written: the interface texts, the CLI's texts, the importer's issues or the analysis' issues. */
export type MessageSource = 'ui' | 'cli' | 'import' | 'analysis' | 'edit';

/** The catalogue holding `code`, or null for an unknown code. Codes are unique across the four. */
export function messageSource(code: string): MessageSource | null {
  if (Object.hasOwn(UI_MESSAGES.en, code)) return 'ui';
  if (Object.hasOwn(CLI_MESSAGES.en, code)) return 'cli';
  if (Object.hasOwn(ISSUE_CATALOG, code)) return 'import';
  if ((ANALYSIS_REASONS as readonly string[]).includes(code)) return 'analysis';
  if ((EDIT_PROBLEM_KEYS as readonly string[]).includes(code)) return 'edit';
  return null;
}

/** Every message code, by source (for checks: unique, both languages). */
export function messageCodes(): Record<MessageSource, string[]> {
  return { ui: Object.keys(UI_MESSAGES.en), cli: Object.keys(CLI_MESSAGES.en), import: Object.keys(ISSUE_CATALOG), analysis: [...ANALYSIS_REASONS], edit: [...EDIT_PROBLEM_KEYS] };
}

/** i18next's `{{name}}` parameters, for readers without i18next (the CLI, Node). */
function interpolate(text: string, params: Readonly<Record<string, unknown>>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * One lookup for every message of the app and the CLI (issue 10): a code, a language and its
 * parameters → the text. Interface and CLI texts take `{{name}}` parameters, importer issues their catalogue
 * parameters (message only; hints are `issueText(code, 'hint_en' | 'hint_zh')`), analysis issues
 * AnalysisIssueParams. An unknown code comes back as itself.
 */
export function messageText(code: string, lang: Language, params: Readonly<Record<string, unknown>> = {}): string {
  switch (messageSource(code)) {
    case 'ui':
      return interpolate(UI_MESSAGES[lang][code] ?? UI_MESSAGES.en[code], params);
    case 'cli':
      return interpolate(CLI_MESSAGES[lang][code as CliMessageCode], params);
    case 'import':
      return issueText(code as IssueCode, lang === 'zh-CN' ? 'zh' : 'en', params as Record<string, string | number>);
    case 'analysis':
      return analysisIssueText(code as AnalysisIssueReason, params as unknown as AnalysisIssueParams, lang);
    case 'edit':
      return editProblemText(code as EditProblemKey, params, lang);
    default:
      return code;
  }
}
