import type { Kysely, Selectable } from 'kysely';
import type { Customer, UserCustomerLink } from '../../domain/customers/model.js';
import type { CustomerTable, Database, UserCustomerLinkTable } from '../schema.js';

function toCustomer(r: Selectable<CustomerTable>): Customer {
  return {
    customerId: r.customer_id,
    bankId: r.bank_id,
    customerNumber: r.customer_number,
    legalName: r.legal_name,
    mobilePhoneNumber: r.mobile_phone_number,
    email: r.email,
    faceImage: { url: r.face_image_url, date: Number(r.face_image_date) },
    dateOfBirth: Number(r.date_of_birth),
    relationshipStatus: r.relationship_status,
    dependants: Number(r.dependants),
    dobOfDependants: JSON.parse(r.dob_of_dependants) as number[],
    creditRating: { rating: r.credit_rating, source: r.credit_source },
    creditLimit: { currency: r.credit_limit_currency, amount: r.credit_limit_amount },
    highestEducationAttained: r.highest_education_attained,
    employmentStatus: r.employment_status,
    kycStatus: Number(r.kyc_status) === 1,
    lastOkDate: Number(r.last_ok_date),
  };
}

function toLink(r: Selectable<UserCustomerLinkTable>): UserCustomerLink {
  return {
    userCustomerLinkId: r.user_customer_link_id,
    userId: r.user_id,
    customerId: r.customer_id,
    dateInserted: Number(r.date_inserted),
    isActive: Number(r.is_active) === 1,
  };
}

/** Customers and the links that tie users to them. */
export function customerRepo(db: Kysely<Database>) {
  const customers = db.selectFrom('customers').selectAll();
  /** the customers linked to a user, oldest first */
  const linkedTo = (userId: string) =>
    db
      .selectFrom('customers')
      .innerJoin('user_customer_links as l', 'l.customer_id', 'customers.customer_id')
      .selectAll('customers')
      .where('l.user_id', '=', userId)
      .orderBy('customers.created_at')
      .orderBy('customers.customer_id');
  return {
    async get(customerId: string): Promise<Customer | undefined> {
      const row = await customers.where('customer_id', '=', customerId).executeTakeFirst();
      return row && toCustomer(row);
    },
    async numberTaken(bankId: string, customerNumber: string): Promise<boolean> {
      const row = await db
        .selectFrom('customers')
        .select('customer_id')
        .where('bank_id', '=', bankId)
        .where('customer_number', '=', customerNumber)
        .executeTakeFirst();
      return row !== undefined;
    },
    /** Fails on the unique (bank, number) index when the number is taken, however many try at once. */
    async insert(c: Customer): Promise<void> {
      await db
        .insertInto('customers')
        .values({
          customer_id: c.customerId,
          bank_id: c.bankId,
          customer_number: c.customerNumber,
          legal_name: c.legalName,
          mobile_phone_number: c.mobilePhoneNumber,
          email: c.email,
          face_image_url: c.faceImage.url,
          face_image_date: c.faceImage.date,
          date_of_birth: c.dateOfBirth,
          relationship_status: c.relationshipStatus,
          dependants: c.dependants,
          dob_of_dependants: JSON.stringify(c.dobOfDependants),
          credit_rating: c.creditRating.rating,
          credit_source: c.creditRating.source,
          credit_limit_currency: c.creditLimit.currency,
          credit_limit_amount: c.creditLimit.amount,
          highest_education_attained: c.highestEducationAttained,
          employment_status: c.employmentStatus,
          kyc_status: c.kycStatus ? 1 : 0,
          last_ok_date: c.lastOkDate,
          created_at: Date.now(),
        })
        .execute();
    },
    async forUser(userId: string): Promise<Customer[]> {
      return (await linkedTo(userId).execute()).map(toCustomer);
    },
    async forUserAtBank(userId: string, bankId: string): Promise<Customer[]> {
      return (await linkedTo(userId).where('customers.bank_id', '=', bankId).execute()).map(toCustomer);
    },
    async findLink(userId: string, customerId: string): Promise<UserCustomerLink | undefined> {
      const row = await db
        .selectFrom('user_customer_links')
        .selectAll()
        .where('user_id', '=', userId)
        .where('customer_id', '=', customerId)
        .executeTakeFirst();
      return row && toLink(row);
    },
    async linksOf(customerId: string): Promise<UserCustomerLink[]> {
      const rows = await db
        .selectFrom('user_customer_links')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('date_inserted')
        .orderBy('user_customer_link_id')
        .execute();
      return rows.map(toLink);
    },
    /** Fails on the unique (user, customer) index when the link exists. */
    async insertLink(link: UserCustomerLink): Promise<void> {
      await db
        .insertInto('user_customer_links')
        .values({
          user_customer_link_id: link.userCustomerLinkId,
          user_id: link.userId,
          customer_id: link.customerId,
          date_inserted: link.dateInserted,
          is_active: link.isActive ? 1 : 0,
        })
        .execute();
    },
  };
}
