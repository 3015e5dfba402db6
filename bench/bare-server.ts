/** The floor for request intake over HTTP: a bare Fastify route that parses JSON and answers 201. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/bare', async (request, reply) =>
  reply.status(201).send({ id: 'YSQ-2026-00001', received: request.body !== undefined }),
);
app.get('/bare', async () => ({ ok: true }));
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`已启动：${address}/`);
