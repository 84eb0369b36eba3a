import { CxOptionsError, CxValidationError, type OptionIssue } from '@cx/model';
import { expect } from 'vitest';
import type { LocatedIssue } from '../issues.js';

/** The issues of the CxValidationError `fn` throws (fails the test when it throws anything else). */
export function issuesOf(fn: () => unknown): LocatedIssue[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CxValidationError);
    return [...(error as CxValidationError).issues];
  }
  throw new Error('expected a CxValidationError');
}

/** The error `fn` throws. */
export function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** The issues of the CxOptionsError `fn` throws. */
export function optionIssuesOf(fn: () => unknown): readonly OptionIssue[] {
  const error = errorOf(fn);
  expect(error).toBeInstanceOf(CxOptionsError);
  return (error as CxOptionsError).issues;
}
