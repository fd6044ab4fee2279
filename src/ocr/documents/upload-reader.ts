import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { DomainException } from '../../core/errors/domain.exception.js';
import { CoreErrorCode } from '../../core/errors/error-catalogue.js';
import { OcrApiErrorCode } from '../ocr-api.errors.js';

/** One file part as read: at most the cap is kept; past it the part is only drained and marked. */
export interface UploadedFile {
  filename: string | null;
  bytes: Buffer;
  sha256: string;
  size: number;
  tooLarge: boolean;
}

export interface Upload {
  fields: Record<string, string>;
  files: UploadedFile[];
}

export interface UploadRules {
  maxBytes: number;
  maxFiles: number;
  /** The form fields the route takes; any other is refused. */
  fields: readonly string[];
}

// @fastify/multipart's and busboy's errors, as problems a client can act on.
function problemOf(error: unknown, rules: UploadRules): DomainException | undefined {
  if (error instanceof DomainException) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return notMultipart();
  if (code === 'FST_FILES_LIMIT') {
    return new DomainException(OcrApiErrorCode.TooManyFiles, `At most ${rules.maxFiles} file(s) per request.`);
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new DomainException(OcrApiErrorCode.MalformedUpload, 'The form has too many parts.');
  }
  if (code === 'FST_PROTO_VIOLATION' || code === 'FST_MP_PREMATURE_CLOSE' || error instanceof Error) {
    return new DomainException(OcrApiErrorCode.MalformedUpload, 'The multipart body is malformed or incomplete.');
  }
  return undefined;
}

const notMultipart = () =>
  new DomainException(OcrApiErrorCode.NotMultipart, 'Send the document as multipart/form-data with a `file` part.');

async function readFile(part: MultipartFile, maxBytes: number): Promise<UploadedFile> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  // Busboy stops the stream at `fileSize` and sets `truncated`; the count is a second bound.
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) {
      chunks.push(chunk);
      hash.update(chunk);
    }
  }
  const tooLarge = part.file.truncated || size > maxBytes;
  return {
    filename: part.filename || null,
    bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks),
    sha256: tooLarge ? '' : hash.digest('hex'),
    size,
    tooLarge,
  };
}

/**
 * Reads a multipart form to its end: fields, and `file` parts each hashed as it streams, buffered
 * up to `maxBytes` only. The whole body is read before anything is judged, so the client always
 * gets its answer (no connection reset mid-upload), and a refusal writes nothing.
 */
export async function readUpload(request: FastifyRequest, rules: UploadRules): Promise<Upload> {
  if (!request.isMultipart()) throw notMultipart();
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const errors: string[] = [];
  try {
    const parts: AsyncIterableIterator<Multipart> = request.parts();
    for await (const part of parts) {
      if (part.type === 'file') {
        const file = await readFile(part, rules.maxBytes);
        if (part.fieldname === 'file') files.push(file);
        else errors.push(`unknown file part ${part.fieldname.slice(0, 100)}: send documents as \`file\``);
        continue;
      }
      const name = part.fieldname.slice(0, 100);
      if (!rules.fields.includes(name)) errors.push(`unknown field ${name}`);
      else if (name in fields) errors.push(`${name} is given more than once`);
      else if (part.valueTruncated || typeof part.value !== 'string') errors.push(`${name} is too long`);
      else fields[name] = part.value;
    }
  } catch (error) {
    const problem = problemOf(error, rules);
    if (problem) throw problem;
    throw error;
  }
  if (errors.length > 0) {
    throw new DomainException(CoreErrorCode.ValidationFailed, 'The upload form is not valid.', { errors });
  }
  if (files.length === 0) {
    throw new DomainException(OcrApiErrorCode.FileMissing, 'The form has no `file` part holding the document.');
  }
  return { fields, files };
}
