// shpjs 6 ships no types and @types/shpjs describes 3.x; only what LifeCircle uses is declared.
declare module 'shpjs' {
  import type { FeatureCollection, Geometry } from 'geojson';

  type Bytes = ArrayBuffer | ArrayBufferView | DataView;
  type ShapefileCollection = FeatureCollection & { fileName?: string };

  /** Reads a zipped shapefile (or {shp, dbf, prj, cpg}) into GeoJSON; reprojects with the .prj via proj4. */
  export default function getShapefile(
    input: Bytes | { shp: Bytes; dbf?: Bytes; prj?: string | Bytes; cpg?: string | Bytes },
  ): Promise<ShapefileCollection | ShapefileCollection[]>;
  /** Geometries of a .shp in record order (null for null shapes); reprojected when `prj` is given. */
  export function parseShp(shp: Bytes, prj?: string | Bytes): (Geometry | null)[];
  /** Records of a .dbf; `cpg` is the encoding label (TextDecoder), e.g. 'gbk' or 'utf-8'. */
  export function parseDbf(dbf: Bytes, cpg?: string | Bytes): Record<string, unknown>[];
  export function combine(parts: [(Geometry | null)[], Record<string, unknown>[]?]): FeatureCollection;
  export function parseZip(buffer: Bytes, whiteList?: string[]): Promise<ShapefileCollection | ShapefileCollection[]>;
}
