/**
 * What the demo town has, per rule-set category: how many, where they may go
 * (weights per site) and what they are called. The weights make the gaps a
 * planner should find: no kindergarten or elderly day care in the old core,
 * no market in the new east district, few sports grounds in the old core.
 */
import type { XY } from './geometry';
import { cnNumber } from './names';
import { inBox, type Box, type Site } from './sites';

export interface PlanContext {
  /** lon/lat of the site */
  ll: XY;
  coreBox: Box;
  newEastBox: Box;
  /** logical position of the river centre line at the site's x (south of it = 南城) */
  southOfRiver: boolean;
}

export interface CategoryPlan {
  category: string;
  count: number;
  /** minimum distance between two facilities of the category (metres) */
  spacing: number;
  weight: (s: Site, c: PlanContext) => number;
  /** candidate names in order of preference; k = 0-based index within the category */
  names: (s: Site, k: number, c: PlanContext) => string[];
  capacity?: readonly number[];
}

// Per-site weights: small blocks give many sites per hectare (old core 68 m, villages
// 46 m, new districts 150 m), so they are damped to keep placement about per area.
const AREA_WEIGHT: Record<Site['zone'], number> = { core: 0.45, ring: 0.8, newWest: 1, newEast: 1, south: 1, village: 0.07, industrial: 0.05, farm: 0, parkFace: 0, river: 0 };

/** Residential-area weight × preference for the block use. */
function w(s: Site, prefer: Partial<Record<Site['use'], number>>): number {
  const use = prefer[s.use] ?? (s.use === 'park' || s.use === 'empty' || s.use === 'industrial' ? 0 : 1);
  return AREA_WEIGHT[s.zone] * use;
}

const notInCore = (c: PlanContext): number => (inBox(c.ll, c.coreBox) ? 0 : 1);
const quarter = (s: Site, c: PlanContext): string => {
  if (c.southOfRiver) return '南城';
  if (s.zone === 'core') return '城关';
  return c.ll[0] > (c.coreBox[0] + c.coreBox[2]) / 2 ? '东城' : '西城';
};
const street = (s: Site): string => s.street ?? s.hood;

