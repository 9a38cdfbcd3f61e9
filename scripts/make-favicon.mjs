// Writes public/favicon.ico (16, 32 and 48 px PNGs) from the shapes of public/logo.svg. There is no
// SVG rasteriser among our dependencies, so this draws the same few shapes itself, supersampled.
// Run after changing the logo: node scripts/make-favicon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BLUE = [0x1d, 0x4e, 0xd8];
// [x1, y1, x2, y2, width, opacity] in the logo's 32-unit space, in paint order.
const STROKES = [[8, 25.5, 24, 25.5, 2, 0.75], [10, 18, 22, 18, 1.6, 0.75], [12, 11, 20, 11, 1.2, 0.75], [9, 29, 14, 5, 2.2, 1], [23, 29, 18, 5, 2.2, 1]];

const segDist = (px, py, [x1, y1, x2, y2]) => {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
};
const inRoundRect = (x, y, r = 7) => {
  const cx = Math.min(Math.max(x, r), 32 - r), cy = Math.min(Math.max(y, r), 32 - r);
  return x >= 0 && y >= 0 && x <= 32 && y <= 32 && Math.hypot(x - cx, y - cy) <= r;
};

/** RGBA pixels of the logo at `size` px, 4x4 samples per pixel. */
function render(size) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < n; sy++) for (let sx = 0; sx < n; sx++) {
      const [ux, uy] = [((x + (sx + 0.5) / n) * 32) / size, ((y + (sy + 0.5) / n) * 32) / size];
      if (!inRoundRect(ux, uy)) continue;
      let c = [...BLUE];
      for (const s of STROKES) if (segDist(ux, uy, s) <= s[4] / 2) c = c.map((v) => v + (255 - v) * s[5]);
      [r, g, b, a] = [r + c[0], g + c[1], b + c[2], a + 1];
    }
    const i = (y * size + x) * 4;
    if (a) [px[i], px[i + 1], px[i + 2]] = [r / a, g / a, b / a].map(Math.round);
    px[i + 3] = Math.round((a / (n * n)) * 255);
  }
  return px;
}

const crcTable = Array.from({ length: 256 }, (_, k) => { let c = k; for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size) {
  const rgba = render(size);
  const raw = Buffer.concat(Array.from({ length: size }, (_, y) => Buffer.concat([Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4)])));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** An ICO file whose images are PNGs (supported by every browser in use). */
export function ico(sizes = [16, 32, 48]) {
  const images = sizes.map(png);
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2); header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((s, i) => {
    const e = 6 + 16 * i;
    header[e] = s; header[e + 1] = s; header.writeUInt16LE(1, e + 4); header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(images[i].length, e + 8); header.writeUInt32LE(offset, e + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(path.join(root, 'public/favicon.ico'), ico());
  console.log('wrote public/favicon.ico');
}
