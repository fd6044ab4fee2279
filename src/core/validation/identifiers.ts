/** Robot types are short identifiers: `legal_review`, `invoice.extract`. */
export const ROBOT_TYPE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,49}$/;

/** Correlation ids and references are identifiers, echoed in pages and logs: plain tokens only. */
export const REFERENCE_PATTERN = /^[A-Za-z0-9._:@/#-]+$/;
