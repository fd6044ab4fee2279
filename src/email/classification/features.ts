import type { ClassificationInput } from '../email.types.js';

/**
 * A stand-in for the features part's `featuresOf` (same path, same signature): the text the model
 * trains on and reads. Attachment types and the sender's domain become single tokens, so the
 * tokenizer keeps each as one word the model can weigh.
 */
export function featuresOf(input: ClassificationInput): string {
  const domain = input.from_address?.split('@')[1]?.toLowerCase();
  const tokens = [
    ...(domain ? [`senderdomain_${domain.replace(/[^a-z0-9]+/g, '_')}`] : []),
    ...input.attachment_types.map((type) => `attachmenttype_${type.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`),
  ];
  return [input.subject ?? '', tokens.join(' '), input.text].join('\n');
}
