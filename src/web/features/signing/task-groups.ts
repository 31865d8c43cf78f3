import type { TaskItem } from '../../api/signing.js';

/** Mine to sign now: the next pending slot is mine (false: another party signs first). */
export const isMyTurn = (item: TaskItem): boolean => item.myTurn;

export interface TaskGroup {
  key: string;
  ceremony: TaskItem['ceremony'];
  items: TaskItem[];
}

/** Documents of the same ceremony together, earliest ceremony first, the rest last. */
export function groupByCeremony(items: TaskItem[]): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const item of items) {
    const key = item.ceremony?.id ?? '';
    const group = groups.get(key) ?? { key, ceremony: item.ceremony, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.ceremony) return 1;
    if (!b.ceremony) return -1;
    return a.ceremony.eventDate.localeCompare(b.ceremony.eventDate);
  });
}
