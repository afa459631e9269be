import type { Endpoint } from '../endpoint.js';
import { createUser } from './create-user.js';
import { getCurrentUser } from './current-user.js';
import { getUsers } from './list-users.js';
import { getUser } from './users-by-email.js';

export const usersEndpoints: readonly Endpoint[] = [createUser, getCurrentUser, getUser, getUsers];
