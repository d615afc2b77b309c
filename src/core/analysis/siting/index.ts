/**
 * Site suggestion (DESIGN §4, issue 11): where K new facilities of a category would cover the most
 * residents not yet covered, by the coverage's own walking distance.
 */
export { suggestSites, suggestSitesSteps, type SiteSuggestion, type SiteSuggestionInput, type SiteSuggestionProgress, type SitePick } from './suggestSites';
export { networkNodesInArea } from './candidates';
