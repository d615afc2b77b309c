/**
 * What the demo town has, per rule-set category: how many, where they may go
 * (weights per site) and what they are called. Counts are set so that about
 * half of the residents have a 5-minute facility of a category within 300 m,
 * two thirds a 10-minute one within 500 m and most a 15-minute one within 1 km.
 * The weights make the gaps a planner should find: no kindergarten or elderly
 * day care in or near the old core, no market in or near the new east district,
 * and the old town poorer in sports grounds, fitness and squares than the new
 * compounds, which bring their own kindergarten and service rooms (配套).
 */
import { CORE_FACES, XA } from './layout';
import { cnNumber } from './names';
import type { Site } from './sites';

export interface PlanContext {
  /** metres from the old core (logical frame); 0 inside */
  coreDist: number;
  /** metres from the new east district; 0 inside */
  eastDist: number;
  /** south of the river centre line (南城) */
  southOfRiver: boolean;
  /** name of the compound the site lies in, if any */
  community?: string;
}

export interface CategoryPlan {
  category: string;
  count: number;
  /** minimum distance between two facilities of the category (metres) */
  spacing: number;
  /** the rule set's walking radius (metres), for steering placement towards unserved residents */
  radius: number;
  /** how strongly placement seeks the biggest unserved clusters (see pickByDemand) @default 1 */
  focus?: number;
  weight: (s: Site, c: PlanContext) => number;
  /** candidate names in order of preference; k = 0-based index within the category */
  names: (s: Site, k: number, c: PlanContext) => string[];
  capacity?: readonly number[];
}

/** Straight-line share of a walking radius that a site is taken to serve (streets detour, gates and doors add legs). */
export const REACH_SHARE = 0.7;

/** Kindergartens and day care keep this far (metres) from the old core: 300 m walks plus a margin. */
const CORE_GAP_M = 330;
/** Markets keep this far from the new east district: 500 m walks plus a margin for the warp. */
const EAST_GAP_M = 480;

// Per-site weights: small blocks give many sites per hectare (old core 68 m, villages
// 46 m, new districts 150 m), so they are damped to keep placement about per area.
const AREA_WEIGHT: Record<Site['zone'], number> = { core: 0.45, ring: 0.8, newWest: 1, newEast: 1, south: 1, village: 0.07, industrial: 0.05, farm: 0, parkFace: 0, river: 0 };

/** Residential-area weight × preference for the block use. */
function w(s: Site, prefer: Partial<Record<Site['use'], number>>): number {
  const use = prefer[s.use] ?? (s.use === 'park' || s.use === 'empty' || s.use === 'industrial' ? 0 : 1);
  return AREA_WEIGHT[s.zone] * use;
}

/** Factor for the old town: `core` in the old core, `ring` in the older ring, 1 elsewhere. */
const old = (s: Site, core: number, ring: number): number => (s.zone === 'core' ? core : s.zone === 'ring' ? ring : 1);
const awayFromCore = (c: PlanContext): number => (c.coreDist >= CORE_GAP_M ? 1 : 0);
const CORE_MID_X = ((XA[CORE_FACES.i0] as number) + (XA[CORE_FACES.i1] as number)) / 2;
const quarter = (s: Site, c: PlanContext): string => {
  if (c.southOfRiver) return '南城';
  if (s.zone === 'core') return '城关';
  return s.p[0] > CORE_MID_X ? '东城' : '西城';
};
const street = (s: Site): string => s.street ?? s.hood;
/** The 社区 or village as a place name (徐庄村 → 徐庄), for facilities that serve a whole quarter. */
const place = (s: Site): string => s.hood.replace(/村$/, '');
/** Name after the compound the site is in (配套 facilities), else after the 社区. */
const home = (s: Site, c: PlanContext): string => c.community ?? s.hood;
const brand = (brands: readonly string[], s: Site, k: number): string[] => {
  const b = brands[k % brands.length] as string;
  return [`${b}（${street(s)}店）`, `${b}（${s.hood}店）`];
};

