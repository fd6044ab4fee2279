import { DomainException } from '../../core/errors/domain.exception.js';
import { declareErrorCodes } from '../../core/errors/error-catalogue.js';

/** What the mailboxes API refuses, beyond request validation (VALIDATION_FAILED). */
export enum MailboxErrorCode {
  MailboxNotFound = 'MAILBOX_NOT_FOUND',
  /** Names are unique, case-insensitively: they label metrics and alerts. */
  MailboxNameTaken = 'MAILBOX_NAME_TAKEN',
  /** A host the watcher must not connect to (link-local, metadata, multicast, reserved). */
  MailboxHostRefused = 'MAILBOX_HOST_REFUSED',
  /** Settings that do not fit together (move without move_to, move_to equal to the folder). */
  MailboxSettingsInvalid = 'MAILBOX_SETTINGS_INVALID',
}

declare module '../../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    mailbox: MailboxErrorCode;
  }
}

declareErrorCodes(MailboxErrorCode, {
  [MailboxErrorCode.MailboxNotFound]: 404,
  [MailboxErrorCode.MailboxNameTaken]: 409,
  [MailboxErrorCode.MailboxHostRefused]: 400,
  [MailboxErrorCode.MailboxSettingsInvalid]: 400,
});

export const mailboxNotFound = (id: string) =>
  new DomainException(MailboxErrorCode.MailboxNotFound, `No mailbox ${id}.`, { mailbox_id: id });

export const mailboxNameTaken = (name: string) =>
  new DomainException(MailboxErrorCode.MailboxNameTaken, `A mailbox is already named ${name}.`, { name });
