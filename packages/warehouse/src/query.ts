import type { Engine, ResultRow } from './engine/engine.js';
import { type CompiledSql, type Dialect, toSql } from './sql/dialect.js';
import type { SqlFragment } from './sql/fragment.js';

/**
 * A metric compiled for an engine: inspect the SQL with `toSql`, run it with `run`. The SQL computes sufficient
 * statistics only; `run` turns them into the same result `@cx/metrics` computes in process.
 *
 * @typeParam T - The result type.
 * @example
 * ```ts
 * import { npsMetric } from '@cx/metrics';
 * import { surveyMetricQuery } from '@cx/warehouse';
 * const query = surveyMetricQuery({ table: 'answers', score: 'score', where: { metric: 'nps' }, fields: { metric: 'metric' } }, npsMetric());
 * console.log(query.metric, query.toSql('postgres').params.map((p) => p.value)); // 'nps' [ 'nps' ]
 * ```
 * @category Queries
 * @since 0.1.0
 */
export class WarehouseQuery<T> {
  /** What the query computes, e.g. `nps`. */
  readonly metric: string;
  readonly #build: (dialect: Dialect) => SqlFragment;
  #run: (engine: Engine, query: SqlFragment) => Promise<T>;

  /**
   * Creates a query (the metric functions of this package do; you rarely need to).
   *
   * @param metric - Name of the metric.
   * @param build - Builds the SQL for a dialect.
   * @param finish - Turns the rows into the result; may run follow-up queries (e.g. to name bad rows).
   */
  constructor(
    metric: string,
    build: (dialect: Dialect) => SqlFragment,
    finish: (rows: ResultRow[], engine: Engine) => Promise<T> | T,
  ) {
    this.metric = metric;
    this.#build = build;
    this.#run = async (engine, query) => finish(await engine.query(query), engine);
  }

  /**
   * A query that runs several statements (e.g. a range query, then the metric over the periods found).
   *
   * @param metric - Name of the metric.
   * @param build - Builds the SQL shown by `toSql` for a dialect.
   * @param run - Runs the statements on an engine.
   * @returns The query.
   */
  static custom<R>(
    metric: string,
    build: (dialect: Dialect) => SqlFragment,
    run: (engine: Engine) => Promise<R>,
  ): WarehouseQuery<R> {
    const query = new WarehouseQuery<R>(metric, build, () => {
      throw new Error('unreachable');
    });
    query.#run = (engine) => run(engine);
    return query;
  }

  /**
   * A query whose rows are consumed as a stream (ordered by actor), holding one batch at a time.
   *
   * @param metric - Name of the metric.
   * @param build - Builds the SQL for a dialect.
   * @param consume - Consumes the batches and returns the result.
   * @returns The query.
   */
  static streaming<R>(
    metric: string,
    build: (dialect: Dialect) => SqlFragment,
    consume: (batches: AsyncIterable<ResultRow[]>, engine: Engine) => Promise<R>,
  ): WarehouseQuery<R> {
    const query = new WarehouseQuery<R>(metric, build, () => {
      throw new Error('unreachable');
    });
    query.#run = (engine, fragment) => consume(engine.stream(fragment), engine);
    return query;
  }

  /**
   * The SQL that will run: text with placeholders and the bound values, without connection settings.
   *
   * @param target - A dialect or an engine.
   * @returns The compiled SQL.
   */
  toSql(target: Dialect | Engine): CompiledSql {
    const dialect = typeof target === 'string' ? target : target.dialect;
    return toSql(this.#build(dialect), dialect);
  }

  /**
   * Runs the query on an engine and builds the result.
   *
   * @param engine - The engine.
   * @returns The result.
   */
  async run(engine: Engine): Promise<T> {
    return this.#run(engine, this.#build(engine.dialect));
  }
}