export const FACILITY_PLAN: CategoryPlan[] = [
  {
    category: 'kindergarten', count: 34, spacing: 260, radius: 300, capacity: [180, 270, 360],
    weight: (s, c) => w(s, { community: 3, public: 1.5, mixed: 0.3 }) * awayFromCore(c) * old(s, 0, 0.6),
    names: (s, k, c) => [...(k < 4 ? [['青禾县实验幼儿园', '青禾县第二幼儿园', '城关镇中心幼儿园', '城关镇第二幼儿园'][k] as string] : []), `${home(s, c)}幼儿园`, `${s.hood}幼儿园`, '阳光幼儿园', '小天使幼儿园', '育才幼儿园', '蓝天幼儿园', '金色童年幼儿园', '启蒙幼儿园', '贝贝幼儿园', '童心幼儿园'],
  },
  {
    category: 'nursery', count: 24, spacing: 400, radius: 300,
    weight: (s, c) => w(s, { community: 2, public: 1 }) * awayFromCore(c) * old(s, 0, 0.4),
    names: (s, _k, c) => [`${home(s, c)}托育园`, `${s.hood}托育园`, '小太阳托育中心', '禾苗托育中心'],
  },
  {
    category: 'elderly_daycare', count: 30, spacing: 300, radius: 300,
    weight: (s, c) => w(s, { community: 2.5, public: 1.5, mixed: 0.5 }) * awayFromCore(c) * old(s, 0, 0.7),
    names: (s, _k, c) => [`${s.hood}社区老年人日间照料中心`, `${home(s, c)}日间照料中心`, `${s.hood}托老所`],
  },
  {
    category: 'community_service_station', count: 38, spacing: 260, radius: 300,
    weight: (s) => w(s, { community: 2, mixed: 1, public: 1 }) * old(s, 1, 0.8),
    names: (s, _k, c) => [`${s.hood}社区服务站`, `${s.hood}社区居委会`, `${home(s, c)}社区服务站`, `${s.hood}社区党群服务中心`],
  },
  {
    category: 'culture_station', count: 30, spacing: 300, radius: 300,
    weight: (s) => w(s, { community: 1.5, public: 1.2, mixed: 0.8 }) * old(s, 0.5, 0.7),
    names: (s, _k, c) => [`${s.hood}社区文化活动站`, `${s.hood}综合文化服务站`, `${home(s, c)}文化活动室`],
  },
  {
    category: 'small_sports_ground', count: 32, spacing: 300, radius: 300,
    weight: (s) => w(s, { public: 1.5, community: 1.5, park: 2 }) * old(s, 0.1, 0.5),
    names: (s, _k, c) => [`${s.hood}社区篮球场`, `${s.hood}多功能运动场`, `${home(s, c)}运动场`, `${street(s)}运动场`],
  },
  {
    category: 'outdoor_fitness', count: 34, spacing: 260, radius: 300,
    weight: (s) => w(s, { park: 5, community: 1.5, public: 0.5 }) * (s.use === 'park' ? 3 : 1) * old(s, 0.4, 0.7),
    names: (s, _k, c) => [s.park ? `${s.park}健身广场` : `${home(s, c)}健身场地`, `${s.hood}全民健身点`, `${street(s)}健身点`],
  },
  {
    category: 'public_activity_ground', count: 30, spacing: 300, radius: 300,
    weight: (s) => w(s, { park: 6, community: 1.2, public: 1 }) * (s.use === 'park' ? 3 : 1) * old(s, 0.3, 0.6),
    names: (s, _k, c) => [s.park ? `${s.park}文化广场` : `${s.hood}社区广场`, `${home(s, c)}中心广场`, `${street(s)}休闲广场`],
  },
  {
    category: 'health_station', count: 30, spacing: 320, radius: 300,
    weight: (s) => w(s, { community: 1.2, mixed: 1.5, public: 1 }),
    names: (s) => [`${s.hood}社区卫生服务站`, `${street(s)}卫生服务站`],
  },
  {
    category: 'community_canteen', count: 27, spacing: 400, radius: 300,
    weight: (s) => w(s, { community: 1, mixed: 1 }) * old(s, 1.5, 1.5),
    names: (s, _k, c) => [`${s.hood}长者食堂`, `${s.hood}社区食堂`, `${home(s, c)}长者食堂`],
  },
  {
    category: 'community_shops', count: 40, spacing: 240, radius: 300,
    weight: (s) => w(s, { mixed: 2.5, community: 1, public: 0.5, village: 1 }),
    names: (s, k) => brand(['便民商店', '百姓大药房', '惠民药店', '邻家便利店', '好又多便民店', '康德大药房', '家和便民超市', '禾丰果蔬店'], s, k),
  },
  {
    category: 'supermarket', count: 36, spacing: 280, radius: 300,
    weight: (s) => w(s, { mixed: 2, public: 1.5, community: 1 }) * (s.zone === 'newEast' ? 1.3 : 1),
    names: (s, k) => brand(['家家乐超市', '万家福超市', '惠民超市', '佳惠超市', '百姓超市', '好邻居超市', '丰华超市', '禾润生鲜超市', '金苹果超市', '润佳超市'], s, k),
  },
  {
    category: 'public_toilet', count: 40, spacing: 230, radius: 300,
    weight: (s) => w(s, { mixed: 2, public: 1, community: 0.4, park: 2.5, village: 1 }) * old(s, 3, 1.5),
    names: (s) => [s.park ? `${s.park}公共厕所` : `${street(s)}公共厕所`],
  },
  {
    category: 'refuse_station', count: 30, spacing: 380, radius: 400,
    weight: (s) => w(s, { mixed: 1.5, public: 1, community: 0.5, empty: 1, village: 1 }),
    names: (s) => [`${street(s)}垃圾收集站`, `${s.hood}生活垃圾收集站`],
  },
  {
    category: 'recycling_point', count: 34, spacing: 280, radius: 300,
    weight: (s) => w(s, { mixed: 1.5, community: 0.8, public: 0.5, empty: 0.5, village: 1 }),
    names: (s) => [`${street(s)}再生资源回收点`, `${s.hood}再生资源回收站`, `${street(s)}废品收购站`],
  },
  {
    category: 'primary_school', count: 24, spacing: 450, radius: 500, focus: 2, capacity: [1080, 1620, 2160],
    weight: (s) => w(s, { public: 4, community: 0.3, mixed: 0.2 }),
    names: (s, k) => [...(k < 10 ? [k === 0 ? '青禾县实验小学' : `城关镇第${cnNumber(k)}小学`] : []), `${s.hood}小学`, `${street(s)}小学`, `城关镇第${cnNumber(k)}小学`],
  },
  {
    category: 'medium_sports_ground', count: 22, spacing: 450, radius: 500, focus: 2,
    weight: (s) => w(s, { public: 3, park: 2, community: 0.3, mixed: 0 }) * old(s, 0, 0.6),
    names: (s, k) => [...(k < 2 ? [['青禾县全民健身中心运动场', '城南体育公园运动场'][k] as string] : []), s.park ? `${s.park}运动场` : `${s.hood}社区体育场`, `${street(s)}全民健身运动场`],
  },
  {
    category: 'market', count: 38, spacing: 400, radius: 500, focus: 2,
    weight: (s, c) => w(s, { public: 2, mixed: 2, community: 0.4 }) * (c.eastDist >= EAST_GAP_M ? 1 : 0) * old(s, 2, 1.2),
    names: (s, k) => [k % 2 === 0 ? `${s.hood}菜市场` : `${s.hood}农贸市场`, `${street(s)}菜市场`],
  },
  {
    category: 'middle_school', count: 11, spacing: 900, radius: 1000, focus: 2, capacity: [1200, 1800],
    weight: (s) => w(s, { public: 4, community: 0.1, mixed: 0.1 }),
    names: (s, k) => [['青禾县第一初级中学', '青禾县第二初级中学', '青禾县实验中学', '城关镇初级中学'][k] ?? `青禾县第${cnNumber(k + 1)}初级中学`, `${s.hood}初级中学`],
  },
  {
    category: 'health_centre', count: 11, spacing: 900, radius: 1000, focus: 2,
    weight: (s) => w(s, { public: 4, community: 0.2, mixed: 0.5 }),
    names: (s, _k, c) => [`${quarter(s, c)}社区卫生服务中心`, `${place(s)}社区卫生服务中心`],
  },
  {
    category: 'street_service_centre', count: 12, spacing: 900, radius: 1000, focus: 2,
    weight: (s) => w(s, { public: 3, community: 0.2, mixed: 0.5 }),
    names: (s, _k, c) => [`${quarter(s, c)}街道社区服务中心`, `${place(s)}街道社区服务中心`],
  },
  {
    category: 'culture_centre', count: 11, spacing: 900, radius: 1000, focus: 2,
    weight: (s) => w(s, { public: 3, community: 0, mixed: 0.3 }) * old(s, 1, 2),
    names: (s, k) => [...(k === 0 ? ['城关镇文化活动中心'] : []), `${place(s)}文化活动中心`],
  },
  {
    category: 'police', count: 11, spacing: 900, radius: 1000, focus: 2,
    weight: (s) => w(s, { public: 3, community: 0, mixed: 0.5 }),
    names: (s, _k, c) => [`${quarter(s, c)}派出所`, `${place(s)}派出所`],
  },
  {
    category: 'mall', count: 11, spacing: 900, radius: 1000, focus: 2,
    weight: (s) => w(s, { mixed: 2, public: 2, community: 0 }) * old(s, 4, 1),
    names: (s, k) => [['青禾百货大楼', '禾润购物中心', '青禾商业广场', '东城购物广场', '新世纪商厦', '金桥购物中心', '南城商业中心', '西城百货', '滨河购物广场', '盛世商厦', '鼓楼商业街', '东方购物中心'][k] ?? `${place(s)}购物广场`],
  },
  {
    category: 'post_office', count: 11, spacing: 900, radius: 1000, focus: 2,
    weight: (s) => w(s, { mixed: 1, public: 2, community: 0.1 }),
    names: (s, k) => [...(k < 2 ? [['青禾县邮政局', '城关邮政支局'][k] as string] : []), `${s.hood}邮政所`, `${street(s)}邮政支局`],
  },
  {
    category: 'bank', count: 16, spacing: 400, radius: 1000, focus: 2,
    weight: (s) => w(s, { mixed: 2, public: 1.5, community: 0.3 }) * old(s, 3, 3) * (s.streetKind === 'main' || s.streetKind === 'secondary' ? 3 : 0.2),
    names: (s, k) => [`${['中国农业银行', '中国工商银行', '中国建设银行', '中国银行', '中国邮政储蓄银行', '青禾农商银行'][k % 6] as string}青禾${street(s)}支行`],
  },
];
