/**
 * Messages (issue 10): one language code set for the app and the CLI, and the analysis' messages
 * about features keyed by reason in both languages. The importer's messages are keyed by code in
 * ../io/issueCatalog; the app's interface texts are in src/i18n.
 */
export { LANGUAGES, parseLanguage, pick, type Language } from './language';
export { analysisIssueText, issueDetails, type AnalysisIssueParams, type AnalysisIssueReason, type IssueSubject } from './analysisIssues';
