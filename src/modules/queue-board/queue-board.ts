import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { errorLanguage } from '../../common/http/error-language.js';
import { toErrorBody } from '../../common/http/to-error-body.js';
import type { QueueBoardAuth } from './queue-board-auth.service.js';
import { queueBoardCookie } from './queue-board.cookie.js';
import { msg } from '../../common/i18n/message.js';

export const QUEUE_BOARD_PATH = '/admin/queues';
const LOGIN_ROUTE = `${QUEUE_BOARD_PATH}/login`;

/**
 * Bull Board actions refused even to supervisors: they throw work away or forge it (a queue emptied or
 * obliterated, a job added or its payload edited). Retrying, promoting, pausing and cleaning stay allowed;
 * work lost to Redis is re-driven from PostgreSQL by the reconciler, not from here.
 */
const REFUSED_ROUTES = new Set(
  [
    '/api/queues/:queueName/obliterate',
    '/api/queues/:queueName/empty',
    '/api/queues/:queueName/add',
    '/api/queues/:queueName/:jobId/update-data',
  ].map((route) => `${QUEUE_BOARD_PATH}${route}`),
);

export interface QueueBoardOptions {
  /** Serve Bull Board itself (UI and its JSON API); without it only the login and the auth hook exist. */
  ui: boolean;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const { body, unexpected } = toErrorBody(error, String(request.id), errorLanguage(request, reply));
  if (unexpected) request.log.error({ err: error }, 'queue board authentication failed');
  return reply.status(body.statusCode).header('cache-control', 'no-store').send(body);
}

async function bullBoardPlugin(queues: Queue[]): Promise<FastifyPluginCallback> {
  // Loaded only when served: @bull-board/fastify pulls in @fastify/static, whose ESM-only dependencies Jest
  // cannot load.
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
  ]);
  const serverAdapter = new FastifyAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Border gate queues' } },
  });
  return serverAdapter.registerPlugin();
}

/**
 * Mounts the supervisors' queue dashboard at /admin/queues. Every request under the prefix passes an
 * onRequest hook that wants a supervisor's officer token, from an Authorization header or from the cookie
 * that `GET /admin/queues/login?token=…` sets (browsers cannot send bearer headers on navigation).
 */
export async function mountQueueBoard(
  fastify: FastifyInstance,
  auth: QueueBoardAuth,
  queues: Queue[],
  options: QueueBoardOptions,
): Promise<void> {
  const board = options.ui ? await bullBoardPlugin(queues) : null;
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        if (request.routeOptions.url === LOGIN_ROUTE) return;
        try {
          await auth.supervisor(auth.tokenOf(request));
        } catch (error) {
          return sendError(request, reply, error);
        }
        if (REFUSED_ROUTES.has(request.routeOptions.url ?? '')) {
          const refused = new DomainError('AUTH.FORBIDDEN', msg('auth.queueBoardActionRefused'));
          return sendError(request, reply, refused);
        }
      });

      scope.get<{ Querystring: { token?: unknown } }>('/login', async (request, reply) => {
        const token = typeof request.query.token === 'string' ? request.query.token : null;
        try {
          const { expiresAt } = await auth.supervisor(token);
          const maxAge = expiresAt - Math.floor(Date.now() / 1000);
          return reply
            .header('set-cookie', queueBoardCookie(token!, maxAge, request.protocol === 'https', QUEUE_BOARD_PATH))
            .header('cache-control', 'no-store')
            .header('referrer-policy', 'no-referrer')
            .redirect(QUEUE_BOARD_PATH, 303);
        } catch (error) {
          return sendError(request, reply, error);
        }
      });

      if (board) await scope.register(board);
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
