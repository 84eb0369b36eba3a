import { type Interaction, parseOptions } from '@cx/model';
import { z } from 'zod';
import { nodesOf, pathShape, type TopPathsOptions } from './paths.js';
import { JourneyEvents } from './source.js';

/**
 * Options of {@link pathTransitions}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface PathTransitionsOptions extends Omit<TopPathsOptions, 'limit'> {
  /** Add an edge to an `(exit)` node after each path's last node; default true. */
  readonly includeExit?: boolean | undefined;
}

const transitionsSchema = z.strictObject({
  by: pathShape.by,
  maxLength: pathShape.maxLength,
  collapseRepeats: pathShape.collapseRepeats,
  includeExit: z.boolean({ error: 'Expected true or false' }).default(true),
});

/**
 * A Sankey node: a value at a position of the path.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface SankeyNode {
  /** `"<position>:<value>"`, unique. */
  readonly id: string;
  /** Position in the path, from 0. */
  readonly position: number;
  /** Node value (touchpoint, stage, name or channel), or `(exit)`. */
  readonly value: string;
  /** Actors passing through this node. */
  readonly actors: number;
}

/**
 * A weighted edge.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface WeightedEdge {
  /** Source node id (positional edges) or value (aggregated transitions). */
  readonly source: string;
  /** Target node id or value. */
  readonly target: string;
  /** Number of actors (positional) or of transitions (aggregated). */
  readonly weight: number;
}

/**
 * Result of {@link pathTransitions}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface PathTransitionsResult {
  /** Positional nodes for a Sankey diagram (acyclic). */
  readonly nodes: readonly SankeyNode[];
  /** Positional edges between them, weighted by actors. */
  readonly edges: readonly WeightedEdge[];
  /** Transitions between values regardless of position (a transition matrix), weighted by count. */
  readonly transitions: readonly WeightedEdge[];
}

const EXIT = '(exit)';

const byWeight = (a: WeightedEdge, b: WeightedEdge) =>
  b.weight - a.weight ||
  (a.source < b.source
    ? -1
    : a.source > b.source
      ? 1
      : a.target < b.target
        ? -1
        : a.target > b.target
          ? 1
          : 0);

/**
 * Transitions between touchpoints, stages, names or channels as weighted edges: positional nodes and edges
 * for a Sankey diagram, and position-free transition counts.
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param options - Node field, maximum length, collapsing of repeats, exit node.
 * @returns Nodes, edges and transitions, heaviest first.
 * @throws {@link @cx/model!CxOptionsError} for invalid options.
 * @throws {@link @cx/model!CxValidationError} for interactions without actor or timestamp.
 * @example
 * ```ts
 * import { pathTransitions } from '@cx/metrics';
 * const e = (id: string, customerId: string, name: string, t: string) => ({ id, customerId, timestamp: t, name, channel: 'web' as const, properties: {} });
 * const r = pathTransitions([e('1', 'a', 'view', '2026-01-01T10:00:00Z'), e('2', 'a', 'buy', '2026-01-01T10:01:00Z')], { by: 'name' });
 * console.log(r.edges[0]); // { source: '0:view', target: '1:buy', weight: 1 }
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function pathTransitions(
  interactions: Iterable<Interaction> | JourneyEvents,
  options: PathTransitionsOptions = {},
): PathTransitionsResult {
  const {
    by,
    maxLength,
    collapseRepeats,
    includeExit: exit,
  } = parseOptions(transitionsSchema, options, 'pathTransitions');
  const nodes = new Map<string, SankeyNode>();
  // Nested maps (source → target → weight): node values may hold any character.
  const edges = new Map<string, Map<string, number>>();
  const transitions = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, source: string, target: string) => {
    let row = m.get(source);
    if (row === undefined) m.set(source, (row = new Map()));
    row.set(target, (row.get(target) ?? 0) + 1);
  };
  for (const [, list] of JourneyEvents.from(interactions).actors()) {
    const path = nodesOf(list, by, collapseRepeats).slice(0, maxLength);
    if (path.length === 0) continue;
    if (exit) path.push(EXIT);
    path.forEach((value, position) => {
      const id = `${position}:${value}`;
      const node = nodes.get(id);
      nodes.set(id, { id, position, value, actors: (node?.actors ?? 0) + 1 });
      if (position > 0) {
        const prev = path[position - 1] as string;
        bump(edges, `${position - 1}:${prev}`, id);
        if (position < path.length - 1 || !exit) bump(transitions, prev, value);
      }
    });
  }
  const toEdges = (m: Map<string, Map<string, number>>): WeightedEdge[] =>
    [...m].flatMap(([source, row]) => [...row].map(([target, weight]) => ({ source, target, weight })));
  return {
    nodes: [...nodes.values()].sort(
      (a, b) => a.position - b.position || b.actors - a.actors || (a.value < b.value ? -1 : 1),
    ),
    edges: toEdges(edges).sort(byWeight),
    transitions: toEdges(transitions).sort(byWeight),
  };
}
