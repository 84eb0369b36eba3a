import { CxValidationError, type ValidationIssue } from '@cx/model';

/** Runs `fn` for each item, collecting validation issues with paths prefixed by `[prefix, index]`. */
export function forEachCollecting<T>(
  items: readonly T[],
  prefix: string,
  fn: (item: T, index: number) => void,
): void {
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      fn(items[i] as T, i);
    } catch (error) {
      if (!(error instanceof CxValidationError)) throw error;
      for (const issue of error.issues) issues.push({ ...issue, path: [prefix, i, ...issue.path] });
    }
  }
  if (issues.length > 0) throw new CxValidationError(issues);
}
