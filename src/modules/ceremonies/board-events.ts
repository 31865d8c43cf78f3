import { EventEmitter } from 'node:events';

/**
 * In-process signal that a document of a tenant gained a signature, so open venue boards and
 * batch screens refresh at once. Boards also poll the database every few seconds, so a
 * signature made by another app process (several behind a load balancer) still shows up.
 */
export interface SignedEvent {
  tenantId: string;
  documentId: string;
}

const emitter = new EventEmitter();
// One listener per open board stream; a venue may have a few screens, an office a few more.
emitter.setMaxListeners(1000);

export const boardEvents = {
  emitSigned(event: SignedEvent): void {
    emitter.emit('signed', event);
  },
  onSigned(listener: (event: SignedEvent) => void): () => void {
    emitter.on('signed', listener);
    return () => emitter.off('signed', listener);
  },
};
