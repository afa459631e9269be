/**
 * View definitions. A view is a named set of permissions applied to one account. System views are
 * defined once (from the OBP snapshot in spec/views.json) and granted per account; custom views belong
 * to one account and have ids starting with "_". Permissions are named by their snake_case action name
 * (the 59 `can_*` JSON flags plus the management permissions such as `can_update_bank_account_label`).
 */
import viewsJson from '../../../spec/views.json' with { type: 'json' };

export type Alias = '' | 'public' | 'private';

export interface ViewDefinition {
  viewId: string;
  shortName: string;
  description: string;
  isSystem: boolean;
  isPublic: boolean;
  isFirehose: boolean;
  alias: Alias;
  hideMetadataIfAliasUsed: boolean;
  permissions: ReadonlySet<string>;
  /** system view ids this view may grant / revoke */
  canGrantAccessToViews: readonly string[];
  canRevokeAccessToViews: readonly string[];
}

/** The 59 boolean flags of ViewJSONV121, in OBP's field order. */
export const viewJsonFlags: readonly string[] = viewsJson.flags.map((f) => f.json_flag);

const actionByField = new Map<string, string>(
  viewsJson.other_permissions.map((p) => [p.view_field, p.allowed_actions[0] ?? p.view_field]),
);

type ViewSource = (typeof viewsJson.views)[keyof typeof viewsJson.views];

function fromSource(source: ViewSource, isSystem: boolean): ViewDefinition {
  const permissions = new Set<string>(source.json_flags_true);
  for (const field of source.other_permissions_true) permissions.add(actionByField.get(field) ?? field);
  const grants = source.can_grant_and_revoke_access_to_views ?? [];
  return {
    viewId: source.view_id,
    shortName: source.short_name,
    description: source.description,
    isSystem,
    isPublic: source.is_public,
    isFirehose: source.is_firehose,
    alias: source.alias as Alias,
    hideMetadataIfAliasUsed: source.hide_metadata_if_alias_used,
    permissions,
    canGrantAccessToViews: grants,
    canRevokeAccessToViews: grants,
  };
}

export const systemViews: ReadonlyMap<string, ViewDefinition> = new Map(
  Object.values(viewsJson.views)
    .filter((v) => v.kind === 'system')
    .map((v) => [v.view_id, fromSource(v, true)]),
);

/** Template of the per-account `_public` custom view (sandbox `generate_public_view`). */
export const publicViewTemplate: ViewDefinition = fromSource(viewsJson.views._public, false);

export function systemView(viewId: string): ViewDefinition | undefined {
  return systemViews.get(viewId);
}

/** Views granted to the holder of an account created through the API (v2.0.0 createAccount). */
export const viewsForCreatedAccount: readonly string[] =
  viewsJson.created_for_account.create_account_v2_0_0_local_connector.views;

/** Views granted to every owner of an imported account (sandbox import); firehose only if allowed. */
export const viewsForImportedAccount: readonly string[] = viewsJson.created_for_account.sandbox_data_import.views;

/** Custom views persist as JSON; this is their stored shape. */
export interface StoredViewDefinition {
  short_name: string;
  description: string;
  is_public: boolean;
  is_firehose: boolean;
  alias: Alias;
  hide_metadata_if_alias_used: boolean;
  permissions: string[];
}

export function toStoredView(view: ViewDefinition): StoredViewDefinition {
  return {
    short_name: view.shortName,
    description: view.description,
    is_public: view.isPublic,
    is_firehose: view.isFirehose,
    alias: view.alias,
    hide_metadata_if_alias_used: view.hideMetadataIfAliasUsed,
    permissions: [...view.permissions].sort(),
  };
}

export function fromStoredView(viewId: string, stored: StoredViewDefinition): ViewDefinition {
  return {
    viewId,
    shortName: stored.short_name,
    description: stored.description,
    isSystem: false,
    isPublic: stored.is_public,
    isFirehose: stored.is_firehose,
    alias: stored.alias,
    hideMetadataIfAliasUsed: stored.hide_metadata_if_alias_used,
    permissions: new Set(stored.permissions),
    canGrantAccessToViews: [],
    canRevokeAccessToViews: [],
  };
}

/** Names a create/update body may use for a flag that differ from the flag itself (OBP §7.5). */
const actionAliases: ReadonlyMap<string, string> = new Map([
  ['can_see_narrative', 'can_see_owner_comment'],
  ['can_edit_narrative', 'can_edit_owner_comment'],
  ['can_see_transaction_label', 'can_see_transaction_description'],
]);

/** Management rights only system views carry: a custom view that held them could hand out access. */
const systemOnlyActions: ReadonlySet<string> = new Set(
  viewsJson.other_permissions.filter((p) => p.system_views_only).flatMap((p) => p.allowed_actions),
);

const customViewActions: ReadonlySet<string> = new Set([
  ...viewJsonFlags,
  ...viewsJson.other_permissions.flatMap((p) => p.allowed_actions).filter((a) => !systemOnlyActions.has(a)),
]);

/** `allowed_actions` → permissions; unknown names and system-only rights are ignored, flags not named are off. */
export function permissionsFromActions(actions: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const action of actions) {
    const name = actionAliases.get(action) ?? action;
    if (customViewActions.has(name)) out.add(name);
  }
  return out;
}

/** `which_alias_to_use`: "public", "private", anything else means no alias. */
export function aliasFrom(value: string): Alias {
  return value === 'public' || value === 'private' ? value : '';
}

export interface CustomViewInput {
  description: string;
  is_public: boolean;
  which_alias_to_use: string;
  hide_metadata_if_alias_used: boolean;
  allowed_actions: string[];
}

/** A custom view from a create/update body; OBP's short name of a custom view is its name. */
export function customViewFrom(viewId: string, input: CustomViewInput): ViewDefinition {
  return {
    viewId,
    shortName: viewId,
    description: input.description,
    isSystem: false,
    isPublic: input.is_public,
    isFirehose: false,
    alias: aliasFrom(input.which_alias_to_use),
    hideMetadataIfAliasUsed: input.hide_metadata_if_alias_used,
    permissions: permissionsFromActions(input.allowed_actions),
    canGrantAccessToViews: [],
    canRevokeAccessToViews: [],
  };
}
