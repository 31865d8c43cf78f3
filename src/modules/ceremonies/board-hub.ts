import type { Database } from '../../db/client.js';
import type { AppError } from '../../shared/errors.js';
import { boardEvents } from './board-events.js';
import type { PublicBoard } from './ceremony-schemas.js';
import { type BoardRef, findBoardByHash, loadPublicBoard } from './public-board.js';

/** The least time between two reads of one board while signatures keep arriving. */
const REFRESH_GAP_MS = 500;

/** One open board screen (an SSE stream). */
export interface BoardSubscriber {
  board(board: PublicBoard): void;
  /** A comment line that keeps proxies from closing an idle stream. */
  ping(): void;
  /** The address was reset (or the ceremony is gone): the screen must stop. */
  gone(error: AppError): void;
  /** The server is shutting down: end the stream (the browser reconnects elsewhere/later). */
  end(): void;
}

interface Entry {
  hash: string;
  ref: BoardRef;
  subscribers: Set<BoardSubscriber>;
  /** The last board sent, without its timestamp: a refresh that changes nothing sends nothing. */
  last: string;
  poll: NodeJS.Timeout;
  heartbeat: NodeJS.Timeout;
  stopSigned: () => void;
  running: boolean;
  again: boolean;
  /** When the last read began, and the read waiting for REFRESH_GAP_MS to pass. */
  lastReadAt: number;
  delayed: NodeJS.Timeout | null;
}

export interface BoardHubOptions {
  pollMs?: number;
  heartbeatMs?: number;
  /** Screens per board; more are refused (a venue has a few, an office a few more). */
  maxPerBoard?: number;
  onError?: (error: unknown) => void;
}

const comparable = (board: PublicBoard): string => JSON.stringify({ ...board, at: '' });

/**
 * Keeps the open venue boards fresh. Screens of the same board share one entry: one database
 * poll every few seconds (signatures made by another process) and one listener on this
 * process's signing events (signatures made here show at once), however many screens are open.
 * A board is re-read on every signal, and sent only when it changed.
 */
export class BoardHub {
  private readonly entries = new Map<string, Entry>();
  private readonly pollMs: number;
  private readonly heartbeatMs: number;
  readonly maxPerBoard: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly database: Database,
    options: BoardHubOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 3000;
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.maxPerBoard = options.maxPerBoard ?? 50;
    this.onError = options.onError ?? (() => {});
  }

  /** How many screens a board has open (the route refuses beyond maxPerBoard). */
  count(hash: string): number {
    return this.entries.get(hash)?.subscribers.size ?? 0;
  }

  /**
   * Adds a screen that has just been sent `initial`. Returns the function that removes it
   * (call it when the connection closes).
   */
  subscribe(
    hash: string,
    ref: BoardRef,
    initial: PublicBoard,
    subscriber: BoardSubscriber,
  ): () => void {
    let entry = this.entries.get(hash);
    if (!entry) {
      const created: Entry = {
        hash,
        ref,
        subscribers: new Set(),
        last: comparable(initial),
        poll: setInterval(() => this.refresh(created), this.pollMs),
        heartbeat: setInterval(() => {
          for (const s of created.subscribers) s.ping();
        }, this.heartbeatMs),
        stopSigned: boardEvents.onSigned((event) => {
          if (event.tenantId === ref.tenantId) this.refresh(created);
        }),
        running: false,
        again: false,
        lastReadAt: 0,
        delayed: null,
      };
      // Timers must not keep a process alive that is otherwise done (tests, CLI).
      created.poll.unref();
      created.heartbeat.unref();
      this.entries.set(hash, created);
      entry = created;
    } else if (comparable(initial) !== entry.last) {
      // This screen saw a newer picture than the others: bring them up to date too.
      this.refresh(entry);
    }
    const target = entry;
    target.subscribers.add(subscriber);
    return () => {
      target.subscribers.delete(subscriber);
      if (target.subscribers.size === 0) this.drop(target);
    };
  }

  /**
   * Re-reads a board and sends it if it changed. Signals during a read cause one more read, and
   * reads of one board are at least REFRESH_GAP_MS apart: a batch signs a PK every few tens of
   * ms, and on PGlite each board read shares the one connection with the signing, so reading
   * after every signature would slow the batch (bench/sign-batch.ts). A screen still shows a
   * signature within a second.
   */
  private refresh(entry: Entry): void {
    if (entry.running || entry.delayed) {
      entry.again = entry.running || entry.again;
      return;
    }
    const wait = REFRESH_GAP_MS - (Date.now() - entry.lastReadAt);
    if (wait > 0) {
      entry.delayed = setTimeout(() => {
        entry.delayed = null;
        if (this.entries.get(entry.hash) === entry) this.refresh(entry);
      }, wait);
      entry.delayed.unref();
      return;
    }
    entry.running = true;
    entry.lastReadAt = Date.now();
    void this.read(entry).finally(() => {
      entry.running = false;
      if (entry.again && this.entries.get(entry.hash) === entry) {
        entry.again = false;
        this.refresh(entry);
      }
    });
  }

  private async read(entry: Entry): Promise<void> {
    try {
      // The token is checked on every read: a reset address stops working on open screens too.
      const ref = await findBoardByHash(this.database, entry.hash);
      const board = await loadPublicBoard(this.database, ref);
      const text = comparable(board);
      if (text === entry.last) return;
      entry.last = text;
      for (const s of entry.subscribers) s.board(board);
    } catch (error) {
      if ((error as AppError).code === 'NOT_FOUND') {
        for (const s of entry.subscribers) s.gone(error as AppError);
        this.drop(entry);
        return;
      }
      // A failed read (database restarting) is retried at the next tick.
      this.onError(error);
    }
  }

  private drop(entry: Entry): void {
    if (entry.delayed) clearTimeout(entry.delayed);
    clearInterval(entry.poll);
    clearInterval(entry.heartbeat);
    entry.stopSigned();
    entry.subscribers.clear();
    if (this.entries.get(entry.hash) === entry) this.entries.delete(entry.hash);
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    for (const entry of [...this.entries.values()]) {
      for (const s of entry.subscribers) s.end();
      this.drop(entry);
    }
  }
}
