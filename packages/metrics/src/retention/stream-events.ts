import type { Interaction, IssuePath, ValidationIssue } from '@cx/model';
import { CxValidationError, instantIssue, instantToEpochMsOrNaN } from '@cx/model';
import type { EventMatcher } from './options.js';

function matchesValue(criterion: string | readonly string[] | undefined, value: string | undefined): boolean {
  if (criterion === undefined) return true;
  if (value === undefined) return false;
  return typeof criterion === 'string' ? criterion === value : criterion.includes(value);
}

/** Whether an interaction satisfies a matcher (only its name criterion with `nameOnly`) (internal). */
export function matchesEvent(m: EventMatcher, e: Interaction, nameOnly = false): boolean {
  if (!matchesValue(m.name, e.name)) return false;
  if (nameOnly) return true;
  return (
    matchesValue(m.channel, e.channel) &&
    matchesValue(m.touchpoint, e.touchpointId) &&
    matchesValue(m.stage, e.stageId)
  );
}

/**
 * Checks one interaction given to a retention accumulator and returns its epoch milliseconds (internal): an
 * object with an actor, an instant of the one grammar, a name, a channel, and a finite number (or nothing) for the
 * aggregated property. Issues are located at `[index, field]`.
 */
export function checkInteraction(event: Interaction, index: number, property: string | undefined): number {
  if (typeof event !== 'object' || event === null) {
    throw new CxValidationError(
      [{ path: [index], code: 'invalid_type', message: 'Expected an interaction object' }],
      { subject: 'interaction' },
    );
  }
  const issues: ValidationIssue[] = [];
  const actorId = event.customerId ?? event.anonymousId;
  if (typeof actorId !== 'string' || actorId.length === 0) {
    issues.push({
      path: [index, 'customerId'],
      code: 'invalid_type',
      message: 'Expected customerId or anonymousId',
    });
  }
  const instant = instantIssue(event.timestamp, { path: [index, 'timestamp'] });
  if (instant !== null) issues.push(instant);
  if (typeof event.name !== 'string' || event.name.length === 0) {
    issues.push({ path: [index, 'name'], code: 'invalid_type', message: 'Expected a non-empty event name' });
  }
  if (typeof event.channel !== 'string' || event.channel.length === 0) {
    issues.push({ path: [index, 'channel'], code: 'invalid_type', message: 'Expected a channel' });
  }
  const properties = event.properties;
  if (property !== undefined && typeof properties === 'object' && properties !== null) {
    const value = Object.hasOwn(properties, property) ? properties[property] : undefined;
    if (value !== null && value !== undefined && !(typeof value === 'number' && Number.isFinite(value))) {
      issues.push({
        path: [index, 'properties', property],
        code: 'invalid_number',
        message: `Expected a finite number or no value, got ${JSON.stringify(value)}`,
      });
    }
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'interaction' });
  return instantToEpochMsOrNaN(event.timestamp);
}

/** The value of the aggregated property of a checked interaction (`NaN` when it has none) (internal). */
export function propertyValue(event: Interaction, property: string | undefined): number {
  if (property === undefined || typeof event.properties !== 'object' || event.properties === null)
    return Number.NaN;
  const value = Object.hasOwn(event.properties, property) ? event.properties[property] : undefined;
  return typeof value === 'number' ? value : Number.NaN;
}

/**
 * An event earlier than its actor's previous one (internal), with the line and file of its row when it was read from
 * one.
 */
export function unsorted(path: IssuePath, line?: number, source?: string): CxValidationError {
  return new CxValidationError(
    [
      {
        path,
        message:
          'Expected the events of each actor in time order; this one is earlier than its previous event',
        code: 'unsorted_events',
        ...(line === undefined ? {} : { line }),
        ...(line === undefined || source === undefined ? {} : { source }),
      },
    ],
    { subject: 'events' },
  );
}
