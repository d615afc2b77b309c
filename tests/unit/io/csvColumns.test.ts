import { describe, expect, it } from 'vitest';
import { findCoordinateColumns, importOsm, parseCoordinate, parseWkt } from '../../../src/core/io';

describe('findCoordinateColumns', () => {
  it.each([
    [['name', 'lon', 'lat'], { kind: 'lonlat', lon: 'lon', lat: 'lat' }],
    [['NAME', 'LNG', 'LAT'], { kind: 'lonlat', lon: 'LNG', lat: 'LAT' }],
    [['\uFEFFLongitude', 'Latitude'], { kind: 'lonlat', lon: '\uFEFFLongitude', lat: 'Latitude' }],
    [['名称', '经度', '纬度'], { kind: 'lonlat', lon: '经度', lat: '纬度' }],
    [['X', 'Y', 'id'], { kind: 'lonlat', lon: 'X', lat: 'Y' }],
    [['POINT_X', 'POINT_Y'], { kind: 'lonlat', lon: 'POINT_X', lat: 'POINT_Y' }],
    [['gcj02_lng', 'gcj02_lat', 'wgs84_lng', 'wgs84_lat'], { kind: 'lonlat', lon: 'wgs84_lng', lat: 'wgs84_lat' }],
    [['经度(°)', '纬度(°)'], { kind: 'lonlat', lon: '经度(°)', lat: '纬度(°)' }],
    [['name', 'location'], { kind: 'pair', column: 'location' }],
    [['id', 'WKT'], { kind: 'wkt', column: 'WKT' }],
  ])('%o', (headers, expected) => {
    expect(findCoordinateColumns(headers)).toEqual(expected);
  });

  it('does not take "long"-looking words or a lone column', () => {
    expect(findCoordinateColumns(['name', 'address', 'category'])).toBeNull();
    expect(findCoordinateColumns(['lon', 'name'])).toBeNull();
    expect(findCoordinateColumns(['belonging', 'lateness'])).toBeNull();
  });
});

describe('parseCoordinate', () => {
  it('reads decimals, decimal commas and degrees-minutes-seconds', () => {
    expect(parseCoordinate(' 116.397 ')).toBe(116.397);
    expect(parseCoordinate('116,397')).toBe(116.397);
    // 116° 23′ 50.4″ = 116 + 23/60 + 50.4/3600 = 116.3973333…
    expect(parseCoordinate('116°23\'50.4"E')).toBeCloseTo(116.3973333, 6);
    expect(parseCoordinate('39度54分N')).toBeCloseTo(39.9, 9);
    expect(parseCoordinate('33°51′S')).toBeCloseTo(-33.85, 9);
    expect(parseCoordinate('')).toBeNaN();
    expect(parseCoordinate('abc')).toBeNaN();
  });
});

describe('parseWkt', () => {
  it('reads the geometries GIS tools write', () => {
    expect(parseWkt('POINT (116.35 40)')).toEqual({ type: 'Point', coordinates: [116.35, 40] });
    expect(parseWkt('SRID=4326;POINT Z (1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(parseWkt('LINESTRING (0 0, 1 1)')).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 1]] });
    expect(parseWkt('MULTIPOINT ((0 0), (1 -1.5e-3))')).toEqual({ type: 'MultiPoint', coordinates: [[0, 0], [1, -0.0015]] });
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))')).toEqual({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] });
    expect(parseWkt('CIRCLE (0 0, 1)')).toBeNull();
    expect(parseWkt('POINT (1 2')).toBeNull();
  });
});

describe('importOsm', () => {
  it('reads and classifies in one call, and refuses non-OSM files with a message', async () => {
    const osm = '<osm version="0.6"><node id="1" lat="40" lon="116.35"><tag k="amenity" v="kindergarten"/></node></osm>';
    const r = await importOsm('a.osm', osm);
    expect(r.ok).toBe(true);
    expect(r.counts?.byCategory.kindergarten).toBe(1);
    const bad = await importOsm('a.csv', 'name,lon,lat\nA,116.35,40\n');
    expect(bad.ok).toBe(false);
    expect(bad.errors[0]?.code).toBe('not-osm');
  });
});
