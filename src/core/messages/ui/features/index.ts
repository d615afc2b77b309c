/**
 * Feature dictionaries: each feature area keeps its strings in its own pair of files
 * (`<area>.ts` exporting `{ en, zh }` with the same keys), merged here. Keys are flat
 * snake_case, prefixed by the area (e.g. `import_drop_here`), so areas never collide.
 */
import * as planning from './planning';
import * as importExport from './importExport';
import * as workbench from './workbench';
import * as mapTools from './mapTools';
import * as importSafety from './importSafety';
import * as crs from './crs';
import * as basemap from './basemap';
import * as scenario from './scenario';
import * as access from './access';
import * as join from './join';
import * as briefing from './briefing';
import * as targets from './targets';
import * as evidence from './evidence';

type Dict = Record<string, string>;
type Area = { en: Dict; zh: Dict };

const areas: Area[] = [
  planning,
  importExport,
  workbench,
  mapTools,
  importSafety,
  crs,
  basemap,
  scenario,
  access,
  join,
  briefing,
  targets,
  evidence,
];

export const featureMessages: { en: Dict; 'zh-CN': Dict } = {
  en: Object.assign({}, ...areas.map((a) => a.en)),
  'zh-CN': Object.assign({}, ...areas.map((a) => a.zh)),
};
