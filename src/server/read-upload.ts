import type { IncomingMessage } from 'node:http';
import type { AppError } from '../shared/errors.js';

/**
 * Reads a raw upload (Excel imports, PDF verification) into one Buffer of at most `limit` bytes. Fastify's bodyLimit does not
 * apply to a stream parser, so the limit is enforced here twice: a declared Content-Length over
 * it is refused before a byte is read, and a chunked body is cut off as soon as it passes it.
 * With a declared length the Buffer is allocated once at that size and filled in place (no
 * second copy); without one the chunks are joined at the end. The stream is left alone on
 * refusal, so the 413 can still be sent (Fastify closes the connection after a parser error).
 */
export function readUpload(
  payload: IncomingMessage,
  declared: number,
  limit: number,
  tooLarge: () => AppError,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (declared > limit) {
      reject(tooLarge());
      return;
    }
    const target = declared > 0 ? Buffer.allocUnsafe(declared) : null;
    const parts: Buffer[] = [];
    let size = 0;
    const stop = () => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
    };
    const onData = (chunk: Buffer | string) => {
      const part = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
      if (size + part.length > limit || (target && size + part.length > target.length)) {
        stop();
        parts.length = 0;
        reject(tooLarge());
        return;
      }
      if (target) part.copy(target, size);
      else parts.push(part);
      size += part.length;
    };
    const onEnd = () => {
      stop();
      resolve(target ? target.subarray(0, size) : Buffer.concat(parts, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
  });
}
