import { processIo } from './io.js';
import { runCli } from './run.js';

/** `amanah <perintah>`: see run.ts for the commands. The exit code is set, not forced, so output flushes. */
process.exitCode = await runCli(process.argv.slice(2), processIo());
