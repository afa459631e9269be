import { roleCatalogue } from '../../domain/roles.js';
import { endpoint } from '../endpoint.js';

/** Sorted by name in code-point order, like OBP's `availableRoles.sorted`. */
export const sortedRoleNames: readonly string[] = [...roleCatalogue.keys()].sort();

const rolesBody = {
  roles: sortedRoleNames.map((role) => ({ role, requires_bank_id: roleCatalogue.get(role)!.requiresBankId })),
};

export const getRoles = endpoint({
  operationId: 'OBPv2.1.0-getRoles',
  verb: 'GET',
  path: '/roles',
  summary: 'Get Roles',
  description:
    'Returns all available roles, sorted by name, each with `requires_bank_id`: bank-level roles are granted at one bank, system-level roles with an empty bank_id.\n\nLogin is required.',
  tags: ['Role'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-50000'],
  example: { response: { roles: [{ role: 'CanCreateBranch', requires_bank_id: true }] } },
  successStatus: 200,
  handler: () => Promise.resolve(rolesBody),
});
