/** The media types the pipeline reads; anything else is refused by its bytes. */
export type OcrMediaType = 'image/png' | 'image/jpeg' | 'image/tiff' | 'image/webp' | 'application/pdf';

const startsWith = (bytes: Buffer, signature: number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

/**
 * The type a document really is, from its first bytes: a name or a declared Content-Type is the
 * sender's claim, and a renamed executable must not reach a decoder that expects an image.
 */
export function detectMediaType(bytes: Buffer): OcrMediaType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // Little-endian (II*\0) and big-endian (MM\0*) TIFF.
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  // PDF readers accept the header anywhere in the first KiB (PDF 32000-1 annex H.3 note); so do we.
  const head = bytes.subarray(0, 1024).indexOf('%PDF-');
  if (head !== -1) return 'application/pdf';
  return undefined;
}
