import { describe, expect, it } from 'vitest';
import { SseParser, toBatchEvent } from './signing.js';

describe('SseParser', () => {
  it.each([
    ['one frame', ['event: start\ndata: {"total":2}\n\n'], [['start', '{"total":2}']]],
    [
      'split across chunks, mid-line and mid-separator',
      ['event: prog', 'ress\ndata: {"index":0', '}\n', '\nevent: done\ndata: {}\n\n'],
      [
        ['progress', '{"index":0}'],
        ['done', '{}'],
      ],
    ],
    ['CRLF line ends', ['event: start\r\ndata: {"total":1}\r\n\r\n'], [['start', '{"total":1}']]],
    [
      'CR split from its LF between chunks',
      ['event: start\r', '\ndata: 1\r', '\n\r', '\n'],
      [['start', '1']],
    ],
    ['heartbeat comments ignored', [': ping\n\n', 'data: x\n\n'], [['message', 'x']]],
    ['multi-line data joined', ['data: a\ndata: b\n\n'], [['message', 'a\nb']]],
    ['frame without data dropped', ['event: start\n\n'], []],
    ['unfinished frame waits', ['event: start\ndata: {}\n'], []],
  ])('%s', (_name, chunks, expected) => {
    const parser = new SseParser();
    const frames = chunks.flatMap((chunk) => parser.push(chunk));
    expect(frames.map((f) => [f.event, f.data])).toEqual(expected);
  });
});

describe('toBatchEvent', () => {
  it.each([
    [
      { event: 'start', data: '{"total":48}' },
      { type: 'start', total: 48 },
    ],
    [
      {
        event: 'progress',
        data: '{"documentId":"d1","index":3,"status":"failed","error":{"code":"NOT_YOUR_TURN","message":"x"},"ms":120}',
      },
      {
        type: 'progress',
        documentId: 'd1',
        index: 3,
        status: 'failed',
        error: { code: 'NOT_YOUR_TURN', message: 'x' },
        ms: 120,
      },
    ],
    [
      { event: 'done', data: '{"signed":47,"skipped":0,"failed":1,"totalMs":9000}' },
      { type: 'done', signed: 47, skipped: 0, failed: 1, totalMs: 9000 },
    ],
    [{ event: 'message', data: '{}' }, null],
    [{ event: 'start', data: 'not json' }, null],
  ])('%j', (frame, expected) => {
    expect(toBatchEvent(frame)).toEqual(expected);
  });
});
