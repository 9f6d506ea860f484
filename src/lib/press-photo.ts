/**
 * The press photo of a story: the editor's photo at its original resolution, re-encoded as a
 * JPEG with no metadata (no EXIF, GPS, XMP, IPTC or ICC profile; pixels converted to sRGB), so
 * a journalist can download it without the camera, place or software it came from.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

/** What the press box says about the photo. */
export interface PressPhotoFacts {
  width: number;
  height: number;
  /** Bytes of the JPEG. */
  size: number;
}

export interface PressPhoto extends PressPhotoFacts {
  bytes: Buffer;
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
  return { bytes: data, width: info.width, height: info.height, size: data.length };
}

/*
 * Each photo is encoded once per build and shared by the endpoint (the bytes) and the story page
 * (the facts). The bytes are let go as soon as the endpoint has them: kept for the whole build,
 * 2,000 full-size photos would hold most of a gigabyte (issue 12). Astro renders the endpoint
 * route before the story pages, so the pages then find only the facts.
 */
const encoded = new Map<string, Promise<PressPhoto>>();
const facts = new Map<string, PressPhotoFacts>();

function encode(file: string): Promise<PressPhoto> {
  let photo = encoded.get(file);
  if (!photo) {
    photo = readFile(file).then(encodePressPhoto);
    encoded.set(file, photo);
    // A failed encoding reaches whoever awaits `photo`; this side note must not throw it again.
    photo.then(
      ({ width, height, size }) => facts.set(file, { width, height, size }),
      () => undefined,
    );
  }
  return photo;
}

/** The press photo of the image file at `file`, for the endpoint that publishes it; its bytes are not kept. */
export async function pressPhotoOf(file: string): Promise<PressPhoto> {
  const photo = await encode(file);
  encoded.delete(file);
  return photo;
}

/** Size and dimensions of the press photo of `file`, for the press box. */
export async function pressPhotoFactsOf(file: string): Promise<PressPhotoFacts> {
  const known = facts.get(file);
  if (known) return known;
  const { width, height, size } = await encode(file);
  return { width, height, size };
}

/** "312 kB" or "1,4 MB", as a Danish reader writes it. */
export function formatBytes(size: number): string {
  const number = (n: number) => new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(n);
  return size < 1_000_000 ? `${number(Math.max(1, Math.round(size / 1000)))} kB` : `${number(size / 1_000_000)} MB`;
}
