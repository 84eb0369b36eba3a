// Public API of @cx/example-replay-servers: explicit named re-exports only.
export type { CustomersToHubspotContactsOptions, HubspotContact } from './hubspot-contacts.js';
export { CUSTOMER_ID_PROPERTY, customersToHubspotContacts } from './hubspot-contacts.js';
export { searchObjects } from './hubspot-search.js';
export type { HubspotServer, HubspotServerOptions } from './hubspot-server.js';
export { startHubspotServer } from './hubspot-server.js';
export type {
  ReplayFault,
  ReplayReply,
  ReplayRequest,
  ReplayServer,
  ReplayServerOptions,
} from './server.js';
export type {
  ResponsesToTypeformOptions,
  TypeformAnswer,
  TypeformField,
  TypeformForm,
  TypeformNpsFormOptions,
  TypeformResponse,
} from './typeform-responses.js';
export {
  createTypeformNpsForm,
  HIDDEN_FIELDS,
  NPS_REF,
  REASON_REF,
  responsesToTypeform,
} from './typeform-responses.js';
export type { TypeformServer, TypeformServerOptions } from './typeform-server.js';
export { startTypeformServer } from './typeform-server.js';
