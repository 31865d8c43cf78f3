import { userInfo } from 'node:os';
import { type Actor, systemActor } from '../modules/access/actor.js';
import type { CliIo } from './io.js';

/** One `amanah <name>` command; `run` returns the exit code. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full usage text shown by `amanah help <name>` and after a usage error. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/**
 * Who the audit log names for work done from the command line: "cli:<os user>", so an event
 * written by an operator on the server can be told apart from one made through the web app.
 */
export function cliActor(tenantId: string | null): Pick<Actor, 'userId' | 'username'> {
  let osUser = 'unknown';
  try {
    osUser = userInfo().username || osUser;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  const { userId } = systemActor(tenantId);
  return { userId, username: `cli:${osUser}`.toLowerCase().slice(0, 64) };
}
