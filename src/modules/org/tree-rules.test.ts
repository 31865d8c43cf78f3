import { describe, expect, it } from 'vitest';
import { buildForest, wouldCreateCycle } from './tree-rules.js';

describe('wouldCreateCycle', () => {
  it.each([
    ['under its own child', 'A', ['A', 'B'], true],
    ['under a deep descendant', 'A', ['R', 'A', 'B', 'C'], true],
    ['under itself', 'A', ['R', 'A'], true],
    ['under a sibling', 'A', ['R', 'S'], false],
    ['to the top level', 'A', [], false],
  ])('moving %s', (_label, unit, newParentPath, expected) => {
    expect(wouldCreateCycle(unit, newParentPath)).toBe(expected);
  });
});

describe('buildForest', () => {
  it('nests by parentId, keeps order, and makes orphans roots', () => {
    const forest = buildForest([
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'a' },
      { id: 'd', parentId: 'b' },
      { id: 'x', parentId: 'missing' },
    ]);
    expect(forest.map((n) => n.item.id)).toEqual(['a', 'x']);
    expect(forest[0]?.children.map((n) => n.item.id)).toEqual(['b', 'c']);
    expect(forest[0]?.children[0]?.children.map((n) => n.item.id)).toEqual(['d']);
  });
});
