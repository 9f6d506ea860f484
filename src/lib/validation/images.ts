/**
 * Editors' images: must exist, be a raster format the site can re-encode, be at most 10 MB,
 * and carry no GPS position (photos of workplaces and homes).
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import exifReader from 'exif-reader';
import sharp from 'sharp';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

type Format = 'jpeg' | 'png' | 'webp' | 'avif';

/** The format by the file's first bytes, not its name. */
export function sniffFormat(head: Uint8Array): Format | 'svg' | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'avif';
  if (/<svg|<\?xml/i.test(ascii(0, Math.min(head.length, 256)))) return 'svg';
  return undefined;
}

/**
 * A position in a PNG's text chunks (tEXt, zTXt, iTXt), where sharp does not look: ImageMagick
 * writes EXIF there as a hex "Raw profile type exif", and XMP under "XML:com.adobe.xmp".
 */
export function pngTextHasGps(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, 8).toString('latin1') !== '\x89PNG\r\n\x1a\n') return false;
  for (let at = 8; at + 12 <= buffer.length;) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.subarray(at + 4, at + 8).toString('latin1');
    const data = buffer.subarray(at + 8, Math.min(at + 8 + length, buffer.length));
    at += 12 + length;
    if (type !== 'tEXt' && type !== 'zTXt' && type !== 'iTXt') continue;
    const keywordEnd = data.indexOf(0);
    if (keywordEnd < 0) continue;
    let text: Buffer;
    try {
      if (type === 'tEXt') text = data.subarray(keywordEnd + 1);
      else if (type === 'zTXt')
        text = inflateSync(data.subarray(keywordEnd + 2), { maxOutputLength: 16 * 1024 * 1024 });
      else {
        // iTXt: keyword, compression flag, method, language\0, translated keyword\0, text.
        const compressed = data[keywordEnd + 1] === 1;
        let rest = data.subarray(keywordEnd + 3);
        rest = rest.subarray(rest.indexOf(0) + 1);
        rest = rest.subarray(rest.indexOf(0) + 1);
        text = compressed ? inflateSync(rest, { maxOutputLength: 16 * 1024 * 1024 }) : rest;
      }
    } catch {
      continue;
    }
    const value = text.toString('latin1');
    if (/GPS(?:Latitude|Longitude)/.test(value)) return true;
    // "Raw profile type exif": a newline, the name, the length, then the bytes as hex.
    const hex = /raw profile type (?:exif|app1)/i.test(data.subarray(0, keywordEnd).toString('latin1'))
      ? value
          .split('\n')
          .slice(3)
          .join('')
          .replace(/[^0-9a-f]/gi, '')
      : '';
    if (hex) {
      const exif = Buffer.from(hex, 'hex');
      const start = exif.indexOf('Exif\0\0', 0, 'latin1');
      try {
        const gps = exifReader(start >= 0 ? exif.subarray(start) : exif).GPSInfo;
        if (gps && (gps.GPSLatitude !== undefined || gps.GPSLongitude !== undefined)) return true;
      } catch {
        // Not EXIF we can read: nothing to report from it.
      }
    }
  }
  return false;
}

/** Does the image's metadata hold a position? EXIF GPS tags or XMP `GPSLatitude`. */
export async function hasGpsPosition(bytes: Uint8Array): Promise<boolean> {
  if (pngTextHasGps(bytes)) return true;
  const meta = await sharp(bytes).metadata();
  if (meta.exif) {
    try {
      const gps = exifReader(meta.exif).GPSInfo;
      if (gps && (gps.GPSLatitude !== undefined || gps.GPSLongitude !== undefined)) return true;
    } catch {
      // Unreadable EXIF: fall through to the XMP check rather than guess.
    }
  }
  return meta.xmp ? /GPS(?:Latitude|Longitude)/.test(meta.xmp.toString('utf8')) : false;
}

/** What a directory entry is, in Danish, when it is not a regular file. */
export function notRegularFile(stats: import('node:fs').Stats | import('node:fs').Dirent): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isSymbolicLink()) return 'en genvej (symbolsk link)';
  if (stats.isDirectory()) return 'en mappe';
  if (stats.isFIFO()) return 'en FIFO (navngivet rør)';
  if (stats.isSocket()) return 'en socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'en enhedsfil';
  return 'ikke en almindelig fil';
}

/**
 * What the bytes of an image say, as far as the rules care: a function of the bytes alone, so it
 * may be remembered by their hash (see memo.ts).
 */
export type BytesVerdict =
  { kind: 'svg' } | { kind: 'not-image' } | { kind: 'gps' } | { kind: 'corrupt' } | { kind: 'ok' };

