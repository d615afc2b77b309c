import type { IssueSeverity } from './types';
import { SUPPORTED_EPSG_TEXT, SUPPORTED_EPSG_TEXT_ZH } from './crs/crsCatalog';

type P = Record<string, string | number>;
type Text = string | ((p: P) => string);

interface IssueSpec {
  severity: IssueSeverity;
  en: Text;
  zh: Text;
  hint_en: Text;
  hint_zh: Text;
}

const CONVERT_HINT_EN = 'Export the data as GeoJSON or CSV (UTF-8) in WGS84 lon/lat, or zip the shapefile with its .prj.';
const CONVERT_HINT_ZH = '请将数据导出为 WGS84 经纬度的 GeoJSON 或 UTF-8 编码的 CSV，或将 Shapefile 连同 .prj 一起打包为 zip。';

/**
 * Every import problem the app can report, in English and Chinese, with what to do about it.
 * Codes are stable: UIs, the CLI and tests key on them.
 */
export const ISSUE_CATALOG = {
  'file-empty': {
    severity: 'error',
    en: 'the file is empty (0 bytes).',
    zh: '文件为空（0 字节）。',
    hint_en: 'Check that the export or download finished, then load the file again.',
    hint_zh: '请确认导出或下载已完成，然后重新加载。',
  },
  'file-too-large': {
    severity: 'error',
    en: (p) => `the file is ${p.sizeMb} MB, more than the ${p.limitMb} MB a browser can read at once.`,
    zh: (p) => `文件大小为 ${p.sizeMb} MB，超过浏览器一次可读取的 ${p.limitMb} MB。`,
    hint_en: 'Clip the data to the study area (e.g. in QGIS) or split it into several files.',
    hint_zh: '请先将数据裁剪到研究范围（如在 QGIS 中），或拆分为多个文件。',
  },
  'huge-file': {
    severity: 'warning',
    en: (p) => `the file is large (${p.sizeMb} MB); reading it may take a while and use a lot of memory.`,
    zh: (p) => `文件较大（${p.sizeMb} MB），读取可能较慢并占用较多内存。`,
    hint_en: 'If the page slows down, clip the data to the study area first.',
    hint_zh: '如页面变慢，请先将数据裁剪到研究范围。',
  },
  'not-text': {
    severity: 'error',
    en: 'the file is binary, not text; it cannot be GeoJSON, CSV or OSM XML.',
    zh: '文件是二进制内容而非文本，不可能是 GeoJSON、CSV 或 OSM XML。',
    hint_en: 'Check the file extension; shapefiles must be zipped (.zip), OSM PBF files end in .osm.pbf.',
    hint_zh: '请检查文件扩展名；Shapefile 需打包为 .zip，OSM PBF 文件扩展名为 .osm.pbf。',
  },
  'html-page': {
    severity: 'error',
    en: 'the file is a web page (HTML), not data; the download probably failed or needed a login.',
    zh: '文件是网页（HTML）而不是数据，下载可能失败或需要登录。',
    hint_en: 'Download the data again and make sure you save the data file itself.',
    hint_zh: '请重新下载，并确认保存的是数据文件本身。',
  },
  'not-json': {
    severity: 'error',
    en: (p) => `the file is not valid JSON (${p.detail}).`,
    zh: (p) => `文件不是有效的 JSON（${p.detail_zh ?? p.detail}）。`,
    hint_en: 'Open the file in a text editor or validate it at a JSON checker; re-export it from the GIS.',
    hint_zh: '请用文本编辑器或 JSON 校验工具检查该文件，并从 GIS 软件重新导出。',
  },
  'truncated-json': {
    severity: 'error',
    en: 'the JSON ends too early: the file is cut off (incomplete download or copy).',
    zh: 'JSON 提前结束：文件不完整（下载或复制未完成）。',
    hint_en: 'Download or export the file again and check its size.',
    hint_zh: '请重新下载或导出该文件，并核对文件大小。',
  },
  'not-geojson': {
    severity: 'error',
    en: (p) => `the JSON is not GeoJSON (${p.detail}).`,
    zh: (p) => `该 JSON 不是 GeoJSON（${p.detail_zh ?? p.detail}）。`,
    hint_en: 'Expected a FeatureCollection, a Feature or a geometry with "type" and "coordinates". Export as GeoJSON from your GIS.',
    hint_zh: '需要 FeatureCollection、Feature 或带 "type" 和 "coordinates" 的几何对象，请从 GIS 软件导出为 GeoJSON。',
  },
  'topojson-unsupported': {
    severity: 'error',
    en: 'the file is TopoJSON, not GeoJSON.',
    zh: '该文件是 TopoJSON，而不是 GeoJSON。',
    hint_en: 'Convert it to GeoJSON first (e.g. mapshaper: -o format=geojson).',
    hint_zh: '请先转换为 GeoJSON（如使用 mapshaper：-o format=geojson）。',
  },
  'empty-collection': {
    severity: 'error',
    en: 'the file contains no features.',
    zh: '文件中没有任何要素。',
    hint_en: 'Check that you exported the right layer and that it is not filtered to nothing.',
    hint_zh: '请确认导出的是正确的图层，且未被筛选为空。',
  },
  'no-usable-features': {
    severity: 'error',
    en: (p) => `none of the ${p.total} features can be used (see the other messages).`,
    zh: (p) => `全部 ${p.total} 个要素都无法使用（见其他提示）。`,
    hint_en: 'Fix the problems listed for this file and load it again.',
    hint_zh: '请根据该文件的其他提示修正后重新加载。',
  },
  'unsupported-format': {
    severity: 'error',
    en: (p) => `the format${p.ext ? ` "${p.ext}"` : ''} is not supported.`,
    zh: (p) => `不支持该格式${p.ext ? `（${p.ext}）` : ''}。`,
    hint_en: 'Supported: GeoJSON, CSV/TSV with coordinate columns, zipped Shapefile, OSM XML (.osm), OSM PBF, Overpass JSON. ' + CONVERT_HINT_EN,
    hint_zh: '支持：GeoJSON、带坐标列的 CSV/TSV、zip 打包的 Shapefile、OSM XML（.osm）、OSM PBF、Overpass JSON。' + CONVERT_HINT_ZH,
  },
  'cad-unsupported': {
    severity: 'error',
    en: 'CAD drawings (DWG/DXF) cannot be read directly; they usually use a local city grid.',
    zh: '无法直接读取 CAD 图纸（DWG/DXF），其坐标通常为城市独立坐标系。',
    hint_en: 'Convert to Shapefile or GeoJSON in a GIS and georeference it to WGS84 or CGCS2000 first.',
    hint_zh: '请先在 GIS 中转换为 Shapefile 或 GeoJSON，并配准到 WGS84 或 CGCS2000。',
  },
  'excel-file': {
    severity: 'error',
    en: 'Excel workbooks (.xlsx/.xls) cannot be read directly.',
    zh: '无法直接读取 Excel 工作簿（.xlsx/.xls）。',
    hint_en: 'In Excel use "Save as" → "CSV UTF-8 (comma delimited)" and load the CSV; keep the longitude and latitude columns.',
    hint_zh: '请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”，再加载该 CSV，并保留经度、纬度列。',
  },
  'shapefile-not-zipped': {
    severity: 'error',
    en: (p) => `a single ${p.ext} file is only part of a shapefile.`,
    zh: (p) => `单独的 ${p.ext} 文件只是 Shapefile 的一部分。`,
    hint_en: 'Zip the .shp, .shx, .dbf, .prj and .cpg files of the layer together and load the .zip.',
    hint_zh: '请将该图层的 .shp、.shx、.dbf、.prj、.cpg 文件一起打包为 zip 后加载。',
  },
  'bad-zip': {
    severity: 'error',
    en: (p) => `the zip archive cannot be read (${p.detail}).`,
    zh: (p) => `无法读取该 zip 压缩包（${p.detail_zh ?? '压缩包已损坏、被加密，或使用了不支持的压缩方式'}）。`,
    hint_en: 'Create the zip again with a standard tool (no password, no 7z/rar).',
    hint_zh: '请用常规工具重新压缩（不要加密，不要使用 7z/rar 格式）。',
  },
  'zip-too-large': {
    severity: 'error',
    en: (p) => `"${p.entry}" in the zip archive inflates to more than ${p.limitMb} MB (at least ${p.sizeMb} MB); it was not unpacked.`,
    zh: (p) => `zip 压缩包中的“${p.entry}”解压后超过 ${p.limitMb} MB（至少 ${p.sizeMb} MB），未解压。`,
    hint_en: 'Clip the data to the study area before zipping it, or split it into several archives. An archive that unpacks to far more than its size may be damaged or malicious.',
    hint_zh: '请先将数据裁剪到研究范围再压缩，或拆分为多个压缩包。解压后远大于原文件的压缩包可能已损坏或含恶意内容。',
  },
  'shapefile-missing-shp': {
    severity: 'error',
    en: (p) => `the zip contains no .shp file${p.found ? ` (found: ${p.found})` : ''}.`,
    zh: (p) => `压缩包中没有 .shp 文件${p.found ? `（包含：${p.found}）` : ''}。`,
    hint_en: 'Add the layer\'s .shp (and .shx, .dbf, .prj, .cpg) to the zip.',
    hint_zh: '请将图层的 .shp（以及 .shx、.dbf、.prj、.cpg）加入压缩包。',
  },
  'shapefile-missing-dbf': {
    severity: 'warning',
    en: (p) => `the zip has no .dbf for "${p.layer}": shapes are loaded without attributes.`,
    zh: (p) => `压缩包中缺少“${p.layer}”的 .dbf：仅加载了图形，没有属性。`,
    hint_en: 'Add the .dbf to the zip to get names, households and other fields.',
    hint_zh: '请将 .dbf 加入压缩包，以获得名称、户数等字段。',
  },
  'shapefile-multiple-layers': {
    severity: 'info',
    en: (p) => `the zip holds ${p.count} layers (${p.layers}); "${p.layer}" was loaded.`,
    zh: (p) => `压缩包中有 ${p.count} 个图层（${p.layers}），已加载“${p.layer}”。`,
    hint_en: 'Load the zip again and choose another layer if needed, or zip each layer separately.',
    hint_zh: '如需其他图层，请重新加载并选择，或将每个图层分别打包。',
  },
  'dbf-encoding': {
    severity: 'info',
    en: (p) => `attribute text decoded as ${p.encoding} (${p.reason}).`,
    zh: (p) => `属性文字按 ${p.encoding} 编码读取（${p.reason_zh ?? p.reason}）。`,
    hint_en: 'If names look garbled, add a .cpg file with the right encoding (e.g. "GBK" or "UTF-8").',
    hint_zh: '如名称显示为乱码，请在压缩包中加入写有正确编码（如 "GBK" 或 "UTF-8"）的 .cpg 文件。',
  },
  'text-encoding': {
    severity: 'info',
    en: (p) => `the text is not UTF-8; it was read as ${p.encoding}.`,
    zh: (p) => `文本不是 UTF-8 编码，已按 ${p.encoding} 读取。`,
    hint_en: 'If names look garbled, save the file as UTF-8 (Excel: "CSV UTF-8").',
    hint_zh: '如名称显示为乱码，请将文件另存为 UTF-8（Excel 中选择“CSV UTF-8”）。',
  },
  'prj-unreadable': {
    severity: 'warning',
    en: 'the .prj file could not be read; coordinates were checked by their range instead.',
    zh: '无法解析 .prj 文件，已改为按坐标数值范围判断坐标系。',
    hint_en: 'Re-export the shapefile with a standard .prj, or reproject it to WGS84 (EPSG:4326).',
    hint_zh: '请重新导出带标准 .prj 的 Shapefile，或先投影转换为 WGS84（EPSG:4326）。',
  },
  'projected-prj': {
    severity: 'info',
    en: (p) => `coordinates were projected (${p.name}); converted to WGS84 using the .prj.`,
    zh: (p) => `坐标为投影坐标（${p.name}），已按 .prj 转换为 WGS84。`,
    hint_en: 'Nothing to do; check the layer sits where you expect on the map.',
    hint_zh: '无需操作；请在地图上核对图层位置。',
  },
  'crs-member': {
    severity: 'info',
    en: (p) => `the GeoJSON declares ${p.crs}; coordinates were converted to WGS84.`,
    zh: (p) => `GeoJSON 声明的坐标系为 ${p.crs}，已转换为 WGS84。`,
    hint_en: 'Nothing to do; check the layer sits where you expect on the map.',
    hint_zh: '无需操作；请在地图上核对图层位置。',
  },
  'projected-web-mercator': {
    severity: 'warning',
    en: 'coordinates are in metres, Web Mercator (EPSG:3857), not lon/lat; converted to WGS84.',
    zh: '坐标为米制的 Web 墨卡托（EPSG:3857）而非经纬度，已转换为 WGS84。',
    hint_en: 'Check the position on the map. Baidu Mercator (BD09MC) looks the same: if the data come from Baidu, choose BD-09 conversion.',
    hint_zh: '请在地图上核对位置。百度墨卡托（BD09MC）数值范围相同：如数据来自百度，请选择 BD-09 转换。',
  },
  'projected-gauss-kruger': {
    severity: 'warning',
    en: (p) => `coordinates are CGCS2000 Gauss-Krüger metres (${p.width}° zone ${p.zone}, central meridian ${p.cm}°E, ${p.epsg}); converted to WGS84.`,
    zh: (p) => `坐标为 CGCS2000 高斯-克吕格投影（${p.width}° 带第 ${p.zone} 带，中央经线 ${p.cm}°E，${p.epsg}），已转换为 WGS84。`,
    hint_en: 'Check the position on the map; if it is off by a few hundred metres the data may use another datum (Xi\'an 80 / Beijing 54).',
    hint_zh: '请在地图上核对位置；如偏差数百米，数据可能使用西安80或北京54坐标系。',
  },
  'projected-gk-no-zone': {
    severity: 'error',
    en: (p) => `coordinates look like Gauss-Krüger metres without the zone number in the easting (x ${p.xmin}…${p.xmax}, y ${p.ymin}…${p.ymax}): the central meridian is unknown.`,
    zh: (p) => `坐标看似不带带号的高斯-克吕格投影米制坐标（x ${p.xmin}…${p.xmax}，y ${p.ymin}…${p.ymax}），无法确定中央经线。`,
    hint_en: 'Choose the coordinate system and central meridian in the dialog (CGCS2000 / Xi\'an 80 / Beijing 54, 3° or 6° zones, or type the place to get a suggestion); on the command line pass --crs gk3:<meridian> or an EPSG code such as EPSG:4548.',
    hint_zh: '请在对话框中选择坐标系与中央经线（CGCS2000 / 西安80 / 北京54，3度带或6度带；输入地名可获得建议）；命令行请使用 --crs gk3:<中央经线> 或 EPSG 代码（如 EPSG:4548）。',
  },
  'projected-unknown': {
    severity: 'error',
    en: (p) => `coordinates are not lon/lat (x ${p.xmin}…${p.xmax}, y ${p.ymin}…${p.ymax}); the projection cannot be recognised (a local city grid?).`,
    zh: (p) => `坐标不是经纬度（x ${p.xmin}…${p.xmax}，y ${p.ymin}…${p.ymax}），无法识别投影（可能是城市独立坐标系）。`,
    hint_en: CONVERT_HINT_EN,
    hint_zh: CONVERT_HINT_ZH,
  },
  'unknown-crs': {
    severity: 'error',
    en: (p) => `the coordinate system "${p.crs}" is not known.`,
    zh: (p) => `无法识别坐标系“${p.crs}”。`,
    hint_en: `Use wgs84, gcj02, bd09, a Gauss-Krüger id such as gk3:117, gk6:117, gk3:117:zone (zone number in the easting), xian80-gk3:117, beijing54-gk3:117, or an EPSG code: ${SUPPORTED_EPSG_TEXT}.`,
    hint_zh: `请使用 wgs84、gcj02、bd09、高斯-克吕格标识（如 gk3:117、gk6:117、gk3:117:zone（东坐标含带号）、xian80-gk3:117、beijing54-gk3:117）或 EPSG 代码：${SUPPORTED_EPSG_TEXT_ZH}。`,
  },
  'swapped-latlon': {
    severity: 'warning',
    en: 'coordinates were in lat,lon order (latitude first); swapped to lon,lat.',
    zh: '坐标为“纬度,经度”顺序，已交换为“经度,纬度”。',
    hint_en: 'Check the position on the map. GeoJSON and CSV x columns hold longitude.',
    hint_zh: '请在地图上核对位置。GeoJSON 与 CSV 的 x 应为经度。',
  },
  'chinese-crs-suspected': {
    severity: 'warning',
    en: (p) => `the data look like ${p.crs} (${p.reasons}); they may sit 100–700 m off the map until converted.`,
    zh: (p) => `数据可能是 ${p.crs} 坐标（${p.reasons_zh}），未转换时在地图上会偏移约 100–700 米。`,
    hint_en: (p) => `If the data come from ${p.source}, load them again with the ${p.crs} → WGS84 conversion.`,
    hint_zh: (p) => `如数据来自${p.source_zh}，请选择 ${p.crs} → WGS84 转换后重新加载。`,
  },
  'crs-datum-approximate': {
    severity: 'warning',
    en: (p) => `${p.datum_en} → WGS84 needs datum parameters that are not public; positions may be off by tens of metres up to about 100 m.`,
    zh: (p) => `${p.datum_zh} → WGS84 的转换参数未公开，位置可能偏差数十米至约 100 米。`,
    hint_en: 'Check the layer against known places on the map; if you have the official parameters, convert the data in GIS software first.',
    hint_zh: '请对照地图上的已知地物核对；如有官方转换参数，请先在 GIS 软件中转换。',
  },
  'crs-converted': {
    severity: 'info',
    en: (p) => `coordinates converted from ${p.crs} to WGS84.`,
    zh: (p) => `坐标已从 ${p.crs} 转换为 WGS84。`,
    hint_en: 'Nothing to do.',
    hint_zh: '无需操作。',
  },
  'null-geometry': {
    severity: 'warning',
    en: (p) => `${p.count} feature(s) have no geometry and were skipped.`,
    zh: (p) => `${p.count} 个要素没有几何图形，已跳过。`,
    hint_en: 'Features without a location cannot be analysed; add their geometry in the GIS if they matter.',
    hint_zh: '没有位置的要素无法参与分析；如需要，请在 GIS 中补充其几何图形。',
  },
  'invalid-geometry': {
    severity: 'warning',
    en: (p) => `${p.count} feature(s) have invalid geometry and were skipped (first: ${p.detail}).`,
    zh: (p) => `${p.count} 个要素几何无效，已跳过（首个问题：${p.detail_zh ?? p.detail}）。`,
    hint_en: 'Run "Check validity" / "Fix geometries" in the GIS and export again.',
    hint_zh: '请在 GIS 中执行“检查有效性/修复几何”后重新导出。',
  },
  'coordinates-out-of-range': {
    severity: 'warning',
    en: (p) => `${p.count} feature(s) have coordinates outside lon −180…180 / lat −90…90 and were skipped.`,
    zh: (p) => `${p.count} 个要素的坐标超出经度 −180…180 / 纬度 −90…90 范围，已跳过。`,
    hint_en: 'Check these features\' coordinates (typos, mixed units or a projected coordinate system).',
    hint_zh: '请检查这些要素的坐标（录入错误、单位混用或投影坐标）。',
  },
  'ring-not-closed': {
    severity: 'info',
    en: (p) => `${p.count} polygon ring(s) were not closed; closed them by repeating the first vertex.`,
    zh: (p) => `${p.count} 个多边形环未闭合，已重复首点使其闭合。`,
    hint_en: 'Nothing to do.',
    hint_zh: '无需操作。',
  },
  'geometry-collection': {
    severity: 'warning',
    en: (p) => `${p.count} GeometryCollection feature(s) were skipped (mixed geometry in one feature).`,
    zh: (p) => `${p.count} 个 GeometryCollection 要素（一个要素含多种几何）已跳过。`,
    hint_en: 'Explode them into single-type features in the GIS.',
    hint_zh: '请在 GIS 中将其拆分为单一几何类型的要素。',
  },
  'self-intersection': {
    severity: 'warning',
    en: (p) => `${p.count} polygon(s) intersect themselves (bow-tie or crossing edges); areas and point-in-polygon tests may be wrong.`,
    zh: (p) => `${p.count} 个多边形自相交（边线交叉），面积和点是否在面内的判断可能出错。`,
    hint_en: 'Choose "Repair" to split them into valid parts, or fix them in the GIS ("Fix geometries").',
    hint_zh: '可选择“修复”将其拆分为有效部分，或在 GIS 中“修复几何”。',
  },
  'self-intersection-repaired': {
    severity: 'info',
    en: (p) => `${p.count} self-intersecting polygon(s) were split into valid parts.`,
    zh: (p) => `${p.count} 个自相交多边形已拆分为有效部分。`,
    hint_en: 'Check their shape on the map.',
    hint_zh: '请在地图上核对其形状。',
  },
  'wrong-geometry-for-kind': {
    severity: 'warning',
    en: (p) => `${p.count} feature(s) are ${p.found}, which a ${p.kind} layer cannot use (expects ${p.expected}); skipped.`,
    zh: (p) => `${p.count} 个要素为${p.found_zh ?? p.found}要素，${p.kind_zh}图层无法使用（需要${p.expected_zh ?? p.expected}要素），已跳过。`,
    hint_en: 'Choose the right layer kind for this file, or split it by geometry type in the GIS.',
    hint_zh: '请为该文件选择正确的图层类型，或在 GIS 中按几何类型拆分。',
  },
  'mixed-geometry': {
    severity: 'warning',
    en: (p) => `the file mixes geometry types (${p.types}); one layer should hold one kind of thing.`,
    zh: (p) => `文件混合了多种几何类型（${p.types_zh ?? p.types}），一个图层应只包含一类对象。`,
    hint_en: 'Choose the layer kind: features of other types will be skipped. For an OSM extract use the OSM import, which splits it into all layers.',
    hint_zh: '请选择图层类型，其他几何类型的要素将被跳过。OSM 数据请使用 OSM 导入，它会自动拆分为各图层。',
  },
  'other-geometry-left-out': {
    severity: 'warning',
    en: (p) => `${p.count} ${p.found} left out: this ${p.kind} layer takes the file's ${p.taken} only.`,
    zh: (p) => `${p.count} 个${p.found_zh}要素未载入：${p.kind_zh}图层只载入文件中的${p.taken_zh}要素。`,
    hint_en: (p) => `Load them as another layer (e.g. ${p.other}) in the import dialog, or split the file by geometry type in the GIS.`,
    hint_zh: (p) => `可在导入对话框中将它们作为其他图层（如${p.other_zh}）载入，或在 GIS 中按几何类型拆分文件。`,
  },
  'polygon-to-point': {
    severity: 'info',
    en: (p) => `${p.count} polygon(s) were replaced by a representative point inside them.`,
    zh: (p) => `${p.count} 个多边形已替换为其内部的代表点。`,
    hint_en: 'Nothing to do.',
    hint_zh: '无需操作。',
  },
  'csv-no-coordinates': {
    severity: 'error',
    en: (p) => `no coordinate columns found (columns: ${p.columns}).`,
    zh: (p) => `未找到坐标列（现有列：${p.columns}）。`,
    hint_en: 'Name the columns lon/lat (or lng/lat, x/y, longitude/latitude, 经度/纬度), or choose them on import. Addresses alone must be geocoded first.',
    hint_zh: '请将列命名为 lon/lat（或 lng/lat、x/y、longitude/latitude、经度/纬度），或在导入时指定。仅有地址的数据需先进行地理编码。',
  },
  'csv-bad-rows': {
    severity: 'warning',
    en: (p) => `${p.count} row(s) have no usable coordinates in "${p.lon}"/"${p.lat}" and were skipped (first: row ${p.row}).`,
    zh: (p) => `${p.count} 行在“${p.lon}”/“${p.lat}”列中没有可用坐标，已跳过（首个：第 ${p.row} 行）。`,
    hint_en: 'Fill in or correct their coordinates (numbers in decimal degrees).',
    hint_zh: '请补全或更正这些行的坐标（十进制度数）。',
  },
  'csv-malformed': {
    severity: 'warning',
    en: (p) => `${p.count} row(s) could not be parsed cleanly (first: row ${p.row}, ${p.detail}).`,
    zh: (p) => `${p.count} 行解析异常（首个：第 ${p.row} 行，${p.detail_zh ?? p.detail}）。`,
    hint_en: 'Check quotes and delimiters in these rows.',
    hint_zh: '请检查这些行中的引号和分隔符。',
  },
  'csv-broken-quote': {
    severity: 'warning',
    en: (p) => `line ${p.line}: a quote (") opens a field that swallows ${p.lines} following line(s) holding whole rows; the quote was ignored and those rows were read.`,
    zh: (p) => `第 ${p.line} 行：一个引号（"）开启的字段吞掉了后面 ${p.lines} 行完整数据；已忽略该引号并读取了这些行。`,
    hint_en: (p) => `Check line ${p.line} of the file: remove the stray quote or close it ("…").`,
    hint_zh: (p) => `请检查文件第 ${p.line} 行：删除多余的引号或补全成对引号（"…"）。`,
  },
  'csv-row-count': {
    severity: 'warning',
    en: (p) => `the file has ${p.expected} data line(s) but ${p.read} row(s) were read; ${p.missing} line(s) did not become rows (lines ${p.lines}).`,
    zh: (p) => `文件有 ${p.expected} 行数据，但只读取到 ${p.read} 行；${p.missing} 行未能读取（第 ${p.lines} 行）。`,
    hint_en: 'Open the file in a text editor at those lines: look for stray quotes (") or line breaks inside cells.',
    hint_zh: '请用文本编辑器查看这些行：检查多余的引号（"）或单元格中的换行。',
  },
  'value-unreadable': {
    severity: 'warning',
    en: (p) => `${p.count} feature(s) have a "${p.field}" value that is not a number (first${p.name}: "${p.value}"); kept as unknown.`,
    zh: (p) => `${p.count} 个要素的“${p.field}”不是可识别的数字（首个${p.name}：“${p.value}”），按未知处理。`,
    hint_en: 'Write plain numbers (1200, 1.2万, 1998, 1990年代, 1988-1992); remove words and notes from the cell.',
    hint_zh: '请填写数字（如 1200、1.2万、1998、1990年代、1988-1992），不要在单元格中加入文字说明。',
  },
  'year-out-of-range': {
    severity: 'warning',
    en: (p) => `${p.count} feature(s) have a "${p.field}" year outside ${p.min}–${p.max} (first${p.name}: "${p.value}"); the year is kept as unknown.`,
    zh: (p) => `${p.count} 个要素的“${p.field}”年份不在 ${p.min}–${p.max} 范围内（首个${p.name}：“${p.value}”），年份按未知处理。`,
    hint_en: 'Correct the year (four digits, e.g. 1998); leave the cell blank when the year is not known.',
    hint_zh: '请更正年份（四位数字，如 1998）；年份未知时请留空。',
  },
  'year-range': {
    severity: 'info',
    en: (p) => `${p.count} feature(s) give "${p.field}" as a decade, range or bound (first${p.name}: "${p.value}" → ${p.year}); a representative year is used and the span kept.`,
    zh: (p) => `${p.count} 个要素的“${p.field}”为年代、年份区间或上下限（首个${p.name}：“${p.value}” → ${p.year}），已取代表年份并保留原区间。`,
    hint_en: 'Nothing to do; give the exact year where it is known.',
    hint_zh: '无需操作；如知道确切年份，请填写确切年份。',
  },
  'count-negative': {
    severity: 'warning',
    en: (p) => `${p.count} feature(s) have a negative "${p.field}" (first${p.name}: "${p.value}"); the value is kept as unknown.`,
    zh: (p) => `${p.count} 个要素的“${p.field}”为负数（首个${p.name}：“${p.value}”），按未知处理。`,
    hint_en: (p) => `Correct the value: "${p.field}" cannot be below 0.`,
    hint_zh: (p) => `请更正该值：“${p.field}”不能小于 0。`,
  },
  'count-not-integer': {
    severity: 'warning',
    en: (p) => `${p.count} feature(s) have a "${p.field}" that is not a whole number (first${p.name}: "${p.value}"); the value is kept as unknown.`,
    zh: (p) => `${p.count} 个要素的“${p.field}”不是整数（首个${p.name}：“${p.value}”），按未知处理。`,
    hint_en: (p) => `Correct the value: "${p.field}" is counted in whole numbers (check the column is not an area or a ratio).`,
    hint_zh: (p) => `请更正该值：“${p.field}”应为整数（请确认该列不是面积或比例）。`,
  },
  'duplicate-ids': {
    severity: 'warning',
    en: (p) => `${p.count} id(s) in "${p.field}" appear more than once: ${p.ids}.`,
    zh: (p) => `“${p.field}”中有 ${p.count} 个编号重复：${p.ids}。`,
    hint_en: 'Give each feature its own id; results are reported per id and repeated ids cannot be told apart.',
    hint_zh: '请为每个要素设置唯一编号；结果按编号输出，重复编号无法区分。',
  },
  'not-osm': {
    severity: 'error',
    en: (p) => `the file is ${p.format}, not an OpenStreetMap extract.`,
    zh: (p) => `该文件是 ${p.format}，不是 OpenStreetMap 数据。`,
    hint_en: 'Use an .osm (XML), .osm.pbf or Overpass JSON file for the OSM import; load other files as single layers.',
    hint_zh: 'OSM 导入请使用 .osm（XML）、.osm.pbf 或 Overpass JSON 文件；其他文件请按单个图层加载。',
  },
  'osm-invalid-xml': {
    severity: 'error',
    en: (p) => `the OSM XML cannot be read (${p.detail}).`,
    zh: (p) => `无法读取 OSM XML（${p.detail_zh ?? 'XML 结构有误'}）。`,
    hint_en: 'Export the area again (openstreetmap.org Export, Overpass or JOSM) and check the file is complete.',
    hint_zh: '请重新导出该区域（openstreetmap.org 导出、Overpass 或 JOSM），并确认文件完整。',
  },
  'osm-truncated': {
    severity: 'error',
    en: 'the OSM XML is cut off before its end (no closing </osm>): the download is incomplete.',
    zh: 'OSM XML 不完整（缺少结尾的 </osm>），下载未完成。',
    hint_en: 'Download the extract again; for large areas use a smaller box or an Overpass query.',
    hint_zh: '请重新下载；范围较大时请缩小范围或使用 Overpass 查询。',
  },
  'osm-pbf-invalid': {
    severity: 'error',
    en: (p) => `the OSM PBF file cannot be read (${p.detail}).`,
    zh: (p) => `无法读取 OSM PBF 文件（${p.detail_zh ?? '数据已损坏或使用了不支持的压缩方式/功能'}）。`,
    hint_en: 'Download it again, or convert it to .osm XML with osmium (osmium cat in.pbf -o out.osm).',
    hint_zh: '请重新下载，或用 osmium 转换为 .osm XML（osmium cat in.pbf -o out.osm）。',
  },
  'osm-missing-nodes': {
    severity: 'warning',
    en: (p) => `${p.count} way(s) reference nodes that are not in the file (cut at the extract's edge); only their parts inside were kept.`,
    zh: (p) => `${p.count} 条 way 引用了文件中不存在的节点（在导出范围边缘被截断），仅保留范围内的部分。`,
    hint_en: 'Normal for a clipped extract. To keep whole ways, export with "complete ways" (Overpass: (._;>;);).',
    hint_zh: '裁剪导出的数据通常如此。如需完整道路，请导出时包含完整 way（Overpass：(._;>;);）。',
  },
  'internal-error': {
    severity: 'error',
    en: (p) => `the file could not be read (${p.detail}).`,
    zh: (p) => `无法读取该文件（${p.detail}）。`,
    hint_en: 'Check the file in a GIS; if it opens there, report this message with the file.',
    hint_zh: '请在 GIS 软件中检查该文件；如能正常打开，请将此提示与文件一并反馈。',
  },
} satisfies Record<string, IssueSpec>;

export type IssueCode = keyof typeof ISSUE_CATALOG;

/** Resolves a catalogue text (string or template function) with its parameters. */
export function issueText(code: IssueCode, field: 'en' | 'zh' | 'hint_en' | 'hint_zh', params: P): string {
  const t: Text = (ISSUE_CATALOG[code] as IssueSpec)[field];
  return typeof t === 'function' ? t(params) : t;
}
