/**
 * The world the authorisation matrix runs in. Callers are users shared by every world: someone with no
 * access (`stranger`), the holder of a custom view permitting nothing on X (`viewer`), the holder of a
 * read-only custom view on X (`reader`), X's `owner`, and the owner of an account at another bank
 * (`foreigner`), and a user holding every bank-level role at the shared world's bank B (`admin`). A world is two banks with one account each (X at bank A, owned by `owner`; Y at bank
 * B, owned by `foreigner`) and, where needed, Z at bank A (owned by `owner`, with a public view that
 * permits nothing). Each account has a transaction with a counterparty, transaction and counterparty
 * metadata, a card, a customer linked to its owner with a message, and the bank's open data.
 * Everything a caller may not see carries a unique marker text, so a leak is found by looking for the
 * markers in an answer. Rows are written through the store as the endpoints write them, since a world
 * is built for every successful write.
 *
 * The shared world (number 0) must never change; a cell whose write is expected to succeed gets a
 * world of its own, so no cell depends on another.
 */
import { randomUUID } from 'node:crypto';
import viewsJson from '../../spec/views.json' with { type: 'json' };
import { customViewFrom, toStoredView, viewJsonFlags, viewsForCreatedAccount } from '../../src/domain/views/definitions.js';
import { createCustomerLinkedTo } from '../../src/domain/customers/create.js';
import { customerRecord } from '../helpers/records.js';
import type { CounterpartyDetails } from '../../src/domain/counterparties/metadata.js';
import { roleCatalogue, type RoleName } from '../../src/domain/roles.js';
import { seedBank, type TestServer, type TestUser } from '../helpers/server.js';

export const callerNames = ['anonymous', 'stranger', 'viewer', 'reader', 'owner', 'foreigner', 'admin'] as const;
export type CallerName = (typeof callerNames)[number];

export interface Callers {
  stranger: TestUser;
  viewer: TestUser;
  reader: TestUser;
  /** holds every bank-level role at bank B of the shared world, and nothing at bank A */
  admin: TestUser;
  owner: TestUser;
  foreigner: TestUser;
}

/** The custom view held by `viewer` (and `owner`) on X: a private view that permits nothing. */
export const customViewId = '_authz';
/** The custom view held by `reader` on X: every `can_see_…` permission a custom view can carry, nothing else. */
export const readOnlyViewId = '_authzsee';
export const seeActions = [...viewJsonFlags, ...viewsJson.other_permissions.flatMap((p) => p.allowed_actions)].filter((a) =>
  a.startsWith('can_see_'),
);
/**
 * A second custom view of X held by `viewer`: the transaction and its metadata but none of X's own
 * texts (no description, narrative, balance or counterparty), and no notes of its own. What it shows
 * of X must carry no marker; the endpoints that moderate rather than refuse are read through it.
 */
export const partialViewId = '_authzpartial';
export const partialActions = [
  'can_see_transaction_this_bank_account',
  'can_see_transaction_amount',
  'can_see_transaction_currency',
  'can_see_transaction_type',
  'can_see_transaction_start_date',
  'can_see_transaction_finish_date',
  'can_see_transaction_metadata',
  'can_see_comments',
  'can_see_tags',
  'can_see_images',
  'can_see_where_tag',
];
/** A custom view of X nobody holds: what view management endpoints update, delete, grant and revoke. */
export const spareViewId = '_authzspare';
/** The public view of Z (owned by `owner` at bank A): usable by anyone, permits nothing. */
export const publicViewId = '_authzpublic';

/** Ids of one account and what hangs below it. */
export interface AccountIds {
  bankId: string;
  accountId: string;
  transactionId: string;
  /** the transaction's counterparty (stored with an id of its own, as imported transactions are) */
  counterpartyId: string;
  /** notes posted through the owner view */
  commentId: string;
  tagId: string;
  imageId: string;
  customerId: string;
  branchId: string;
  atmId: string;
  productCode: string;
  /** an explicit counterparty of the account (a beneficiary: the account itself, by OBP routing) */
  explicitCounterpartyId: string;
  /** its IBAN, unique to this account (SEPA payments find the counterparty by it) */
  iban: string;
  /** an INITIATED transaction request of the account and its challenge */
  transactionRequestId: string;
  challengeId: string;
}

