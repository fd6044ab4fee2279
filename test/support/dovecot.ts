import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';

/** Dovecot's own users: the processes run as nobody, log in as dovenull, and are never root. */
const MAIL_UID = 65534;
const MAIL_GID = 65534;

export interface DovecotUser {
  user: string;
  password: string;
}

/**
 * A private Dovecot IMAP server for a test (see TESTING.md, Email): its own config, users,
 * maildirs, logs and sockets in one temporary folder, listening on 127.0.0.1 at a free high
 * port, in the foreground (`dovecot -F -c FILE`) as a child of the test process. It can be
 * SIGKILLed and started again on the same port and data, and its UIDVALIDITY can be changed
 * while it is down. `close()` kills it and removes the folder.
 */
export class Dovecot {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private readonly users = new Map<string, string>();

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static available(): boolean {
    return spawnSync('dovecot', ['--version']).status === 0;
  }

  static async start(users: DovecotUser[] = []): Promise<Dovecot> {
    const dir = mkdtempSync(join(tmpdir(), 'botfleet-dovecot-'));
    // The mail processes run as nobody and must reach their maildirs through this folder.
    chmodSync(dir, 0o755);
    for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
    chownSync(join(dir, 'mail'), MAIL_UID, MAIL_GID);
    const server = new Dovecot(dir, await freePort());
    for (const { user, password } of users) server.users.set(user, password);
    server.writeUsers();
    server.writeConfig();
    await server.launch();
    return server;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** passwd-file is read again when it changes: a user added now can log in at once. */
  addUser(user: string, password: string): void {
    this.users.set(user, password);
    this.writeUsers();
  }

  /**
   * SIGKILL to the whole server, as a crash of its machine: the master and every process it
   * started (an imap process outlives its master's SIGKILL and keeps its client's session
   * open), so every connection drops. The port is free when this resolves.
   */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const group = child.pid;
    killGroup(group);
    await this.exited;
    this.child = undefined;
    liveGroups.delete(group);
    await waitUntil(async () => !groupAlive(group), 10_000, `dovecot processes of group ${group} still alive`);
    await waitUntil(async () => !(await accepts(this.port)), 10_000, `port ${this.port} still accepting`);
  }

  /** Starts again on the same port, config and mail. */
  async restart(): Promise<void> {
    if (this.child) return;
    await this.launch();
  }

  /**
   * A new UIDVALIDITY for `folder`, as after a server's index was rebuilt: while Dovecot is down,
   * its UID list and index of the folder are deleted (the messages stay and get new UIDs from 1).
   * Answers both values, read over IMAP; throws when the value did not change.
   */
  async changeUidValidity(account: DovecotUser, folder = 'INBOX'): Promise<{ before: number; after: number }> {
    const before = await this.uidValidity(account, folder);
    await this.kill();
    const maildir = join(this.dir, 'mail', account.user, 'Maildir', folder === 'INBOX' ? '' : `.${folder}`);
    for (const name of readdirSync(maildir)) {
      if (name === 'dovecot-uidlist' || name.startsWith('dovecot.index')) rmSync(join(maildir, name), { force: true });
    }
    // Dovecot derives a new UIDVALIDITY from the clock: make sure a second has turned.
    await sleep(1_100);
    await this.restart();
    const after = await this.uidValidity(account, folder);
    if (after === before) throw new Error(`UIDVALIDITY of ${folder} is still ${before}`);
    return { before, after };
  }

  async uidValidity(account: DovecotUser, folder = 'INBOX'): Promise<number> {
    return this.withClient(account, async (client) => Number((await client.mailboxOpen(folder)).uidValidity));
  }

  /** Appends each message to `folder` over one connection; answers the UIDs given. */
  async append(account: DovecotUser, messages: Array<string | Buffer>, folder = 'INBOX'): Promise<number[]> {
    return this.withClient(account, async (client) => {
      const uids: number[] = [];
      for (const message of messages) {
        const result = await client.append(folder, message);
        uids.push(result ? (result.uid ?? 0) : 0);
      }
      return uids;
    });
  }

  /** Every message of `folder`: UID, flags and Message-ID. */
  async list(
    account: DovecotUser,
    folder = 'INBOX',
  ): Promise<Array<{ uid: number; flags: string[]; messageId: string | undefined }>> {
    return this.withClient(account, async (client) => {
      const box = await client.mailboxOpen(folder, { readOnly: true });
      if (box.exists === 0) return [];
      const messages = await client.fetchAll('1:*', { uid: true, flags: true, envelope: true });
      return messages.map((m) => ({ uid: m.uid, flags: [...(m.flags ?? [])], messageId: m.envelope?.messageId }));
    });
  }

