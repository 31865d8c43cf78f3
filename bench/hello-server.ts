import Fastify from 'fastify';

/**
 * The reference point of unit-get: a plain Fastify "hello world" on the same machine, so the
 * report says how much of the ceiling the real route reaches. Run as its own process.
 */
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
