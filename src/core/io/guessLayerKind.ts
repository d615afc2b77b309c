import type { FeatureCollection, Geometry } from 'geojson';
import type { LayerKind } from '../model/layerKinds';
import { suggestFieldMapping } from '../model/fieldAliases';

export interface KindGuess {
  guess: LayerKind | null;
  /** 0..1 */
  confidence: number;
  reasons: string[];
  /**
   * The geometry says one kind but the fields say another (lines carrying 小区名称/户数): nothing
   * is pre-selected and the dialog shows these fields so the user decides knowingly.
   */
  conflict?: { geometry: 'lines'; fieldsKind: LayerKind; fields: string[] };
}

const FILE_HINTS: [RegExp, LayerKind][] = [
  // administrative units before communities: 社区 also names a community file
  [/街道|乡镇|行政区|区划|社区边界|社区范围|subdistrict|township|admin|boundar/i, 'units'],
  [/communit|residential|xiaoqu|小区|社区|住区|居住/i, 'communities'],
  [/park|green|公园|绿地/i, 'parks'],
  [/parking|停车|车位/i, 'parking'],
  [/road|street|network|walk|路网|道路|步行/i, 'network'],
  [/poi|facilit|amenit|设施|配套/i, 'facilities'],
];
const NAME_HINTS: [RegExp, LayerKind][] = [
  [/停车场|停车库|停车楼|parking/i, 'parking'],
  [/公园|游园|绿地|花园广场|park$/i, 'parks'],
  [/小区|家园|花园|新村|公寓|苑|里$|院$|residen/i, 'communities'],
];

/**
 * Guesses which layer a file is from its geometry, field names and names, for the import dialog to
 * propose (the user confirms). Lines → network; polygons with households/population/built-year
 * fields or compound names → communities; points with a category → facilities.
 */
export function guessLayerKind(fc: FeatureCollection, fileName = ''): KindGuess {
  const fam = { point: 0, line: 0, polygon: 0 };
  for (const f of fc.features) {
    const t = (f.geometry as Geometry | null)?.type;
    if (t === 'Point' || t === 'MultiPoint') fam.point++;
    else if (t === 'LineString' || t === 'MultiLineString') fam.line++;
    else if (t === 'Polygon' || t === 'MultiPolygon') fam.polygon++;
  }
  const total = fam.point + fam.line + fam.polygon;
  if (total === 0) return { guess: null, confidence: 0, reasons: ['no geometry'] };
  const reasons: string[] = [];
  const keys = new Set<string>();
  const names: string[] = [];
  for (const f of fc.features.slice(0, 300)) {
    for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  }
  const nameKey = suggestFieldMapping([...keys], 'communities').name;
  if (nameKey) for (const f of fc.features.slice(0, 300)) {
    const v = f.properties?.[nameKey];
    if (typeof v === 'string') names.push(v);
  }
  const nameVote = (kind: LayerKind): number => {
    const re = NAME_HINTS.find(([, k]) => k === kind)?.[0];
    return re && names.length > 0 ? names.filter((n) => re.test(n)).length / names.length : 0;
  };
  const fileKind = FILE_HINTS.find(([re]) => re.test(fileName))?.[1] ?? null;
  if (fileKind) reasons.push(`file name suggests ${fileKind}`);

  const share = (n: number): number => n / total;
  if (share(fam.line) >= 0.8) {
    reasons.push('lines');
    // Community outlines exported as lines (or a community table joined onto streets) must not
    // silently replace the walking network.
    const m = suggestFieldMapping([...keys], 'communities');
    const communityFields = (['households', 'population', 'built_year', 'parking_spaces'] as const).map((k) => m[k]).filter((k): k is string => !!k);
    const communityName = m.name && /小区|community|xiaoqu/i.test(m.name) ? [m.name] : [];
    if (communityFields.length > 0 || communityName.length > 0 || fileKind === 'communities') {
      const fields = [...communityName, ...communityFields];
      return {
        guess: null,
        confidence: 0,
        reasons: [...reasons, `community fields ${fields.join(', ') || '(file name)'}`],
        conflict: { geometry: 'lines', fieldsKind: 'communities', fields },
      };
    }
    return { guess: 'network', confidence: 0.9, reasons };
  }
  if (share(fam.polygon) >= 0.8) {
    reasons.push('polygons');
    const m = suggestFieldMapping([...keys], 'communities');
    const communityFields = (['households', 'population', 'built_year', 'parking_spaces'] as const).filter((k) => m[k]);
    if (communityFields.length > 0) {
      reasons.push(`fields ${communityFields.map((k) => m[k]).join(', ')}`);
      return { guess: 'communities', confidence: 0.85, reasons };
    }
    // 街道 / 社区 polygons: the file says so, or their names end in 街道 / 镇 / 乡 and they carry no households
    const mu = suggestFieldMapping([...keys], 'units');
    const unitNamed = names.length > 0 && names.filter((n) => /(街道|镇|乡)$/.test(n)).length / names.length > 0.5;
    if (fileKind === 'units' || unitNamed || (mu.subdistrict && !m.name)) return { guess: 'units', confidence: 0.7, reasons: [...reasons, 'administrative units'] };
    const park = nameVote('parks');
    const parking = nameVote('parking');
    const community = nameVote('communities');
    if (fileKind === 'parks' || park > 0.5) return { guess: 'parks', confidence: 0.7, reasons: [...reasons, 'park names'] };
    if (fileKind === 'parking' || parking > 0.5) return { guess: 'parking', confidence: 0.7, reasons: [...reasons, 'parking names'] };
    if (fileKind === 'communities' || community > 0.3) return { guess: 'communities', confidence: 0.7, reasons: [...reasons, 'compound names'] };
    return { guess: 'communities', confidence: 0.4, reasons };
  }
  if (share(fam.point) >= 0.8) {
    reasons.push('points');
    const mf = suggestFieldMapping([...keys], 'facilities');
    const mp = suggestFieldMapping([...keys], 'parking');
    if (fileKind === 'parking' || nameVote('parking') > 0.5 || (mp.spaces && !mf.category)) {
      return { guess: 'parking', confidence: 0.7, reasons: [...reasons, 'parking fields or names'] };
    }
    if (mf.category) return { guess: 'facilities', confidence: 0.85, reasons: [...reasons, `field ${mf.category}`] };
    if (fileKind === 'communities') return { guess: 'communities', confidence: 0.5, reasons };
    return { guess: 'facilities', confidence: 0.6, reasons };
  }
  reasons.push(`mixed geometry (${fam.point} points, ${fam.line} lines, ${fam.polygon} polygons)`);
  return { guess: fileKind, confidence: fileKind ? 0.3 : 0, reasons };
}
