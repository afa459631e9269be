import { Type } from '@sinclair/typebox';

const actions = Type.Array(Type.String({ maxLength: 255 }), { maxItems: 500 });

/** Update body: the whole definition is replaced (flags not named become false). */
export const UpdateViewBody = Type.Object({
  description: Type.String({ maxLength: 255 }),
  is_public: Type.Boolean(),
  which_alias_to_use: Type.String({ maxLength: 255 }),
  hide_metadata_if_alias_used: Type.Boolean(),
  allowed_actions: actions,
});

export const CreateViewBody = Type.Object({
  name: Type.String({ maxLength: 255 }),
  description: Type.String({ maxLength: 255 }),
  is_public: Type.Boolean(),
  which_alias_to_use: Type.String({ maxLength: 255 }),
  hide_metadata_if_alias_used: Type.Boolean(),
  allowed_actions: actions,
});

const exampleActions = ['can_see_transaction_this_bank_account', 'can_see_transaction_label', 'can_see_narrative'];

export const exampleUpdateView = {
  description: 'This view is for family',
  is_public: true,
  which_alias_to_use: 'family',
  hide_metadata_if_alias_used: false,
  allowed_actions: exampleActions,
};

export const exampleCreateView = { name: '_test', ...exampleUpdateView };
