import type { UnitSummary } from '../../api/types.js';

/** The flat unit list as a tree: children per parent, sorted as the Pemda orders them. */
export interface UnitTree {
  byId: Map<string, UnitSummary>;
  children: Map<string | null, UnitSummary[]>;
}

export function buildTree(units: UnitSummary[]): UnitTree {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string | null, UnitSummary[]>();
  for (const unit of units) {
    // A unit whose parent is not in the list (archived parent) is shown at the top.
    const parent = unit.parentId && byId.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'id'));
  }
  return { byId, children };
}

export const normalise = (text: string): string =>
  text
    .toLocaleLowerCase('id')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** Units matching the search, plus every ancestor of a match (so matches are reachable). */
export function searchTree(
  tree: UnitTree,
  query: string,
): { matches: Set<string>; visible: Set<string> } {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const matches = new Set<string>();
  const visible = new Set<string>();
  if (words.length === 0) return { matches, visible };
  for (const unit of tree.byId.values()) {
    const haystack = normalise(`${unit.name} ${unit.shortName ?? ''} ${unit.code ?? ''}`);
    if (words.every((w) => haystack.includes(w))) {
      matches.add(unit.id);
      let current: UnitSummary | undefined = unit;
      while (current && !visible.has(current.id)) {
        visible.add(current.id);
        current = current.parentId ? tree.byId.get(current.parentId) : undefined;
      }
    }
  }
  return { matches, visible };
}

export interface Row {
  unit: UnitSummary;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  parentId: string | null;
  position: number;
  setSize: number;
}

/** The rows a person sees: depth-first, descending only into expanded units. */
export function visibleRows(
  tree: UnitTree,
  isExpanded: (id: string) => boolean,
  filter: Set<string> | null,
): Row[] {
  const rows: Row[] = [];
  const walk = (parentId: string | null, depth: number) => {
    const kids = (tree.children.get(parentId) ?? []).filter((u) => !filter || filter.has(u.id));
    kids.forEach((unit, index) => {
      const grandChildren = (tree.children.get(unit.id) ?? []).filter(
        (u) => !filter || filter.has(u.id),
      );
      const expanded = grandChildren.length > 0 && isExpanded(unit.id);
      rows.push({
        unit,
        depth,
        hasChildren: grandChildren.length > 0,
        expanded,
        parentId,
        position: index + 1,
        setSize: kids.length,
      });
      if (expanded) walk(unit.id, depth + 1);
    });
  };
  walk(null, 1);
  return rows;
}

/** "Subbagian Umum — Dinas Kesehatan": a unit name that stays unique in a select list. */
export function unitOptionLabel(tree: UnitTree, unit: UnitSummary): string {
  const parent = unit.parentId ? tree.byId.get(unit.parentId) : undefined;
  return parent ? `${unit.name} — ${parent.shortName ?? parent.name}` : unit.name;
}
