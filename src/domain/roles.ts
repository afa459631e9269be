/**
 * The role catalogue (OBP's ApiRole list) and the entitlement check. A bank-level role is held per
 * bank; a system-level role is held with bank_id "".
 */
import rolesJson from '../../spec/roles.json' with { type: 'json' };

export type RoleName = keyof typeof rolesJson;

export const roleCatalogue: ReadonlyMap<string, { requiresBankId: boolean }> = new Map(
  Object.entries(rolesJson).map(([name, r]) => [name, { requiresBankId: r.requiresBankId }]),
);

export function isRoleName(name: string): name is RoleName {
  return roleCatalogue.has(name);
}

export function requiresBankId(role: RoleName): boolean {
  return roleCatalogue.get(role)?.requiresBankId ?? false;
}

export interface HeldEntitlement {
  role_name: string;
  bank_id: string;
}

/** True when `held` satisfies one complete inner set of `anyOf` (bank roles checked at `bankId`). */
export function satisfiesRoles(
  held: readonly HeldEntitlement[],
  anyOf: readonly (readonly RoleName[])[],
  bankId: string,
): boolean {
  return anyOf.some((set) =>
    set.every((role) => {
      const scope = requiresBankId(role) ? bankId : '';
      return held.some((e) => e.role_name === role && e.bank_id === scope);
    }),
  );
}

/** OBP's text after "User is missing one or more roles: ": sets joined by " or ", roles in a set by ", ". */
export function describeRoles(anyOf: readonly (readonly RoleName[])[]): string {
  return anyOf.map((set) => set.join(', ')).join(' or ');
}
