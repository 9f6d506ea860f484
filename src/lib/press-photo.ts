/**
 * The press photo of a story: the editor's photo at its original resolution, re-encoded as a
 * JPEG with no metadata (no EXIF, GPS, XMP, IPTC or ICC profile; pixels converted to sRGB), so
 * a journalist can download it without the camera, place or software it came from.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

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

const made = new Map<string, Promise<PressPhoto>>();

/** The press photo of the image file at `file`, made once per build and shared by page and endpoint. */
export function pressPhotoOf(file: string): Promise<PressPhoto> {
  let photo = made.get(file);
  if (!photo) {
    photo = readFile(file).then(encodePressPhoto);
    made.set(file, photo);
  }
  return photo;
}

/** "312 kB" or "1,4 MB", as a Danish reader writes it. */
export function formatBytes(size: number): string {
  const number = (n: number) => new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(n);
  return size < 1_000_000 ? `${number(Math.max(1, Math.round(size / 1000)))} kB` : `${number(size / 1_000_000)} MB`;
}
