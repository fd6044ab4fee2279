// mailparser ships no types (and @types/mailparser is not installed): the part the tests read.
declare module 'mailparser' {
  export interface ParsedMail {
    subject?: string;
    text?: string;
    html?: string | false;
    messageId?: string;
    from?: { text: string };
    to?: { text: string };
    headers: Map<string, unknown>;
  }
  export function simpleParser(source: Buffer | string): Promise<ParsedMail>;
}