/** What is true of one image file; its messages follow from it and the path it is shown as. */
export type ImageVerdict =
  | { kind: 'outside' }
  | { kind: 'not-regular'; what: string }
  | { kind: 'link-outside' }
  | { kind: 'missing' }
  | { kind: 'too-big'; size: number }
  | { kind: 'unreadable'; reason: string }
  | BytesVerdict;

/** Judges an image's bytes: raster format by its first bytes, and no GPS position. */
export async function judgeBytes(bytes: Uint8Array): Promise<BytesVerdict> {
  const format = sniffFormat(bytes.subarray(0, 256));
  if (format === 'svg') return { kind: 'svg' };
  if (!format) return { kind: 'not-image' };
  try {
    return (await hasGpsPosition(bytes)) ? { kind: 'gps' } : { kind: 'ok' };
  } catch {
    return { kind: 'corrupt' };
  }
}

/**
 * The verdict on one image file. Only a regular file inside `contentDir` (when given) is read, and
 * only after its size is known to be within limits; `judge` judges its bytes (by default
 * {@link judgeBytes}; the checker passes one that remembers).
 */
export async function imageVerdict(
  absolutePath: string,
  contentDir?: string,
  judge: (bytes: Buffer) => Promise<BytesVerdict> = judgeBytes,
): Promise<ImageVerdict> {
  if (contentDir) {
    const inside = path.relative(contentDir, absolutePath);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { kind: 'outside' };
  }
  let size: number;
  try {
    const stats = await lstat(absolutePath);
    const what = notRegularFile(stats);
    if (what) return { kind: 'not-regular', what };
    size = stats.size;
    // A folder on the way may itself be a link out of src/content.
    if (contentDir && path.relative(await realpath(contentDir), await realpath(absolutePath)).startsWith('..')) {
      return { kind: 'link-outside' };
    }
  } catch {
    return { kind: 'missing' };
  }
  if (size > MAX_IMAGE_BYTES) return { kind: 'too-big', size };
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message };
  }
  return judge(bytes);
}

/** The verdict as Danish messages naming the image as the editor wrote it; empty when it is fine. */
export function imageMessages(verdict: ImageVerdict, shownAs: string): string[] {
  switch (verdict.kind) {
    case 'outside':
      return [
        `billedet "${shownAs}" ligger uden for src/content/. Læg billedet i en images-mappe ved siden af filen, fx ./images/foto.jpg`,
      ];
    case 'not-regular':
      return [
        `billedet "${shownAs}" er ${verdict.what}, ikke en billedfil. Læg selve billedfilen (JPEG, PNG, WebP eller AVIF) i mappen`,
      ];
    case 'link-outside':
      return [
        `billedet "${shownAs}" ligger uden for src/content/ (stien går gennem en genvej). Læg selve billedfilen i en images-mappe ved siden af filen`,
      ];
    case 'missing':
      return [
        `billedet "${shownAs}" findes ikke. Tjek stavningen, og at filen ligger i mappen (stien er relativ til filen)`,
      ];
    case 'too-big':
      return [
        `billedet "${shownAs}" fylder ${(verdict.size / 1024 / 1024).toFixed(1)} MB; højst 10 MB. Gem det mindre (fx 2000 px bredt, JPEG kvalitet 80)`,
      ];
    case 'unreadable':
      return [`billedet "${shownAs}" kunne ikke læses (${verdict.reason}). Gem det igen som JPEG eller PNG`];
    case 'svg':
      return [`"${shownAs}" er en SVG-tegning. Brug et JPEG-, PNG-, WebP- eller AVIF-billede`];
    case 'not-image':
      return [`"${shownAs}" er ikke et JPEG-, PNG-, WebP- eller AVIF-billede. Gem det i et af de formater`];
    case 'gps':
      return [
        `billedet "${shownAs}" indeholder GPS-position. Fjern den, fx med \`exiftool -gps:all= -xmp:all= ${shownAs}\` eller ved at eksportere billedet uden placering`,
      ];
    case 'corrupt':
      return [`billedet "${shownAs}" kan ikke læses (filen er måske beskadiget). Gem det igen som JPEG eller PNG`];
    case 'ok':
      return [];
  }
}

/**
 * Problems with one image file, as Danish messages; empty when it is fine. Only a regular file
 * inside `contentDir` (when given) is read, and only after its size is known to be within limits.
 */
export async function checkImageFile(absolutePath: string, shownAs: string, contentDir?: string): Promise<string[]> {
  return imageMessages(await imageVerdict(absolutePath, contentDir), shownAs);
}
