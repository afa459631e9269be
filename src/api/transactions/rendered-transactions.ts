/**
 * Transactions of a page as JSON text, remembered. Moderation and the JSON mappers are pure functions
 * of the transaction (never changed once posted: migration 0011's triggers), its counterparty's
 * metadata row, the view, the bank and the account (its balance aside, which a transaction does not
 * show). The text is kept under a key made of all of them, so it cannot go stale: any change of an
 * input is another key. A transaction with metadata seen through the view, or whose counterparty
 * metadata the page row does not carry, is rendered every time. Bounded; the oldest entries go first.
 */
import type { AccountDescription, Bank } from '../../domain/model.js';
import type { ModeratedTransaction } from '../../domain/transactions/moderation.js';
import type { ViewDefinition } from '../../domain/views/definitions.js';
import { Serialized } from '../../json/serialized.js';
import type { Repositories } from '../../store/index.js';
import type { PagedTransaction } from '../../store/repos/transactions.js';
import { moderated } from './moderated-transactions.js';

export interface Rendering {
  /** names the JSON shape: part of every key */
  shape: string;
  json: (t: ModeratedTransaction) => unknown;
  /** whether the shape shows transaction metadata at all */
  withMetadata: boolean;
}

const wholeTexts = new WeakMap<object, string>();

/** the whole value as text, once per object: views and banks are never changed once built */
function textOf<T extends object>(o: T, write: (o: T) => string): string {
  let text = wholeTexts.get(o);
  if (text === undefined) wholeTexts.set(o, (text = write(o)));
  return text;
}

const viewText = (v: ViewDefinition) => JSON.stringify({ ...v, permissions: [...v.permissions].sort() });

export class RenderedTransactions {
  private readonly texts = new Map<string, string>();
  /** each rendering context (shape, view, bank, account) by a short number, so keys stay short */
  private readonly contexts = new Map<string, number>();

  constructor(private readonly maxEntries = 10_000) {}

  private contextOf(r: Rendering, view: ViewDefinition, bank: Bank, account: AccountDescription): number {
    const text = [r.shape, textOf(view, viewText), textOf(bank, JSON.stringify), JSON.stringify(account)].join('\u0000');
    let id = this.contexts.get(text);
    if (id === undefined) {
      // both maps start again together: a number must never name two contexts under one entry
      if (this.contexts.size >= 1_000) this.clear();
      this.contexts.set(text, (id = this.contexts.size));
    }
    return id;
  }

  private clear(): void {
    this.texts.clear();
    this.contexts.clear();
  }

  private keep(key: string, text: string): void {
    if (this.texts.size >= this.maxEntries) {
      const oldest = this.texts.keys().next();
      if (!oldest.done) this.texts.delete(oldest.value);
    }
    this.texts.set(key, text);
  }

  /** `{"transactions":[…]}` for the page, as JSON.stringify would write it */
  async page(
    store: Repositories,
    r: Rendering,
    view: ViewDefinition,
    bank: Bank,
    account: AccountDescription,
    page: readonly PagedTransaction[],
  ): Promise<Serialized> {
    const context = this.contextOf(r, view, bank, account);
    const keys = page.map((t) => {
      const cm = t.counterpartyMetadata;
      if (t.hasMetadata || cm === undefined) return undefined;
      const metadata = cm === null ? '' : `${cm.public_alias}\u0000${cm.private_alias}\u0000${cm.details}`;
      return `${context}\u0000${t.transactionId}\u0000${t.amount}\u0000${t.completedAt}\u0000${metadata}`;
    });
    const texts = keys.map((k) => (k === undefined ? undefined : this.texts.get(k)));
    const missing = page.filter((_, i) => texts[i] === undefined);
    if (missing.length > 0) {
      const rendered = await moderated(store, view, bank, account, missing, r.withMetadata);
      let next = 0;
      texts.forEach((text, i) => {
        if (text !== undefined) return;
        const made = JSON.stringify(r.json(rendered[next++]!));
        texts[i] = made;
        if (keys[i] !== undefined) this.keep(keys[i], made);
      });
    }
    return new Serialized(`{"transactions":[${texts.join(',')}]}`);
  }
}
