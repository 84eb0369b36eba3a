// Customers of the model -> HubSpot CRM v3 contact objects, in the API's wire shape.
import { type Customer, CxValidationError, type ValidationIssue } from '@cx/model';

/** A HubSpot CRM v3 contact as the API returns it (every property value is a string or `null`). */
export interface HubspotContact {
  /** HubSpot record id, a numeric string. */
  readonly id: string;
  readonly properties: Readonly<Record<string, string | null>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archived: boolean;
}

/** Options of {@link customersToHubspotContacts}. */
export interface CustomersToHubspotContactsOptions {
  /** HubSpot id of the first contact; the next ones count up (default `101`). */
  readonly firstId?: number;
  /**
   * Last-modified time of a contact (a UTC instant); default: the latest of `firstSeenAt` and the consent
   * change times (a consent update touches the contact in HubSpot too).
   */
  readonly modifiedAt?: (customer: Customer, index: number) => string;
}

/** The customer's own id is kept in this custom contact property (request it with `extraProperties`). */
export const CUSTOMER_ID_PROPERTY = 'cx_customer_id';

function latestChange(customer: Customer): string {
  let latest = customer.firstSeenAt;
  for (const flag of Object.values(customer.consent)) {
    if (flag?.at !== undefined && Date.parse(flag.at) > Date.parse(latest)) latest = flag.at;
  }
  return latest;
}

function splitName(name: string | undefined): [string | null, string | null] {
  if (name === undefined || name.trim() === '') return [null, null];
  const parts = name.trim().split(/\s+/);
  return parts.length === 1 ? [parts[0] ?? null, null] : [parts.slice(0, -1).join(' '), parts.at(-1) ?? null];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Maps customers to HubSpot contacts: numeric ids counting up from `firstId`, the standard contact properties
 * (`email`, `firstname`, `lastname`, `createdate`, `lastmodifieddate`, `lifecyclestage`, `hs_language`,
 * `country`, `city`, `company`, `jobtitle`) and the customer's id in {@link CUSTOMER_ID_PROPERTY}.
 *
 * @param customers - Customers, e.g. `shop.customers()` of `@cx/sample-data`.
 * @param options - First id and last-modified times.
 * @returns The contacts, in input order.
 * @throws CxValidationError when `firstId` is not a positive whole number (path `['options', 'firstId']`), a customer id repeats (path `[index, 'id']`) or a modified time is not an
 *   instant at or after `firstSeenAt` (path `[index, 'modifiedAt']`).
 */
export function customersToHubspotContacts(
  customers: Iterable<Customer>,
  options: CustomersToHubspotContactsOptions = {},
): HubspotContact[] {
  const firstId = options.firstId ?? 101;
  const issues: ValidationIssue[] = [];
  if (!Number.isSafeInteger(firstId) || firstId < 1) {
    throw new CxValidationError(
      [
        {
          path: ['options', 'firstId'],
          message: `Expected a positive whole number, got ${firstId}`,
          code: 'invalid_option',
        },
      ],
      { subject: 'CustomersToHubspotContactsOptions' },
    );
  }
  const seen = new Map<string, number>();
  const contacts: HubspotContact[] = [];
  let index = 0;
  for (const customer of customers) {
    const earlier = seen.get(customer.id);
    if (earlier !== undefined) {
      issues.push({
        path: [index, 'id'],
        message: `Customer id ${customer.id} repeats the customer at index ${earlier}`,
        code: 'duplicate_id',
      });
    }
    seen.set(customer.id, index);
    const modified = options.modifiedAt?.(customer, index) ?? latestChange(customer);
    const modifiedMs = Date.parse(modified);
    if (!/Z$/.test(modified) || !(modifiedMs >= Date.parse(customer.firstSeenAt))) {
      issues.push({
        path: [index, 'modifiedAt'],
        message: `Expected a UTC instant at or after firstSeenAt ${customer.firstSeenAt}, got ${JSON.stringify(modified)}`,
        code: 'invalid_instant',
      });
    }
    const id = String(firstId + index);
    const [firstname, lastname] = splitName(customer.name);
    const business = customer.type === 'business' ? customer : undefined;
    const createdAt = new Date(Date.parse(customer.firstSeenAt)).toISOString();
    const updatedAt = Number.isFinite(modifiedMs) ? new Date(modifiedMs).toISOString() : createdAt;
    contacts.push({
      id,
      properties: {
        hs_object_id: id,
        email: customer.email ?? null,
        firstname,
        lastname,
        createdate: createdAt,
        lastmodifieddate: updatedAt,
        lifecyclestage: 'customer',
        hs_language: text(customer.attributes.language),
        country: text(customer.attributes.country),
        city: text(customer.attributes.city),
        company: business?.account.name ?? null,
        jobtitle: business?.role ?? null,
        [CUSTOMER_ID_PROPERTY]: customer.id,
      },
      createdAt,
      updatedAt,
      archived: false,
    });
    index++;
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'customers' });
  return contacts;
}
