/**
 * How to treat highway=trunk. In Chinese OSM "trunk" covers two different roads: urban
 * expressways (城市快速路: elevated or sunken, no pedestrians — tagged bridge/tunnel/motorroad) and
 * at-grade arterials and national roads through towns, which do have sidewalks.
 * - 'ground' (default): keep trunk at grade; drop it on bridges, in tunnels, with motorroad/
 *   expressway=yes, foot=no or sidewalk=no/none/separate.
 * - 'exclude': keep trunk only with foot=yes/designated or a sidewalk tag.
 * - 'include': keep all trunk.
 */
export type TrunkPolicy = 'ground' | 'exclude' | 'include';

const NEVER = new Set([
  'construction', 'proposed', 'planned', 'abandoned', 'disused', 'razed', 'raceway', 'bus_guideway', 'busway',
  'escape', 'platform', 'services', 'rest_area', 'emergency_bay', 'no',
]);
const MOTOR_ONLY = new Set(['motorway', 'motorway_link']);
const TRUNK = new Set(['trunk', 'trunk_link']);
const FOOT_YES = new Set(['yes', 'designated', 'permissive', 'official', 'use_sidepath']);
const ACCESS_NO = new Set(['private', 'no', 'military']);

function isSet(v: unknown): boolean {
  return typeof v === 'string' && v !== 'no' && v !== '';
}

/**
 * True when people may walk along this OSM way (issue 4): any highway except motorways,
 * construction/proposed and the like, access=private/no (unless foot=yes) and foot=no; trunk
 * follows `trunk` (see TrunkPolicy).
 */
export function isWalkableHighway(tags: Record<string, unknown>, trunk: TrunkPolicy = 'ground'): boolean {
  const hw = tags.highway;
  if (typeof hw !== 'string') return false;
  const foot = typeof tags.foot === 'string' ? tags.foot : undefined;
  if (foot === 'no' || foot === 'private') return false;
  if (NEVER.has(hw)) return false;
  const footYes = foot !== undefined && FOOT_YES.has(foot);
  if (MOTOR_ONLY.has(hw)) return footYes;
  if (typeof tags.access === 'string' && ACCESS_NO.has(tags.access) && !footYes) return false;
  if (TRUNK.has(hw) && !footYes) {
    const sidewalk = typeof tags.sidewalk === 'string' ? tags.sidewalk : undefined;
    if (trunk === 'include') return true;
    if (trunk === 'exclude') return sidewalk !== undefined && ['both', 'left', 'right', 'yes'].includes(sidewalk);
    if (isSet(tags.bridge) || (isSet(tags.tunnel) && tags.tunnel !== 'building_passage')) return false;
    if (tags.motorroad === 'yes' || tags.expressway === 'yes') return false;
    if (sidewalk === 'no' || sidewalk === 'none' || sidewalk === 'separate') return false;
  }
  return true;
}
