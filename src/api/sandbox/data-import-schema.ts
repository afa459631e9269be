/**
 * Body of POST /sandbox/data-import: OBP's import case classes. All eight arrays and every non-Option
 * field are required (missing → OBP-10001); unknown keys are ignored, as lift-json does (the real
 * example file carries `display_name` and `drive_up`). Option fields also accept null.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { SandboxImport } from '../../domain/sandbox-import/index.js';

const text = Type.String();
const orNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const address = Type.Object({
  line_1: text,
  line_2: text,
  line_3: text,
  city: text,
  county: text,
  state: text,
  post_code: text,
  country_code: text,
});
const location = Type.Object({ latitude: Type.Number(), longitude: Type.Number() });
const meta = Type.Object({ license: Type.Object({ id: text, name: text }) });
const hours = Type.Object({ hours: text });

export const sandboxImportSchema = Type.Object({
  banks: Type.Array(Type.Object({ id: text, short_name: text, full_name: text, logo: text, website: text })),
  users: Type.Array(Type.Object({ email: text, password: text, user_name: text })),
  accounts: Type.Array(
    Type.Object({
      id: text,
      bank: text,
      label: text,
      number: text,
      type: text,
      balance: Type.Object({ currency: text, amount: text }),
      IBAN: text,
      owners: Type.Array(text),
      generate_public_view: Type.Boolean(),
      generate_accountants_view: Type.Boolean(),
      generate_auditors_view: Type.Boolean(),
    }),
  ),
  transactions: Type.Array(
    Type.Object({
      id: text,
      this_account: Type.Object({ id: text, bank: text }),
      counterparty: Type.Optional(
        orNull(Type.Object({ name: Type.Optional(orNull(text)), account_number: Type.Optional(orNull(text)) })),
      ),
      details: Type.Object({
        type: text,
        description: text,
        posted: text,
        completed: text,
        new_balance: text,
        value: text,
      }),
    }),
  ),
  branches: Type.Array(
    Type.Object({
      id: text,
      bank_id: text,
      name: text,
      address,
      location,
      meta,
      lobby: Type.Optional(orNull(hours)),
      driveUp: Type.Optional(orNull(hours)),
      // OBP's own example file spells it so; served when driveUp is absent
      drive_up: Type.Optional(orNull(hours)),
    }),
  ),
  atms: Type.Array(Type.Object({ id: text, bank_id: text, name: text, address, location, meta })),
  products: Type.Array(
    Type.Object({
      bank_id: text,
      code: text,
      name: text,
      category: text,
      family: text,
      super_family: text,
      more_info_url: text,
      meta,
      // not in OBP's import, but ProductJsonV210 shows them: a file may carry them
      details: Type.Optional(text),
      description: Type.Optional(text),
    }),
  ),
  crm_events: Type.Array(
    Type.Object({
      id: text,
      bank_id: text,
      customer: Type.Object({ name: text, number: text }),
      category: text,
      detail: text,
      channel: text,
      actual_date: text,
    }),
  ),
});

export type SandboxImportBody = Static<typeof sandboxImportSchema>;

// The schema must describe at least what the domain rules read.
const _fits: (body: SandboxImportBody) => SandboxImport = (body) => body;
void _fits;
