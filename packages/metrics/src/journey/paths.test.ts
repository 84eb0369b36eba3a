// Paths keyed without separators: no two different paths can collide, and no value is dropped for its spelling.
import { describe, expect, it } from 'vitest';
import { topPaths } from './paths.js';
import { ev } from './test-helpers.js';
import { pathTransitions } from './transitions.js';

describe('path keys', () => {
  it('a node value holding the old separator does not merge two paths', () => {
    const events = [
      ev('u', 'a\u0001b', '2026-01-01 10:00:00'),
      ev('v', 'a', '2026-01-01 10:00:00'),
      ev('v', 'b', '2026-01-01 10:01:00'),
    ];
    const r = topPaths(events, { by: 'name' });
    expect(r.paths.map((p) => [p.path, p.actors])).toEqual([
      [['a', 'b'], 1],
      [['a\u0001b'], 1],
    ]);
  });

  it('an interaction really named "(exit)" keeps its transitions; edges hold any character', () => {
    const events = [
      ev('u', 'view', '2026-01-01 10:00:00'),
      ev('u', '(exit)', '2026-01-01 10:01:00'),
      ev('u', 'x\u0000y', '2026-01-01 10:02:00'),
    ];
    const r = pathTransitions(events, { by: 'name' });
    expect(r.transitions).toEqual([
      { source: '(exit)', target: 'x\u0000y', weight: 1 },
      { source: 'view', target: '(exit)', weight: 1 },
    ]);
    expect(r.edges).toContainEqual({ source: '2:x\u0000y', target: '3:(exit)', weight: 1 });
  });
});
