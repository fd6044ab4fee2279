/** Another instance holds the mailbox now (a fenced write found the lease gone): the watcher stops. */
export class LeaseLost extends Error {}

/** A write of the watcher's own (checkpoint, search time, skip) failed: the database, not the mailbox. */
export class StoreFailure extends Error {}

export const store = <T>(write: Promise<T>): Promise<T> =>
  write.catch((error: Error) => {
    throw new StoreFailure(error.message);
  });

/** The server or the network closed the connection without an error of its own. */
export class ConnectionLost extends Error {
  readonly code = 'NoConnection';
}