  /**
   * The server's own push delay: how long a bare client in IDLE waits for the EXISTS of each
   * message appended on another connection (what no watcher can beat).
   */
  async existsLatency(account: DovecotUser, messages: string[]): Promise<number[]> {
    return this.withClient(account, async (idler) => {
      await idler.mailboxOpen('INBOX');
      const latencies: number[] = [];
      for (const raw of messages) {
        const seen = new Promise((resolve) => idler.once('exists', resolve));
        void idler.idle().catch(() => undefined);
        await sleep(200);
        await this.append(account, [raw]);
        const appendedAt = performance.now();
        await seen;
        latencies.push(performance.now() - appendedAt);
        await idler.noop();
      }
      return latencies;
    });
  }

  async withClient<T>(account: DovecotUser, work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      auth: { user: account.user, pass: account.password },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  /** Kills the server and removes its folder: nothing of it is left running. */
  async close(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    let log = '';
    // Its own process group (the master's pid): kill() ends the master and all it started.
    const child = spawn('dovecot', ['-F', '-c', join(this.dir, 'dovecot.conf')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid) liveGroups.add(child.pid);
    child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.child = child;
    let gone = false;
    void this.exited.then(() => (gone = true));
    try {
      await waitUntil(async () => gone || (await greets(this.port)), 10_000, 'no IMAP greeting');
    } finally {
      if (gone) this.child = undefined;
    }
    if (gone) throw new Error(`dovecot exited at start: ${log}`);
  }

  private writeUsers(): void {
    const lines = [...this.users].map(([user, password]) => `${user}:{PLAIN}${password}\n`);
    writeFileSync(join(this.dir, 'users'), lines.join(''), { mode: 0o644 });
  }

  private writeConfig(): void {
    const d = this.dir;
    writeFileSync(
      join(d, 'dovecot.conf'),
      `protocols = imap
listen = 127.0.0.1
base_dir = ${d}/run
state_dir = ${d}/state
log_path = ${d}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# A wrong password is answered at once (the default waits 2 s).
auth_failure_delay = 0
default_login_user = dovenull
default_internal_user = dovecot
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${this.port}
  }
  inet_listener imaps {
    port = 0
  }
}
protocol imap {
  mail_max_userip_connections = 100
}
# No growing delay (up to 15 s) after repeated failed logins from one IP: the wrong-password
# test retries every second or two, and a test of the check must not meet a stalled login.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${d}/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${d}/mail/%u
}
`,
    );
  }
}

/**
 * A TCP relay in front of Dovecot that can go silent: `stall()` stops passing bytes both ways on
 * the open connections without closing them (a NAT that dropped its mapping, an IDLE that broke
 * without an error: imapflow issue #14); new connections pass again.
 */
export class StallingProxy {
  private server?: Server;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket; stalled: boolean }>();

  private constructor(readonly port: number) {}

  static async start(target: number): Promise<StallingProxy> {
    const proxy = new StallingProxy(await freePort());
    proxy.server = createServer((client) => {
      const upstream = connect(target, '127.0.0.1');
      const pair = { client, upstream, stalled: false };
      proxy.pairs.add(pair);
      client.on('data', (chunk) => pair.stalled || upstream.write(chunk));
      upstream.on('data', (chunk) => pair.stalled || client.write(chunk));
      const end = () => {
        client.destroy();
        upstream.destroy();
        proxy.pairs.delete(pair);
      };
      for (const socket of [client, upstream]) socket.on('close', end).on('error', end);
    });
    await new Promise<void>((resolve) => proxy.server!.listen(proxy.port, '127.0.0.1', resolve));
    return proxy;
  }

  get open(): number {
    return [...this.pairs].filter((pair) => !pair.stalled).length;
  }

  stall(): void {
    for (const pair of this.pairs) pair.stalled = true;
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** Process groups of servers still running: killed if the test process exits without close(). */
const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const group of liveGroups) killGroup(group);
});

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A process of the group still runs (zombies waiting for init to reap them do not count). */
function groupAlive(group: number): boolean {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so read after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z') return true;
  }
  return false;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(what);
    await sleep(25);
  }
}

/** Something listens on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Dovecot answers with its real greeting (not the "Waiting for authentication process" one). */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    let text = '';
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 1_000);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (/\] .*ready\./.test(text)) done(true);
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}
