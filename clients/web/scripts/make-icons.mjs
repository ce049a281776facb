// Draws the app's icons (two linked rings on green: つなぐ, "to link") as SVG and PNG, with no
// image library: a tiny rasteriser with 4×4 supersampling and a PNG encoder on node:zlib.
// Run once (`node scripts/make-icons.mjs`); the results are committed in public/icons.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const GREEN = [31, 111, 92];
const WHITE = [255, 255, 255];
const YELLOW = [255, 214, 102];

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<rect width="512" height="512" rx="112" fill="rgb(${GREEN})"/>
<circle cx="200" cy="256" r="96" fill="none" stroke="rgb(${WHITE})" stroke-width="44"/>
<circle cx="312" cy="256" r="96" fill="none" stroke="rgb(${YELLOW})" stroke-width="44"/>
</svg>
`;
writeFileSync('public/icons/icon.svg', svg);

/** Colour at (x, y) in a 512×512 design space; null outside the icon. */
function shade(x, y, { rounded, scale }) {
  const s = 512;
  // Maskable icons keep the rings inside the 80% safe zone and fill the whole square.
  const cx = (v) => 256 + (v - 256) * scale;
  if (rounded) {
    const r = 112;
    const qx = Math.max(r - x, 0, x - (s - r));
    const qy = Math.max(r - y, 0, y - (s - r));
    if (qx * qx + qy * qy > r * r) return null;
  }
  const ring = (ox, color) => {
    const d = Math.hypot(x - cx(ox), y - 256);
    return Math.abs(d - 96 * scale) <= 22 * scale ? color : null;
  };
  return ring(312, YELLOW) ?? ring(200, WHITE) ?? GREEN;
}

function crcTable() {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}
const CRC = crcTable();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, options) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const n = 4;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const c = shade(((px + (sx + 0.5) / n) / size) * 512, ((py + (sy + 0.5) / n) / size) * 512, options);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('public/icons/icon-192.png', png(192, { rounded: true, scale: 1 }));
writeFileSync('public/icons/icon-512.png', png(512, { rounded: true, scale: 1 }));
writeFileSync('public/icons/maskable-512.png', png(512, { rounded: false, scale: 0.78 }));
writeFileSync('public/icons/apple-touch-icon.png', png(180, { rounded: false, scale: 0.9 }));
console.log('icons written to public/icons');
