/**
 * Messages (issue 10): one language code set (zh-CN, en) for the app and the CLI, and one lookup,
 * messageText(code, lang, params), over the three catalogues keyed by code: the interface texts
 * (./ui, i18next's resources in the app), the importer's issues (../io/issueCatalog) and the
 * analysis' issues about features (./analysisIssues, also written into each issue as
 * detail/detail_zh). The CLI's own shell messages (argument and file errors) are still written in
 * place as pairs (`pick`).
 */
export { LANGUAGES, parseLanguage, pick, type Language } from './language';
export { analysisIssueText, issueDetails, type AnalysisIssueParams, type AnalysisIssueReason, type IssueSubject } from './analysisIssues';
export { UI_MESSAGES } from './ui';
export { messageCodes, messageSource, messageText, type MessageSource } from './catalogue';
