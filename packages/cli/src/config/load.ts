// Reads cx.config.json: JSON text, then the schema, then each source's mapping through @cx/ingest's defineMapping.
// Every problem is a CxOptionsError naming the file and the path inside it (malformed JSON is a CxValidationError
// with the parser's position); paths in the config are relative to the config's folder.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { defineMapping, type Mapping, type MappingSpec } from '@cx/ingest';
import { CxOptionsError, CxValidationError, type OptionIssue, parseOptions } from '@cx/model';
import { cxConfigSchema, type ParsedCxConfig } from './schema.js';

/** A source of the config, ready to read. */
export interface ResolvedSource {
  /** The source's name in the config (`orders`), used for its dead-letter file. */
  readonly name: string;
  /** Absolute path of the file. */
  readonly path: string;
  readonly mapping: Mapping;
  readonly read: ParsedCxConfig['sources'][string];
}

/** The config with absolute paths and compiled mappings. */
export interface ResolvedConfig {
  /** Absolute path of the config file. */
  readonly file: string;
  readonly config: ParsedCxConfig;
  /** Absolute path of the output folder. */
  readonly outDir: string;
  /** Absolute path of the journey map, if any. */
  readonly journey: string | undefined;
  readonly sources: readonly ResolvedSource[];
}

/** Checks a parsed JSON value as a config whose file is `file` (relative paths resolve against its folder). */
export function resolveConfig(value: unknown, file: string, outOverride?: string): ResolvedConfig {
  // The config is the command's options: mistakes are CxOptionsErrors naming the file, the path in it and, for a
  // misspelt key, the closest known one.
  const config = parseOptions(cxConfigSchema, value, file);
  const base = dirname(file);
  const sources = Object.entries(config.sources).map(([name, source]): ResolvedSource => {
    const { skip, ...spec } = source.mapping;
    const rule = skip === undefined ? undefined : skipRule(skip.column, skip.equals);
    let mapping: Mapping;
    try {
      mapping = defineMapping({ ...(spec as MappingSpec), ...(rule === undefined ? {} : { skip: rule }) });
    } catch (error) {
      if (!(error instanceof CxOptionsError)) throw error;
      // The same issues, located in the config file.
      const issues: OptionIssue[] = error.issues.map((issue) => ({
        ...issue,
        path: ['sources', name, 'mapping', ...issue.path],
      }));
      throw new CxOptionsError(file, issues, { cause: error });
    }
    return { name, path: resolve(base, source.path), mapping, read: source };
  });
  return {
    file,
    config,
    outDir: resolve(base, outOverride ?? config.out),
    journey: config.report.journey === undefined ? undefined : resolve(base, config.report.journey),
    sources,
  };
}

/** Reads and checks a config file. */
export async function loadConfig(file: string, outOverride?: string): Promise<ResolvedConfig> {
  const path = resolve(file);
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CxValidationError(
      [{ path: [], code: 'invalid_json', message: (error as Error).message, source: path }],
      { subject: 'cx config', cause: error },
    );
  }
  return resolveConfig(value, path, outOverride);
}

/** The skip function of a JSON skip rule: the row's cell equals one of the texts (an absent cell counts as ''). */
export function skipRule(
  column: string,
  equals: string | readonly string[],
): (row: Readonly<Record<string, unknown>>) => boolean {
  const texts = new Set(typeof equals === 'string' ? [equals] : equals);
  return (row) => {
    const cell = Object.hasOwn(row, column) ? row[column] : undefined;
    return texts.has(
      cell === undefined || cell === null ? '' : typeof cell === 'string' ? cell : JSON.stringify(cell),
    );
  };
}
