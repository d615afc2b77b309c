import { createServer, type Server } from 'node:http';
import { deflateSync } from 'node:zlib';
import { freePort } from './servers';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A 256×256 PNG of one RGB colour, written by hand (zlib + CRC), so the test needs no image library. */
export function solidPng([r, g, b]: [number, number, number], size = 256): Buffer {
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export interface TileServer {
  /** XYZ template, e.g. http://127.0.0.1:PORT/tiles/{z}/{x}/{y}.png */
  template: string;
  origin: string;
  /** A MapLibre style.json using the same tiles. */
  styleUrl: string;
  /** Paths requested so far. */
  requests: string[];
  close: () => Promise<void>;
}

/** A local XYZ tile server on a free port answering every /tiles/z/x/y.png with the same PNG (CORS open). */
export async function startTileServer(color: [number, number, number]): Promise<TileServer> {
  const png = solidPng(color);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/style.json') {
      // A MapLibre style whose raster source is this server; its attribution carries markup that must show as text.
      const style = {
        version: 8,
        sources: { t: { type: 'raster', tiles: [`${origin}/tiles/{z}/{x}/{y}.png`], tileSize: 256, attribution: '<a href="https://example.com">Style Tiles</a> <img src=x onerror="window.__xss=1">' } },
        layers: [
          { id: 't', type: 'raster', source: 't' },
          { id: 'names', type: 'symbol', source: 't', layout: { 'text-field': 'x' } },
        ],
      };
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      res.end(JSON.stringify(style));
    } else if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*', 'Content-Length': png.length });
      res.end(png);
    } else {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' });
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return { template: `${origin}/tiles/{z}/{x}/{y}.png`, origin, styleUrl: `${origin}/style.json`, requests, close: () => new Promise((ok) => server.close(() => ok())) };
}
