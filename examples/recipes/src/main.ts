// npm start: the recipes of docs/recipes.md that have no example of their own.
import { churnFromSubscriptions } from './churn-from-subscriptions.js';
import { funnelFromEvents } from './funnel-from-events.js';
import { journeyMapFromSpreadsheet } from './journey-map-from-spreadsheet.js';

console.log((await funnelFromEvents()).text);
console.log('');
console.log((await churnFromSubscriptions()).text);
console.log('');
console.log(journeyMapFromSpreadsheet().text);
