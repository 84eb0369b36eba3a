// npm start: an interrupted and resumed HubSpot contacts sync against a local replay server.
import { fileURLToPath } from 'node:url';
import { runHubspotSync } from './hubspot-sync.js';

const statePath = fileURLToPath(new URL('../out/hubspot-contacts.state.json', import.meta.url));
const report = await runHubspotSync({ statePath });
console.log(report.text);
if (report.repeated.length > 0 || report.missing.length > 0) process.exitCode = 1;
