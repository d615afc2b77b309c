/** OpenStreetMap elements in the shape of Overpass JSON (what osmtogeojson reads). */
export type OsmTags = Record<string, string>;

export interface OsmNode {
  type: 'node';
  id: number;
  lat: number;
  lon: number;
  tags?: OsmTags;
}

export interface OsmWay {
  type: 'way';
  id: number;
  nodes: number[];
  tags?: OsmTags;
}

export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

export interface OsmRelation {
  type: 'relation';
  id: number;
  members: OsmMember[];
  tags?: OsmTags;
}

export type OsmElement = OsmNode | OsmWay | OsmRelation;

export interface OsmData {
  elements: OsmElement[];
  /** Declared extent [minLon, minLat, maxLon, maxLat], when the file has one. */
  bounds?: [number, number, number, number];
}

/** A file that cannot be read as OSM; `truncated` tells a cut-off download from bad content. */
export class OsmReadError extends Error {
  constructor(
    message: string,
    readonly truncated = false,
  ) {
    super(message);
  }
}
