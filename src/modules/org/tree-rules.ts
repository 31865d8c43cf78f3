/** Pure rules of the unit tree; the database trigger enforces the same (migration 0001). */

/** Moving `unitId` under `newParentPath` makes a cycle when the unit is on that path. */
export function wouldCreateCycle(unitId: string, newParentPath: readonly string[]): boolean {
  return newParentPath.includes(unitId);
}

export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/** Builds a forest from a flat list; children keep the input order. Orphans become roots. */
export function buildForest<T extends { id: string; parentId: string | null }>(
  items: readonly T[],
): TreeNode<T>[] {
  const nodes = new Map(items.map((item) => [item.id, { item, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
