/**
 * Exports (DESIGN §8): GeoJSON and CSV that import back unchanged, the attribute tables of the results, attribution.
 */
export { communityResultAttributes, communityResultFeatures } from './communityAttributes';
export { communityResultChunks, type CommunityResultChunksOptions } from './communityResultChunks';
export { geoJsonChunks, type GeoJsonChunksOptions } from './geoJsonChunks';
export { assignScenarioAttributes, type ScenarioSide } from './scenarioAttributes';
export { type ComplianceCsvLabels, complianceCsv } from './complianceTable';
export { type AttributeSource, exportGeoJson } from './exportGeoJson';
export { flatProperties } from './flatProperties';
export { gapCommunities } from './gapCommunities';
export { serviceAreaFeatures } from './serviceAreaFeatures';
export { OSM_ATTRIBUTION, withAttribution } from './withAttribution';
export { assignChoiceAttributes, type ChoiceTable } from './choiceAttributes';
export { briefingTables, type BriefingTable, type ColumnFormat, type TableColumn } from './briefingTables';
export { briefingCsv, briefingMeta, briefingWorkbook, bundleReadme, zipBundle, type BriefingMeta } from './briefingFiles';
export { attributeDictionary, type AttributeEntry } from './attributeDictionary';
export { briefingBundle, type BundleInput } from './briefingBundle';