export const FACILITY_PLAN: CategoryPlan[] = [
  {
    category: 'kindergarten', count: 16, spacing: 380, capacity: [180, 270, 360],
    weight: (s, c) => w(s, { public: 3, community: 1.2, mixed: 0.5 }) * notInCore(c),
    names: (s, k) => [...(k < 4 ? [['青禾县实验幼儿园', '青禾县第二幼儿园', '城关镇中心幼儿园', '城关镇第二幼儿园'][k] as string] : []), `${s.hood}幼儿园`, '阳光幼儿园', '小天使幼儿园', '育才幼儿园', '蓝天幼儿园', '金色童年幼儿园', '启蒙幼儿园', '贝贝幼儿园', '童心幼儿园'],
  },
  {
    category: 'nursery', count: 3, spacing: 800,
    weight: (s, c) => w(s, { community: 1.5 }) * notInCore(c) * (s.zone === 'newEast' || s.zone === 'newWest' ? 2 : 1),
    names: (s) => [`${s.hood}托育园`, '小太阳托育中心'],
  },
  {
    category: 'primary_school', count: 8, spacing: 700, capacity: [1080, 1620, 2160],
    weight: (s) => w(s, { public: 4, community: 0.2, mixed: 0.2 }),
    names: (_s, k) => [k === 0 ? '青禾县实验小学' : `城关镇第${cnNumber(k)}小学`],
  },
  {
    category: 'middle_school', count: 4, spacing: 1100, capacity: [1200, 1800],
    weight: (s) => w(s, { public: 4, community: 0.1, mixed: 0.1 }),
    names: (_s, k) => [['青禾县第一初级中学', '青禾县第二初级中学', '青禾县实验中学', '城关镇初级中学'][k] ?? `青禾县第${cnNumber(k + 1)}初级中学`],
  },
  {
    category: 'health_centre', count: 3, spacing: 1400,
    weight: (s) => w(s, { public: 4, community: 0.2, mixed: 0.5 }),
    names: (s, _k, c) => [`${quarter(s, c)}社区卫生服务中心`, '城关镇社区卫生服务中心'],
  },
  {
    category: 'health_station', count: 12, spacing: 480,
    weight: (s) => w(s, { community: 1.2, mixed: 1.5, public: 1 }),
    names: (s) => [`${s.hood}社区卫生服务站`, `${street(s)}卫生服务站`],
  },
  {
    category: 'elderly_daycare', count: 7, spacing: 550,
    weight: (s, c) => w(s, { community: 1.5, public: 1.5 }) * notInCore(c),
    names: (s) => [`${s.hood}社区老年人日间照料中心`, `${s.hood}托老所`],
  },
  {
    category: 'market', count: 9, spacing: 550,
    weight: (s, c) => w(s, { public: 2, mixed: 2, community: 0.3 }) * (inBox(c.ll, c.newEastBox) ? 0 : 1) * (s.zone === 'core' ? 2 : 1),
    names: (s, k) => [k % 2 === 0 ? `${s.hood}菜市场` : `${s.hood}农贸市场`, `${street(s)}菜市场`],
  },
  {
    category: 'supermarket', count: 14, spacing: 380,
    weight: (s) => w(s, { mixed: 2, public: 1.5, community: 0.8 }) * (s.zone === 'newEast' ? 1.5 : 1),
    names: (s, k) => {
      const brands = ['家家乐超市', '万家福超市', '惠民超市', '佳惠超市', '百姓超市', '好邻居超市', '丰华超市', '禾润生鲜超市'];
      const brand = brands[k % brands.length] as string;
      return [`${brand}（${street(s)}店）`, `${brand}（${s.hood}店）`];
    },
  },
  {
    category: 'public_toilet', count: 32, spacing: 230,
    weight: (s) => w(s, { mixed: 2, public: 1, community: 0.4, park: 2.5, village: 1 }) * (s.zone === 'core' ? 3 : s.zone === 'ring' ? 1.5 : 0.7),
    names: (s) => [s.park ? `${s.park}公共厕所` : `${street(s)}公共厕所`],
  },
  {
    category: 'refuse_station', count: 12, spacing: 480,
    weight: (s) => w(s, { mixed: 1.5, public: 1, community: 0.5, empty: 1, village: 1 }),
    names: (s) => [`${street(s)}垃圾收集站`, `${s.hood}生活垃圾收集站`],
  },
  {
    category: 'community_service_station', count: 22, spacing: 380,
    weight: (s) => w(s, { community: 1.5, mixed: 1, public: 1 }) * (s.zone === 'core' ? 1.5 : 1),
    names: (s) => [`${s.hood}社区服务站`, `${s.hood}社区居委会`],
  },
  {
    category: 'small_sports_ground', count: 10, spacing: 480,
    weight: (s) => w(s, { public: 1.5, community: 1, park: 2 }) * (s.zone === 'core' ? 0.15 : 1),
    names: (s) => [`${s.hood}社区篮球场`, `${s.hood}多功能运动场`, `${street(s)}运动场`],
  },
  {
    category: 'culture_station', count: 11, spacing: 450,
    weight: (s) => w(s, { community: 1.2, public: 1.2, mixed: 1 }),
    names: (s) => [`${s.hood}社区文化活动站`, `${s.hood}综合文化服务站`],
  },
  {
    category: 'outdoor_fitness', count: 20, spacing: 300,
    weight: (s) => w(s, { park: 5, community: 0.8, public: 0.5 }) * (s.use === 'park' ? 3 : 1),
    names: (s) => [s.park ? `${s.park}健身广场` : `${s.hood}全民健身点`, `${street(s)}健身点`],
  },
  {
    category: 'community_canteen', count: 4, spacing: 700,
    weight: (s) => w(s, { community: 1, mixed: 1 }) * (s.zone === 'ring' || s.zone === 'core' ? 2 : 1),
    names: (s) => [`${s.hood}长者食堂`, `${s.hood}社区食堂`],
  },
  {
    category: 'bank', count: 6, spacing: 350,
    weight: (s) => w(s, { mixed: 2, public: 1.5, community: 0.3 }) * (s.zone === 'core' || s.zone === 'ring' ? 3 : 1) * (s.streetKind === 'main' || s.streetKind === 'secondary' ? 3 : 0.2),
    names: (s, k) => {
      const brands = ['中国农业银行', '中国工商银行', '中国建设银行', '中国银行', '中国邮政储蓄银行', '青禾农商银行'];
      return [`${brands[k % brands.length] as string}青禾${street(s)}支行`];
    },
  },
  {
    category: 'post_office', count: 2, spacing: 1500,
    weight: (s) => w(s, { mixed: 1, public: 2, community: 0.1 }),
    names: (_s, k) => [['青禾县邮政局', '城关邮政支局'][k] ?? '青禾邮政所'],
  },
  {
    category: 'mall', count: 2, spacing: 1200,
    weight: (s) => w(s, { mixed: 2, public: 2, community: 0 }) * (s.zone === 'core' ? 4 : s.zone === 'ring' ? 1 : 0.2),
    names: (_s, k) => [['青禾百货大楼', '禾润购物中心'][k] ?? '青禾商业广场'],
  },
  {
    category: 'police', count: 2, spacing: 1800,
    weight: (s) => w(s, { public: 3, community: 0, mixed: 0.5 }),
    names: (_s, _k, c) => [c.southOfRiver ? '城南派出所' : '城关派出所', '城东派出所'],
  },
  {
    category: 'culture_centre', count: 1, spacing: 2000,
    weight: (s) => w(s, { public: 3, community: 0, mixed: 0 }) * (s.zone === 'ring' ? 2 : 1),
    names: () => ['城关镇文化活动中心'],
  },
  {
    category: 'medium_sports_ground', count: 2, spacing: 1500,
    weight: (s) => w(s, { public: 3, community: 0, mixed: 0 }) * (s.zone === 'core' ? 0 : 1),
    names: (_s, k) => [['青禾县全民健身中心运动场', '城南体育公园运动场'][k] ?? '全民健身运动场'],
  },
  {
    category: 'street_service_centre', count: 2, spacing: 1500,
    weight: (s) => w(s, { public: 3, community: 0.2, mixed: 0.5 }),
    names: (s, _k, c) => [`${quarter(s, c)}街道社区服务中心`, '城关街道社区服务中心'],
  },
];
