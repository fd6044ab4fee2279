import { ValidateBy, type ValidationOptions } from 'class-validator';

// Windows device names are refused too: a name is checked for every platform a file may reach.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A bare file name, safe to join to a folder: no separators, no `..`, no control characters, no
 * leading dot or dash, no reserved device name, at most 255 bytes. For upload and attachment
 * names (OCR documents, email attachments): a name is never trusted as a path.
 */
export function isSafeFileName(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || Buffer.byteLength(value) > 255) return false;
  if ([...value].some((char) => char.charCodeAt(0) < 0x20 || char === '\x7f')) return false;
  if (/[/\\:*?"<>|]/.test(value)) return false;
  if (value === '.' || value === '..' || value.startsWith('.') || value.startsWith('-')) return false;
  if (value.endsWith(' ') || value.endsWith('.')) return false;
  return !RESERVED.test(value);
}

export const IsSafeFileName = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isSafeFileName',
      validator: {
        validate: isSafeFileName,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a plain file name (no path, no "..", no control characters)`,
      },
    },
    options,
  );
