/** "Dr. Budi Santoso, S.T., M.M.": the name as printed on documents, titles included. */
export function formatFullName(p: {
  frontTitle: string | null;
  name: string;
  backTitle: string | null;
}): string {
  const front = p.frontTitle?.trim();
  const back = p.backTitle?.trim();
  return `${front ? `${front} ` : ''}${p.name.trim()}${back ? `, ${back}` : ''}`;
}
