/**
 * search.list's `q`: alternatives split by `|`, each a set of words or "quoted phrases" that must all
 * appear, and `-word` that must not (docs/platform-apis.md §3.3). Case-insensitive substring matching
 * is enough for a fake.
 */
export function compileQuery(q: string | undefined): (text: string) => boolean {
  if (q === undefined || q.trim() === '') return () => true;
  const alternatives = q.split('|').map((alt) => {
    const terms = [...alt.matchAll(/(-?)(?:"([^"]*)"|(\S+))/g)].map((m) => ({
      negated: m[1] === '-',
      text: (m[2] ?? m[3] ?? '').toLowerCase(),
    }));
    return terms.filter((t) => t.text !== '');
  });
  return (text: string) => {
    const haystack = text.toLowerCase();
    return alternatives.some(
      (terms) => terms.length > 0 && terms.every((t) => haystack.includes(t.text) !== t.negated),
    );
  };
}
