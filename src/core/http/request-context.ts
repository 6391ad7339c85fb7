import type { FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../access/actor.js';
import { unauthorized } from './errors.js';

export function requestContext(request: FastifyRequest): RequestContext {
  return { actor: request.actor, ip: request.ip ?? null, requestId: String(request.id) };
}

/** For routes whose access is not 'public': the hook has already guaranteed an actor. */
export function actorContext(request: FastifyRequest): RequestContext & { actor: Actor } {
  if (!request.actor) throw unauthorized();
  return { actor: request.actor, ip: request.ip ?? null, requestId: String(request.id) };
}

export function userAgent(request: FastifyRequest): string | null {
  const ua = request.headers['user-agent'];
  return typeof ua === 'string' ? ua : null;
}
