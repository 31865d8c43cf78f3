import { useEffect, useState } from 'react';
import type { PublicBoard } from './types.js';

/**
 * connecting: first connection; live: receiving; reconnecting: the connection dropped and the
 * browser is trying again (the last board stays on screen); gone: the address is wrong or was
 * replaced, nothing more will come.
 */
export type BoardPhase = 'connecting' | 'live' | 'reconnecting' | 'gone';

const RETRY_MS = 5000;

/**
 * The venue board as a live stream: EventSource on the events URL (a `board` event on connect
 * and after every change). The browser reconnects by itself after a dropped connection; when
 * the server refuses the stream outright (404, 429) EventSource gives up, so the JSON address is
 * asked what is wrong and a new EventSource is opened unless the board is gone.
 */
export function useBoardStream(token: string): { board: PublicBoard | null; phase: BoardPhase } {
  const [board, setBoard] = useState<PublicBoard | null>(null);
  const [phase, setPhase] = useState<BoardPhase>('connecting');

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const base = `/api/public/ceremony-boards/${encodeURIComponent(token)}`;

    const gone = () => {
      stopped = true;
      source?.close();
      setPhase('gone');
    };

    const open = () => {
      if (stopped) return;
      source = new EventSource(`${base}/events`);
      source.addEventListener('board', (event) => {
        setBoard(JSON.parse((event as MessageEvent<string>).data) as PublicBoard);
        setPhase('live');
      });
      source.addEventListener('gone', gone);
      source.onerror = () => {
        if (stopped || !source) return;
        setPhase((p) => (p === 'connecting' ? 'connecting' : 'reconnecting'));
        if (source.readyState !== EventSource.CLOSED) return; // the browser retries by itself
        source.close();
        void fetch(base, { headers: { accept: 'application/json' } })
          .then((res) => {
            if (res.status === 404) gone();
            else retry = setTimeout(open, RETRY_MS);
          })
          .catch(() => {
            retry = setTimeout(open, RETRY_MS);
          });
      };
    };

    open();
    return () => {
      stopped = true;
      source?.close();
      if (retry) clearTimeout(retry);
    };
  }, [token]);

  return { board, phase };
}
