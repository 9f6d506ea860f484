/**
 * The press photo of a story: the editor's photo at its original resolution, upright, as a JPEG
 * with no metadata (no EXIF, GPS, XMP, IPTC, comments or ICC profile), so a journalist can
 * download it without the camera, place or software it came from.
 *
 * Most editors' photos are upright sRGB JPEGs: for those the metadata segments are cut out and
 * the compressed image is kept byte for byte (lossless, ~1 ms). Anything else — an EXIF rotation,
 * a non-sRGB profile, CMYK, a PNG — is re-encoded once and kept in Astro's cache folder under a
 * hash of its bytes, so a build never encodes the same photo twice (issue 12, item 2).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseIcc } from 'icc';
import sharp, { type Metadata } from 'sharp';

export interface PressPhoto {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Re-encodes `source`: turned upright by its EXIF orientation (which is then dropped, so viewers
 * show it as the page does), transparency on white, sRGB, quality 90. Sharp writes no metadata
 * unless asked to, and we never ask.
 */
export async function encodePressPhoto(source: Uint8Array): Promise<PressPhoto> {
  const { data, info } = await sharp(source, { failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg({ quality: 90, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}

/** A bare JFIF header (1:1 aspect, no thumbnail): says the three components are YCbCr. */
const JFIF = Buffer.from([
  0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
]);
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP14 = 0xee;
const COM = 0xfe;
const isApp = (marker: number) => marker >= 0xe0 && marker <= 0xef;
const isRst = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/**
 * The JPEG `jpeg` with every APPn segment (JFIF, EXIF with GPS, XMP, ICC, MPF, IPTC, …) and every
 * comment removed and a bare JFIF header in their place, its coded image untouched. Whatever
 * follows the image's end marker — the extra pictures of a phone's MPF file, a trailer — is left
 * out. `undefined` when the file is not a JPEG this walk understands, or has an Adobe APP14
 * segment (which can say the components are RGB, not YCbCr, so dropping it would change colours).
 */
export function stripJpegMetadata(jpeg: Uint8Array): Buffer | undefined {
  if (jpeg[0] !== 0xff || jpeg[1] !== SOI) return undefined;
  const parts: Uint8Array[] = [jpeg.subarray(0, 2), JFIF];
  let at = 2;
  while (at + 1 < jpeg.length) {
    if (jpeg[at] !== 0xff) return undefined;
    const marker = jpeg[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === EOI) {
      parts.push(jpeg.subarray(at, at + 2));
      return Buffer.concat(parts);
    }
    if (isRst(marker) || marker === 0x01) {
      parts.push(jpeg.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 3 >= jpeg.length) return undefined;
    const end = at + 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
    if (end > jpeg.length) return undefined;
    if (marker === APP14) return undefined;
    if (!isApp(marker) && marker !== COM) parts.push(jpeg.subarray(at, end));
    at = end;
    if (marker === SOS) {
      // Entropy-coded data runs to the next marker: 0xFF followed by neither a stuffed 0x00 nor a restart.
      let next = at;
      while (next + 1 < jpeg.length && !(jpeg[next] === 0xff && jpeg[next + 1] !== 0 && !isRst(jpeg[next + 1]!)))
        next++;
      parts.push(jpeg.subarray(at, next));
      at = next;
    }
  }
  return undefined; // no end marker: a truncated file
}

/** An sRGB profile says what browsers assume anyway, so dropping it changes no colour. */
function isSrgb(profile: Buffer | undefined): boolean {
  if (!profile) return true;
  try {
    return /\bsRGB\b/.test(parseIcc(profile).description ?? '');
  } catch {
    return false;
  }
}

/** Whether cutting the metadata out of `meta`'s file gives the same picture, the right way up. */
const strippable = (meta: Metadata): boolean =>
  meta.format === 'jpeg' && (meta.orientation ?? 1) === 1 && meta.channels === 3 && isSrgb(meta.icc);

/** Bump when {@link encodePressPhoto} changes, so cached files made the old way are not used. */
const ENCODING_VERSION = 1;

/** The re-encoded press photo of `source`, from `cacheDir` when the same bytes were encoded before. */
async function encodeCached(source: Uint8Array, cacheDir: string): Promise<PressPhoto> {
  const key = createHash('sha256').update(`press-photo ${ENCODING_VERSION}\n`).update(source).digest('hex');
  const file = path.join(cacheDir, `${key.slice(0, 32)}.jpg`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) {
    const { width, height } = await sharp(cached).metadata();
    return { bytes: cached, width, height };
  }
  const photo = await encodePressPhoto(source);
  await mkdir(cacheDir, { recursive: true });
  // Write then rename, so a build stopped halfway never leaves half a JPEG in the cache.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, photo.bytes);
  await rename(partial, file);
  return photo;
}

/**
 * The press photo of `source`: its metadata cut out when that is enough (see
 * {@link stripJpegMetadata}), otherwise re-encoded by {@link encodePressPhoto} and cached in
 * `cacheDir` (none: not cached). Either way the result is checked to carry no metadata.
 */
export async function makePressPhoto(source: Uint8Array, cacheDir?: string): Promise<PressPhoto> {
  const meta = await sharp(source).metadata();
  const stripped = strippable(meta) ? stripJpegMetadata(source) : undefined;
  if (stripped) {
    const after = await sharp(stripped).metadata();
    const clean = !after.exif && !after.xmp && !after.iptc && !after.icc;
    if (clean && after.width === meta.width && after.height === meta.height)
      return { bytes: stripped, width: after.width, height: after.height };
  }
  return cacheDir ? encodeCached(source, cacheDir) : encodePressPhoto(source);
}

/** What the press box says about a press photo. */
export interface PressPhotoFacts {
  width: number;
  height: number;
  /** Bytes of the JPEG. */
  size: number;
}

/*
 * Each photo is made once per build and shared by the endpoint (the bytes) and the story page
 * (the facts). The bytes are let go as soon as the endpoint has them: kept for the whole build,
 * 2,000 full-size photos would hold most of a gigabyte (issue 12, item 5).
 */
const made = new Map<string, Promise<PressPhoto>>();
const facts = new Map<string, PressPhotoFacts>();

function make(file: string, cacheDir: string | undefined): Promise<PressPhoto> {
  let photo = made.get(file);
  if (!photo) {
    photo = readFile(file).then((source) => makePressPhoto(source, cacheDir));
    made.set(file, photo);
    photo.then(
      ({ width, height, bytes }) => facts.set(file, { width, height, size: bytes.length }),
      () => undefined,
    );
  }
  return photo;
}

/**
 * The press photo of the image file at `file`, for the endpoint that publishes it (its bytes are
 * not kept); re-encoded photos are kept in `cacheDir` across builds.
 */
export async function pressPhotoOf(file: string, cacheDir?: string): Promise<PressPhoto> {
  const photo = await make(file, cacheDir);
  made.delete(file);
  return photo;
}

/** Size and dimensions of the press photo of `file`, for the press box. */
export async function pressPhotoFactsOf(file: string, cacheDir?: string): Promise<PressPhotoFacts> {
  const known = facts.get(file);
  if (known) return known;
  const { width, height, bytes } = await make(file, cacheDir);
  return { width, height, size: bytes.length };
}

/** "312 kB" or "1,4 MB", as a Danish reader writes it. */
export function formatBytes(size: number): string {
  const number = (n: number) => new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(n);
  return size < 1_000_000 ? `${number(Math.max(1, Math.round(size / 1000)))} kB` : `${number(size / 1_000_000)} MB`;
}
