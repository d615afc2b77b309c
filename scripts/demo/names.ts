/**
 * Chinese name pools for the fictional town, and an allocator that hands out
 * each name once (then numbered variants such as 染坊二巷).
 */
import type { Rng } from './random';

export const TOWN_NAME_ZH = '青禾县城';
export const TOWN_NAME_EN = 'Qinghe county town (synthetic demo)';
export const RIVER_NAME = '青禾河';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Chinese numeral 1–99. */
export function cnNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

export const POOLS = {
  /** through streets of the old core */
  oldStreet: ['东大街', '西大街', '南大街', '北大街', '县前街', '府前街', '书院街', '文庙街', '十字街', '钟楼街', '城隍庙街', '仓房街', '学前街', '关帝庙街', '马市街', '盐店街', '后街', '新街', '中街', '前街'],
  /** lanes of the old core */
  oldLane: ['染坊巷', '米市巷', '铁匠巷', '打铜巷', '槐树巷', '柳巷', '石板巷', '井巷', '杨家巷', '王家巷', '李家巷', '刘家巷', '陈家巷', '张家巷', '赵家巷', '孙家巷', '周家巷', '吴家巷', '郑家巷', '何家巷', '马家巷', '高家巷', '胡家巷', '书院巷', '鼓楼巷', '县衙巷', '城隍巷', '火神庙巷', '油坊巷', '粮行巷', '布行巷', '当铺巷', '竹竿巷', '花园巷', '草市巷', '菜园巷', '水井巷', '枣树巷', '榆树巷', '桑园巷', '棉花巷', '牛市巷', '羊市巷', '纸坊巷', '豆腐巷', '酒坊巷', '箍桶巷', '斗巷', '三道巷', '拐角巷', '小南巷', '小北巷', '马道巷', '仓巷', '学巷', '魁星巷', '文昌巷', '钱庄巷', '银匠巷', '篾匠巷'],
  /** secondary roads of the newer districts */
  newRoad: ['兴业路', '富民路', '康宁路', '安居路', '乐业路', '裕华路', '金桥路', '凤凰路', '紫荆路', '银杏路', '桂花路', '玉兰路', '海棠路', '梧桐路', '香樟路', '丁香路', '樱花路', '紫薇路', '芙蓉路', '牡丹路', '月季路', '青年路', '创业路', '科技路', '学府路', '博学路', '致远路', '明德路', '崇文路', '健康路', '幸福路', '和谐路', '团结路', '友谊路', '民生路', '民主路', '腾飞路', '开元路', '永安路', '长寿路', '福寿路', '嘉禾路', '丰收路', '禾兴路', '禾丰路', '清源路', '锦江路', '新河路', '广场路', '公园路'],
  villages: ['王庄', '后李', '张楼', '刘营', '陈寨', '赵集', '徐庄', '马庄', '孙桥', '周湾'],
  /** residents' committees (社区) used in facility names, by part of town */
  hoodCore: ['鼓楼', '府前', '文庙', '书院', '县前', '米市', '钟楼', '十字街', '仓房'],
  hoodRing: ['东关', '西关', '南关', '北关', '东门', '西门', '北门', '南门', '城隍庙', '铁佛寺', '红旗', '向阳', '胜利', '解放', '文峰', '魁星楼', '太平', '永安', '马市', '东岳庙'],
  hoodNew: ['翠湖', '锦绣', '新城', '阳光', '滨河', '文昌', '育才', '世纪', '金桥', '凤凰', '紫荆', '丰华', '城南', '河南', '清河', '嘉禾', '兴业', '富民', '康宁', '安居', '朝阳', '光明', '振兴', '长安', '东湖', '北湖', '和平', '迎宾', '禾丰', '开元'],
  /** old communities: place or work-unit prefix + suffix */
  oldPrefix: ['东风', '红旗', '向阳', '幸福', '光明', '团结', '前进', '胜利', '和平', '建设', '解放', '人民', '文化', '新华', '工农', '友谊', '朝阳', '跃进', '红星', '五一', '八一', '东关', '西关', '南关', '北关', '鼓楼', '府前', '县前', '书院', '米市', '盐店', '石桥', '柳巷', '槐树', '迎春', '长青', '青年', '丰收'],
  oldSuffix: ['小区', '新村', '里', '小区', '新村', '大院'],
  workUnit: ['纺织厂', '粮食局', '供销社', '农机厂', '棉纺厂', '化肥厂', '食品公司', '物资局', '交通局', '水利局', '电业局', '邮电局', '税务局', '卫生局', '教育局', '县医院', '二中', '酒厂', '糖厂', '面粉厂', '砖瓦厂', '印刷厂', '机械厂', '五金厂', '百货公司', '外贸公司', '烟草公司', '农业银行', '工商银行', '建筑公司', '油棉厂', '轴承厂', '城关镇政府', '公安局', '人民银行', '棉麻公司', '医药公司', '蔬菜公司'],
  workUnitSuffix: ['家属院', '宿舍', '生活区', '家属院', '家属楼'],
  /** new communities: poetic prefix + estate suffix */
  newPrefix: ['翠湖', '锦绣', '阳光', '书香', '金色', '御景', '盛世', '碧水', '香榭', '名门', '世纪', '中央', '滨河', '丽景', '凤凰', '紫荆', '香山', '清和', '金域', '东方', '天悦', '嘉禾', '禾润', '青禾', '水岸', '林语', '翰林', '学府', '锦华', '银河', '星河', '恒盛', '润园', '和顺', '康居', '瑞景', '泰和', '富华', '丰泽', '龙湾', '云顶', '湖畔', '紫薇', '桂园', '兰亭'],
  newSuffix: ['花园', '华庭', '名苑', '家园', '雅居', '新城', '华府', '嘉园', '尚城', '雅苑', '公馆', '御府', '首府', '国际', '天地', '一品', '壹号院', '小区', '佳苑', '丽都'],
  bankBrands: ['中国农业银行', '中国工商银行', '中国建设银行', '中国银行', '中国邮政储蓄银行', '青禾农商银行'],
  supermarketBrands: ['家家乐超市', '万家福超市', '惠民超市', '佳惠超市', '百姓超市', '好邻居超市', '丰华超市', '禾润生鲜超市', '金苹果超市', '润佳超市'],
} as const;

