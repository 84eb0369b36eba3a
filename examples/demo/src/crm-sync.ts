// The demo's CRM and survey sync: the sample customers are served by a local server replaying HubSpot's CRM v3
// contacts search, the NPS answers by one replaying Typeform's Responses API, and both are pulled through the real
// @cx/connectors adapters (paging, checkpoints, validation, dead letters) — no network, no vendor SDK.
import { bearerAuth, hubspotSource, syncAll, typeformSource } from '@cx/connectors';
import {
  createTypeformNpsForm,
  customersToHubspotContacts,
  responsesToTypeform,
  startHubspotServer,
  startTypeformServer,
} from '@cx/example-replay-servers';
import type { Customer, SurveyResponse } from '@cx/model';

/** One row of the report's sync table. */
export interface SyncRow {
  readonly source: string;
  readonly records: number;
  readonly deadLetters: number;
  readonly note: string;
}

/** What the CRM and survey sync returns. */
export interface CrmSyncResult {
  /** NPS responses as synced from Typeform, with the stage restored from the form's hidden field. */
  readonly npsResponses: SurveyResponse[];
  readonly rows: SyncRow[];
}

/**
 * Serves the customers and NPS answers on local replay servers and syncs them through the HubSpot and Typeform
 * connectors. Throws if a record is lost or duplicated on the way.
 */
export async function syncCrmAndSurveys(
  customers: readonly Customer[],
  nps: readonly SurveyResponse[],
): Promise<CrmSyncResult> {
  const hubspot = await startHubspotServer(customersToHubspotContacts(customers), { token: 'pat-demo' });
  const form = createTypeformNpsForm();
  const typeform = await startTypeformServer(form, responsesToTypeform(nps, { form }), { token: 'tfp-demo' });
  try {
    const contacts = await syncAll(
      hubspotSource({ object: 'contacts', baseUrl: hubspot.baseUrl, auth: bearerAuth('pat-demo') }),
    );
    const answers = await syncAll(
      typeformSource({
        formId: form.id,
        baseUrl: typeform.baseUrl,
        auth: bearerAuth('tfp-demo'),
        pageSize: 200,
      }),
    );
    const npsResponses = answers.items.map((item) => {
      const response = item.record.value as SurveyResponse;
      const hidden = (response.properties.hidden ?? {}) as Record<string, unknown>;
      return typeof hidden.stage_id === 'string' && hidden.stage_id !== ''
        ? { ...response, stageId: hidden.stage_id }
        : response;
    });
    if (contacts.records !== customers.length || npsResponses.length !== nps.length) {
      throw new Error(
        `Sync lost or duplicated records: ${contacts.records} of ${customers.length} contacts, ${npsResponses.length} of ${nps.length} NPS answers`,
      );
    }
    return {
      npsResponses,
      rows: [
        {
          source: 'HubSpot contacts (local replay of CRM v3 search)',
          records: contacts.records,
          deadLetters: contacts.deadLetters,
          note: `hubspotSource: ${contacts.pages} pages of the search API, checkpoint at ${contacts.state.cursor?.time ?? '–'}`,
        },
        {
          source: 'Typeform NPS responses (local replay of the Responses API)',
          records: npsResponses.length,
          deadLetters: answers.deadLetters,
          note: `typeformSource: ${answers.pages} pages with before-token paging`,
        },
      ],
    };
  } finally {
    await hubspot.close();
    await typeform.close();
  }
}