export interface Marker {
  value: string;
  /** callers allowed to read it (anonymous never is) */
  visibleTo: ReadonlySet<CallerName>;
  what: string;
}

export interface World {
  n: number;
  x: AccountIds;
  y: AccountIds;
  /** built in the shared world and where a cell needs it */
  z?: AccountIds;
  /** notes of X's transaction made through the read-only view */
  readOnlyNotes: Pick<AccountIds, 'commentId' | 'tagId' | 'imageId'>;
  markers: Marker[];
}

export async function createCallers(server: TestServer): Promise<Callers> {
  const [stranger, viewer, reader, owner, foreigner] = await Promise.all(
    ['stranger', 'viewer', 'reader', 'owner', 'foreigner'].map((name) => server.user({ username: `authz.${name}` })),
  );
  const bankRoles = [...roleCatalogue].filter(([, r]) => r.requiresBankId).map(([name]) => name as RoleName);
  const admin = await server.user({
    username: 'authz.admin',
    roles: bankRoles.map((role): [RoleName, string] => [role, bankIdOf(0, 'y')]),
  });
  return { stranger: stranger!, viewer: viewer!, reader: reader!, owner: owner!, foreigner: foreigner!, admin };
}

/** Bank A holds X and Z, bank B holds Y. */
export function bankIdOf(n: number, letter: 'x' | 'y' | 'z'): string {
  return `authz-${n}-bank-${letter === 'y' ? 'b' : 'a'}`;
}

/**
 * One account at a new bank (or at `bank`), owned by `holder`, with everything below it; `secret` starts each marker
 * and `~` ends it, so no marker is part of another. Balances have one width and a world's number in
 * them, so the rendered balance is a marker too.
 */
