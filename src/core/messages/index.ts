/**
 * Messages (issue 10): one language code set (zh-CN, en) for the app and the CLI, and one lookup,
 * messageText(code, lang, params), over the four catalogues keyed by code: the interface texts
 * (./ui, i18next's resources in the app), the CLI's texts (./cli), the importer's issues
 * (../io/issueCatalog) and the analysis' issues about features (./analysisIssues, also written
 * into each issue as detail/detail_zh).
 */
export { LANGUAGES, parseLanguage, pick, type Language } from './language';
export { analysisIssueText, issueDetails, type AnalysisIssueParams, type AnalysisIssueReason, type IssueSubject } from './analysisIssues';
export { UI_MESSAGES } from './ui';
export { messageCodes, messageSource, messageText, type MessageSource } from './catalogue';
export { CLI_MESSAGES, type CliMessageCode } from './cli';
export { editProblemDetails, editProblemText, type EditProblemKey } from './editProblems';
