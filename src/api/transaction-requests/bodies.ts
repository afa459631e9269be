/** The bodies of the four create-transaction-request variants (§11.1), as OBP v2.1.0 documents them. */
import { Type, type Static } from '@sinclair/typebox';

const amountValue = Type.Object({
  currency: Type.String({ maxLength: 16 }),
  amount: Type.String({ maxLength: 64, description: 'a plain decimal, e.g. "12.50"' }),
});
const description = Type.String({ maxLength: 2000 });
const chargePolicy = Type.String({ maxLength: 32, description: 'SHARED, SENDER or RECEIVER' });
const futureDate = Type.Optional(Type.String({ maxLength: 32 }));

export const SandboxTanBody = Type.Object({
  to: Type.Object({ bank_id: Type.String({ maxLength: 255 }), account_id: Type.String({ maxLength: 255 }) }),
  value: amountValue,
  description,
});

export const CounterpartyBody = Type.Object({
  to: Type.Object({ counterparty_id: Type.String({ maxLength: 255 }) }),
  value: amountValue,
  description,
  charge_policy: chargePolicy,
  future_date: futureDate,
});

export const SepaBody = Type.Object({
  value: amountValue,
  to: Type.Object({ iban: Type.String({ maxLength: 255 }) }),
  description,
  charge_policy: chargePolicy,
  future_date: futureDate,
});

export const FreeFormBody = Type.Object({ value: amountValue, description });

export const ChallengeAnswerBody = Type.Object({
  id: Type.String({ maxLength: 255 }),
  answer: Type.String({ maxLength: 255 }),
});

export type AnyCreateBody =
  Static<typeof SandboxTanBody> | Static<typeof CounterpartyBody> | Static<typeof SepaBody> | Static<typeof FreeFormBody>;