async function account(
  server: TestServer,
  n: number,
  letter: 'x' | 'y' | 'z',
  holder: TestUser,
  secret: string,
  bank?: string,
): Promise<{ ids: AccountIds; markers: [string, string][] }> {
  const bankId = bank ?? (await seedBank(server, bankIdOf(n, letter)));
  const digit = { x: 1, y: 2, z: 3 }[letter];
  const accountId = `authz-${n}-account-${letter}`;
  const balance = BigInt(`9${String(n).padStart(4, '0')}${digit}713`);
  const mark = (what: string) => `${secret}-${what}~`;
  const label = mark('label');
  await server.store.accounts.insert({
    bankId,
    accountId,
    number: `${n}${digit}`,
    kind: 'CURRENT',
    label,
    currency: 'EUR',
    balance,
    holderName: mark('holder'),
    iban: '',
    swiftBic: '',
    routingScheme: 'AccountNumber',
    routingAddress: `${n}${digit}`,
  });
  // what opening an account through the API grants its holder
  await server.store.accounts.addHolder(bankId, accountId, holder.userId);
  for (const viewId of viewsForCreatedAccount) await server.store.access.grant(holder.userId, bankId, accountId, viewId);
  const transactionId = `authz-${n}-transaction-${letter}`;
  await server.store.transactions.insertMany([
    {
      bankId,
      accountId,
      transactionId,
      kind: 'DEBIT',
      description: mark('description'),
      currency: 'EUR',
      amount: -100n,
      newBalance: balance,
      postedAt: Date.UTC(2020, 0, 1),
      completedAt: Date.UTC(2020, 0, 1),
      counterpartyId: `authz-${n}-cp-${letter}`,
      counterpartyName: mark('counterparty'),
      counterpartyAccountNumber: `${n}9${digit}`,
      counterpartyIban: '',
      counterpartyBankName: '',
      counterpartyKind: 'AC',
    },
  ]);
  // metadata as the endpoints write it, straight into the store (a world is built for every successful write)
  const counterpartyId = `authz-${n}-cp-${letter}`;
  const key = { bankId, accountId, transactionId };
  const date = Date.UTC(2020, 0, 2);
  const note = (kind: 'comment' | 'tag' | 'image', value: string, url = '') => ({
    noteId: randomUUID(),
    kind,
    viewId: 'owner',
    userId: holder.userId,
    value,
    url,
    date,
  });
  const comment = note('comment', mark('comment'));
  const tag = note('tag', mark('tag'));
  const image = note('image', mark('image'), `https://example.com/${mark('image-url')}`);
  const metadata = server.store.transactionMetadata;
  await metadata.setNarrative(key, mark('narrative'));
  for (const planted of [comment, tag, image]) await metadata.addNote(key, planted);
  await metadata.setWhere(key, 'owner', holder.userId, 12.345678, 23.456789, date);
  const location = (latitude: number, longitude: number) => ({
    latitude,
    longitude,
    date,
    userId: holder.userId,
    provider: server.config.localIdentityProvider,
    displayName: holder.email,
  });
  const counterparties = server.store.counterparties;
  await counterparties.ensure(bankId, accountId, [
    { counterpartyId, name: mark('counterparty'), publicAlias: mark('public-alias') },
  ]);
  await counterparties.setAlias(bankId, accountId, counterpartyId, 'private', mark('private-alias'));
  const details: CounterpartyDetails = {
    moreInfo: mark('more-info'),
    url: `https://example.com/${mark('url')}`,
    imageUrl: `https://example.com/${mark('image-url2')}`,
    openCorporatesUrl: `https://example.com/${mark('open-corporates')}`,
    corporateLocation: location(34.5678, 45.6789),
    physicalLocation: location(56.789, 67.891),
  };
  await counterparties.replaceDetails(bankId, accountId, counterpartyId, '{}', JSON.stringify(details));

  const customerId = randomUUID();
  await createCustomerLinkedTo(
    server.store,
    customerRecord(customerId, bankId, mark('customer'), `authz-${customerId.slice(0, 8)}`),
    holder.userId,
  );
  await server.store.customerMessages.insert({
    messageId: randomUUID(),
    bankId,
    customerId,
    message: mark('message'),
    fromDepartment: 'authz',
    fromPerson: 'authz',
    date: Date.UTC(2020, 0, 1),
  });

  await server.store.cards.insert({
    cardId: randomUUID(),
    bankId,
    bankCardNumber: mark('card'),
    nameOnCard: mark('name-on-card'),
    issueNumber: '1',
    serialNumber: `${n}${digit}`,
    validFrom: Date.UTC(2020, 0, 1),
    expires: Date.UTC(2030, 0, 1),
    enabled: true,
    cancelled: false,
    onHotList: false,
    technology: 'chip',
    networks: [],
    allows: ['debit'],
    accountId,
    replacement: { requestedDate: Date.UTC(2020, 0, 1), reason: 'FIRST' },
    pinResets: [],
    collected: Date.UTC(2020, 0, 1),
    posted: Date.UTC(2020, 0, 1),
  });

  // open data of the bank, each with a license (documents without one are not served)
  const meta = { license: { id: 'authz-license', name: 'Authz License' } };
  const address = { line_1: '', line_2: '', line_3: '', city: '', county: '', state: '', post_code: '', country_code: '' };
  const place = { address, location: { latitude: 0, longitude: 0 }, meta };
  const branchId = `authz-${n}-branch-${letter}`;
  const atmId = `authz-${n}-atm-${letter}`;
  const productCode = `authz-${n}-product-${letter}`;
  await server.store.documents.insertMany('branch', [
    { bankId, docId: branchId, document: { id: branchId, bank_id: bankId, name: 'Branch', ...place } },
  ]);
  await server.store.documents.insertMany('atm', [
    { bankId, docId: atmId, document: { id: atmId, bank_id: bankId, name: 'ATM', ...place } },
  ]);
  await server.store.documents.insertMany('product', [
    {
      bankId,
      docId: productCode,
      document: {
        bank_id: bankId,
        code: productCode,
        name: 'Product',
        category: '',
        family: '',
        super_family: '',
        more_info_url: '',
        meta,
      },
    },
  ]);

  const markers: [string, string][] = [
    ['label', label],
    ['balance', formatMinor(balance)],
    ...[
      'holder',
      'description',
      'counterparty',
      'narrative',
      'comment',
      'tag',
      'image',
      'image-url',
      'public-alias',
      'private-alias',
      'more-info',
      'url',
      'image-url2',
      'open-corporates',
      'customer',
      'message',
      'card',
      'name-on-card',
    ].map((what): [string, string] => [what, mark(what)]),
  ];
  return {
    ids: {
      bankId,
      accountId,
      transactionId,
      counterpartyId,
      commentId: comment.noteId,
      tagId: tag.noteId,
      imageId: image.noteId,
      customerId,
      branchId,
      atmId,
      productCode,
      // planted by plantPayments
      explicitCounterpartyId: '',
      iban: '',
      transactionRequestId: '',
      challengeId: '',
    },
    markers,
  };
}

