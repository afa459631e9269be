/** OAuth 1.0a (SEMANTICS §2.3): the handshake endpoints and the authorisation page. */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Store } from '../../store/index.js';
import { registerAuthorizePage } from './authorize-page.js';
import { registerHandshake } from './handshake.js';

export function registerOAuth(fastify: FastifyInstance, config: Config, store: Store): void {
  registerHandshake(fastify, config, store);
  registerAuthorizePage(fastify, config, store);
}
