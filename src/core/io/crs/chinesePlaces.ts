/**
 * Provinces and major cities of China with the longitude/latitude of their centre (to 0.1°), to
 * suggest the central meridian of projected data from a place the user types. Province rows give
 * the capital's position.
 */
export interface Place {
  zh: string;
  en: string;
  lon: number;
  lat: number;
}

export const CHINESE_PLACES: readonly Place[] = [
  { zh: '北京', en: 'Beijing', lon: 116.4, lat: 39.9 },
  { zh: '天津', en: 'Tianjin', lon: 117.2, lat: 39.1 },
  { zh: '上海', en: 'Shanghai', lon: 121.5, lat: 31.2 },
  { zh: '重庆', en: 'Chongqing', lon: 106.5, lat: 29.6 },
  { zh: '石家庄', en: 'Shijiazhuang', lon: 114.5, lat: 38.0 },
  { zh: '河北', en: 'Hebei', lon: 114.5, lat: 38.0 },
  { zh: '太原', en: 'Taiyuan', lon: 112.5, lat: 37.9 },
  { zh: '山西', en: 'Shanxi', lon: 112.5, lat: 37.9 },
  { zh: '呼和浩特', en: 'Hohhot', lon: 111.7, lat: 40.8 },
  { zh: '内蒙古', en: 'Inner Mongolia', lon: 111.7, lat: 40.8 },
  { zh: '沈阳', en: 'Shenyang', lon: 123.4, lat: 41.8 },
  { zh: '辽宁', en: 'Liaoning', lon: 123.4, lat: 41.8 },
  { zh: '大连', en: 'Dalian', lon: 121.6, lat: 38.9 },
  { zh: '长春', en: 'Changchun', lon: 125.3, lat: 43.9 },
  { zh: '吉林', en: 'Jilin', lon: 125.3, lat: 43.9 },
  { zh: '哈尔滨', en: 'Harbin', lon: 126.6, lat: 45.8 },
  { zh: '黑龙江', en: 'Heilongjiang', lon: 126.6, lat: 45.8 },
  { zh: '南京', en: 'Nanjing', lon: 118.8, lat: 32.1 },
  { zh: '江苏', en: 'Jiangsu', lon: 118.8, lat: 32.1 },
  { zh: '苏州', en: 'Suzhou', lon: 120.6, lat: 31.3 },
  { zh: '无锡', en: 'Wuxi', lon: 120.3, lat: 31.5 },
  { zh: '杭州', en: 'Hangzhou', lon: 120.2, lat: 30.3 },
  { zh: '浙江', en: 'Zhejiang', lon: 120.2, lat: 30.3 },
  { zh: '宁波', en: 'Ningbo', lon: 121.6, lat: 29.9 },
  { zh: '温州', en: 'Wenzhou', lon: 120.7, lat: 28.0 },
  { zh: '合肥', en: 'Hefei', lon: 117.2, lat: 31.8 },
  { zh: '安徽', en: 'Anhui', lon: 117.2, lat: 31.8 },
  { zh: '福州', en: 'Fuzhou', lon: 119.3, lat: 26.1 },
  { zh: '福建', en: 'Fujian', lon: 119.3, lat: 26.1 },
  { zh: '厦门', en: 'Xiamen', lon: 118.1, lat: 24.5 },
  { zh: '南昌', en: 'Nanchang', lon: 115.9, lat: 28.7 },
  { zh: '江西', en: 'Jiangxi', lon: 115.9, lat: 28.7 },
  { zh: '济南', en: 'Jinan', lon: 117.0, lat: 36.7 },
  { zh: '山东', en: 'Shandong', lon: 117.0, lat: 36.7 },
  { zh: '青岛', en: 'Qingdao', lon: 120.4, lat: 36.1 },
  { zh: '郑州', en: 'Zhengzhou', lon: 113.6, lat: 34.8 },
  { zh: '河南', en: 'Henan', lon: 113.6, lat: 34.8 },
  { zh: '武汉', en: 'Wuhan', lon: 114.3, lat: 30.6 },
  { zh: '湖北', en: 'Hubei', lon: 114.3, lat: 30.6 },
  { zh: '长沙', en: 'Changsha', lon: 112.9, lat: 28.2 },
  { zh: '湖南', en: 'Hunan', lon: 112.9, lat: 28.2 },
  { zh: '广州', en: 'Guangzhou', lon: 113.3, lat: 23.1 },
  { zh: '广东', en: 'Guangdong', lon: 113.3, lat: 23.1 },
  { zh: '深圳', en: 'Shenzhen', lon: 114.1, lat: 22.5 },
  { zh: '南宁', en: 'Nanning', lon: 108.4, lat: 22.8 },
  { zh: '广西', en: 'Guangxi', lon: 108.4, lat: 22.8 },
  { zh: '海口', en: 'Haikou', lon: 110.3, lat: 20.0 },
  { zh: '海南', en: 'Hainan', lon: 110.3, lat: 20.0 },
  { zh: '成都', en: 'Chengdu', lon: 104.1, lat: 30.7 },
  { zh: '四川', en: 'Sichuan', lon: 104.1, lat: 30.7 },
  { zh: '贵阳', en: 'Guiyang', lon: 106.7, lat: 26.6 },
  { zh: '贵州', en: 'Guizhou', lon: 106.7, lat: 26.6 },
  { zh: '昆明', en: 'Kunming', lon: 102.7, lat: 25.0 },
  { zh: '云南', en: 'Yunnan', lon: 102.7, lat: 25.0 },
  { zh: '拉萨', en: 'Lhasa', lon: 91.1, lat: 29.7 },
  { zh: '西藏', en: 'Tibet', lon: 91.1, lat: 29.7 },
  { zh: '西安', en: "Xi'an", lon: 108.9, lat: 34.3 },
  { zh: '陕西', en: 'Shaanxi', lon: 108.9, lat: 34.3 },
  { zh: '兰州', en: 'Lanzhou', lon: 103.8, lat: 36.1 },
  { zh: '甘肃', en: 'Gansu', lon: 103.8, lat: 36.1 },
  { zh: '西宁', en: 'Xining', lon: 101.8, lat: 36.6 },
  { zh: '青海', en: 'Qinghai', lon: 101.8, lat: 36.6 },
  { zh: '银川', en: 'Yinchuan', lon: 106.3, lat: 38.5 },
  { zh: '宁夏', en: 'Ningxia', lon: 106.3, lat: 38.5 },
  { zh: '乌鲁木齐', en: 'Urumqi', lon: 87.6, lat: 43.8 },
  { zh: '新疆', en: 'Xinjiang', lon: 87.6, lat: 43.8 },
  { zh: '香港', en: 'Hong Kong', lon: 114.2, lat: 22.3 },
  { zh: '澳门', en: 'Macau', lon: 113.5, lat: 22.2 },
  { zh: '台北', en: 'Taipei', lon: 121.5, lat: 25.0 },
];

const SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|区|县)$/;

/**
 * The place a user typed ("南京", "南京市", "nanjing", "Xi'an"), or null. Exact names first, then a
 * name the text starts with (so "南京市鼓楼区" finds 南京).
 */
export function findPlace(text: string): Place | null {
  const t = text.trim();
  if (!t) return null;
  const zh = t.replace(SUFFIX, '');
  const en = t.toLowerCase().replace(/[^a-z]/g, '');
  const norm = (p: Place) => p.en.toLowerCase().replace(/[^a-z]/g, '');
  return (
    CHINESE_PLACES.find((p) => p.zh === zh || (en.length > 0 && norm(p) === en)) ??
    CHINESE_PLACES.find((p) => t.startsWith(p.zh) || (en.length >= 4 && norm(p).startsWith(en))) ??
    null
  );
}