function formatMinor(minor: bigint): string {
  const s = minor.toString();
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/**
 * An explicit counterparty and a transaction request waiting for its challenge, made by the holder of the
 * owner view as a client would (the request over the challenge threshold, so nothing is paid).
 */
async function plantPayments(server: TestServer, ids: AccountIds, holder: TestUser, secret: string, iban: string) {
  const base = `/banks/${ids.bankId}/accounts/${ids.accountId}/owner`;
  const counterparty = await server.call('POST', `/obp/v2.2.0${base}/counterparties`, {
    token: holder.token,
    body: {
      name: `${secret}-payee~`,
      description: `${secret}-payee-description~`,
      other_account_routing_scheme: 'OBP',
      other_account_routing_address: ids.accountId,
      other_account_secondary_routing_scheme: 'IBAN',
      other_account_secondary_routing_address: iban,
      other_bank_routing_scheme: 'OBP',
      other_bank_routing_address: ids.bankId,
      other_branch_routing_scheme: 'OBP',
      other_branch_routing_address: 'authz-branch',
      is_beneficiary: true,
      bespoke: [],
    },
  });
  const request = await server.call('POST', `/obp/v2.1.0${base}/transaction-request-types/SANDBOX_TAN/transaction-requests`, {
    token: holder.token,
    body: {
      to: { bank_id: ids.bankId, account_id: ids.accountId },
      value: { currency: 'EUR', amount: '5000.00' },
      description: 'waits for its challenge',
    },
  });
  const planted = request.body as { id?: string; status?: string; challenge?: { id: string } | null };
  if (counterparty.status !== 201 || request.status !== 201 || planted.status !== 'INITIATED' || !planted.challenge) {
    throw new Error(`planting payments failed: ${counterparty.text.slice(0, 200)} ${request.text.slice(0, 200)}`);
  }
  return {
    explicitCounterpartyId: (counterparty.body as { counterparty_id: string }).counterparty_id,
    iban,
    transactionRequestId: planted.id!,
    challengeId: planted.challenge.id,
  };
}

export async function buildWorld(server: TestServer, callers: Callers, n: number, withPublic: boolean): Promise<World> {
  const [x, y] = await Promise.all([
    account(server, n, 'x', callers.owner, `SECRET${n}X`),
    account(server, n, 'y', callers.foreigner, `SECRET${n}Y`),
  ]);
  const z = withPublic ? await account(server, n, 'z', callers.owner, `SECRET${n}Z`, x.ids.bankId) : undefined;
  // views as the view endpoints store them
  const createView = async (ids: AccountIds, viewId: string, isPublic: boolean, actions: readonly string[] = []) => {
    const view = customViewFrom(viewId, {
      description: 'a view of the authorisation matrix',
      is_public: isPublic,
      which_alias_to_use: 'none',
      hide_metadata_if_alias_used: false,
      allowed_actions: [...actions],
    });
    await server.store.access.createCustomView(ids.bankId, ids.accountId, viewId, JSON.stringify(toStoredView(view)));
  };
  const grant = (holder: TestUser, viewId: string) =>
    server.store.access.grant(holder.userId, x.ids.bankId, x.ids.accountId, viewId);
  await createView(x.ids, customViewId, false);
  // the read-only view sees everything, explicit counterparties included
  await createView(x.ids, readOnlyViewId, false, [...seeActions, 'can_get_counterparty']);
  await createView(x.ids, partialViewId, false, partialActions);
  await createView(x.ids, spareViewId, false);
  await grant(callers.viewer, customViewId);
  await grant(callers.viewer, partialViewId);
  await grant(callers.owner, customViewId);
  await grant(callers.reader, readOnlyViewId);
  if (z) await createView(z.ids, publicViewId, true);
  // notes and a where tag made through the read-only view (by the owner): seen through it, unlike
  // the owner view's, and not the reader's to delete
  const xKey = { bankId: x.ids.bankId, accountId: x.ids.accountId, transactionId: x.ids.transactionId };
  const readOnlyMarker = (what: string) => `SECRET${n}X-read-only-${what}~`;
  const readOnlyNote = (kind: 'comment' | 'tag' | 'image') => ({
    noteId: randomUUID(),
    kind,
    viewId: readOnlyViewId,
    userId: callers.owner.userId,
    value: readOnlyMarker(kind),
    url: kind === 'image' ? 'https://example.com/read-only' : '',
    date: Date.UTC(2020, 0, 2),
  });
  const readOnlyNotes = { comment: readOnlyNote('comment'), tag: readOnlyNote('tag'), image: readOnlyNote('image') };
  for (const planted of Object.values(readOnlyNotes)) await server.store.transactionMetadata.addNote(xKey, planted);
  await server.store.transactionMetadata.setWhere(xKey, readOnlyViewId, callers.owner.userId, 1.5, 2.5, Date.UTC(2020, 0, 2));

  Object.assign(x.ids, await plantPayments(server, x.ids, callers.owner, `SECRET${n}X`, `DE00AUTHZ${n}X`));
  Object.assign(y.ids, await plantPayments(server, y.ids, callers.foreigner, `SECRET${n}Y`, `DE00AUTHZ${n}Y`));
  if (z) Object.assign(z.ids, await plantPayments(server, z.ids, callers.owner, `SECRET${n}Z`, `DE00AUTHZ${n}Z`));
  const payee = (secret: string) => [`${secret}-payee~`, `${secret}-payee-description~`];

  const everyone = new Set<CallerName>(callerNames);
  const markers: Marker[] = [
    // the label (in account lists) and the cards are shown to everyone holding a private view of the account;
    // the read-only view shows everything but the owner view's notes and the owner's customer
    ...x.markers.map(([what, value]) => ({
      value,
      what: `X ${what}`,
      visibleTo: new Set<CallerName>([
        'owner',
        ...(['label', 'card', 'name-on-card'].includes(what) ? (['viewer'] as const) : []),
        ...(!['comment', 'tag', 'image', 'image-url', 'customer', 'message'].includes(what) ? (['reader'] as const) : []),
      ]),
    })),
    ...Object.keys(readOnlyNotes).map((kind) => ({
      value: readOnlyMarker(kind),
      what: `X read-only ${kind}`,
      visibleTo: new Set<CallerName>(['reader', 'owner']),
    })),
    ...payee(`SECRET${n}X`).map((value, i) => ({
      value,
      what: `X payee ${i ? 'description' : 'name'}`,
      visibleTo: new Set<CallerName>(['owner', 'reader']),
    })),
    ...y.markers.map(([what, value]) => ({ value, what: `Y ${what}`, visibleTo: new Set<CallerName>(['foreigner']) })),
    ...payee(`SECRET${n}Y`).map((value, i) => ({
      value,
      what: `Y payee ${i ? 'description' : 'name'}`,
      visibleTo: new Set<CallerName>(['foreigner']),
    })),
    // Z has a public view: its label is in the public account lists
    ...(z?.markers ?? []).map(([what, value]) => ({
      value,
      what: `Z ${what}`,
      visibleTo: what === 'label' ? everyone : new Set<CallerName>(['owner']),
    })),
    ...(z ? payee(`SECRET${n}Z`) : []).map((value, i) => ({
      value,
      what: `Z payee ${i ? 'description' : 'name'}`,
      visibleTo: new Set<CallerName>(['owner']),
    })),
  ];
  return {
    n,
    x: x.ids,
    y: y.ids,
    z: z?.ids,
    readOnlyNotes: {
      commentId: readOnlyNotes.comment.noteId,
      tagId: readOnlyNotes.tag.noteId,
      imageId: readOnlyNotes.image.noteId,
    },
    markers,
  };
}
