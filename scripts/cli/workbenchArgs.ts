import { msg, type CliLang } from './cliLang';
import { UserError } from './userError';

/** The planner's-workbench options of `npm run analyze` (parks, parking, renovation score). */
export const WORKBENCH_USAGE = `  --parks P.geojson: park polygons → park_ok, park_dist (公园绿地服务半径覆盖率, rules.parks.thresholds).
  --parking K.geojson: parking lots (spaces, public) → parking_demand, parking_supply, parking_gap.
  --parking-ratio 1.0: demand in spaces per household (default: the rule set's parking.ratio_per_household).
  --weights '{"5min":0.25,"10min":0.15,"15min":0.1,"parking":0.2,"park":0.1,"age":0.15,"elderly":0.05}':
      renovation score weights; keys not given keep these defaults; normalised to sum 1.`;

export interface WorkbenchArgs {
  /** argv without the workbench options, for parseCliArgs */
  rest: string[];
  /** spaces per household; undefined = the rule set's */
  parkingRatio?: number;
  /** weight overrides as given */
  weights?: Record<string, unknown>;
}

const FLAGS = ['--parking-ratio', '--weights'] as const;

/**
 * Takes `--parking-ratio X` and `--weights JSON` (also `--flag=value`) out of argv and checks them,
 * so the shared argument parser stays as it is. Throws UserError for a missing or bad value.
 */
export function takeWorkbenchArgs(argv: readonly string[], lang: CliLang): WorkbenchArgs {
  const rest: string[] = [];
  const raw: Partial<Record<(typeof FLAGS)[number], string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const flag = FLAGS.find((f) => a === f || a.startsWith(f + '='));
    if (!flag) {
      rest.push(a);
      continue;
    }
    let value: string | undefined;
    if (a.length > flag.length) value = a.slice(flag.length + 1);
    else {
      value = argv[i + 1];
      i++;
      if (value === undefined || (value.startsWith('--') && value.length > 2)) {
        throw new UserError(msg(lang, 'cli_option_needs_value', { option: flag }));
      }
    }
    raw[flag] = value;
  }
  const out: WorkbenchArgs = { rest };
  const r = raw['--parking-ratio'];
  if (r !== undefined) {
    const x = Number(r);
    if (r.trim() === '' || !Number.isFinite(x) || x < 0) {
      throw new UserError(msg(lang, 'cli_bad_parking_ratio', { value: r }));
    }
    out.parkingRatio = x;
  }
  const w = raw['--weights'];
  if (w !== undefined) {
    let v: unknown;
    try {
      v = JSON.parse(w);
    } catch {
      v = undefined;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw new UserError(msg(lang, 'cli_bad_weights', { value: w }));
    }
    out.weights = v as Record<string, unknown>;
  }
  return out;
}