/** Inserts a numeral before the last character: 染坊巷 + 2 → 染坊二巷. */
export function numbered(base: string, n: number): string {
  return `${base.slice(0, -1)}${cnNumber(n)}${base.slice(-1)}`;
}

/** Hands out names from shuffled pools, each once; then numbered variants. */
export class NameAllocator {
  readonly #used = new Set<string>();
  readonly #queues = new Map<string, string[]>();
  readonly #rng: Rng;

  constructor(rng: Rng) {
    this.#rng = rng;
  }

  /** Marks a name as taken (e.g. an arterial road name). */
  reserve(name: string): void {
    this.#used.add(name);
  }

  has(name: string): boolean {
    return this.#used.has(name);
  }

  /** Next unused name of a pool. */
  next(pool: readonly string[], key: string): string {
    let queue = this.#queues.get(key);
    if (!queue) {
      queue = this.#rng.shuffle(pool);
      this.#queues.set(key, queue);
    }
    while (queue.length > 0) {
      const name = queue.shift() as string;
      if (!this.#used.has(name)) return this.take(name);
    }
    for (let n = 2; ; n++) {
      for (const base of pool) {
        const name = numbered(base, n);
        if (!this.#used.has(name)) return this.take(name);
      }
    }
  }

  /**
   * Takes `name`, or a numbered variant when already taken: 'insert' gives
   * 染坊二巷, 'suffix' gives 人民路公共厕所（二）.
   */
  unique(name: string, style: 'insert' | 'suffix' = 'insert'): string {
    if (!this.#used.has(name)) return this.take(name);
    for (let n = 2; ; n++) {
      const candidate = style === 'insert' ? numbered(name, n) : `${name}（${cnNumber(n)}）`;
      if (!this.#used.has(candidate)) return this.take(candidate);
    }
  }

  take(name: string): string {
    this.#used.add(name);
    return name;
  }
}
