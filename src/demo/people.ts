/** Drawing unique people and their email addresses. Pure. */
import type { NamePool } from './names.ts';
import type { Random } from './random.ts';

export interface Person {
  name: string;
  first: string;
  last: string;
}

/** `count` people with no first name and no last name in common, so that nobody looks like a relative. */
export function drawPeople(rng: Random, pool: NamePool, count: number): Person[] {
  const firsts = rng.shuffle(pool.first);
  const lasts = rng.shuffle(pool.last);
  if (count > firsts.length || count > lasts.length)
    throw new RangeError(`the name pool holds fewer than ${count} distinct people`);
  return firsts.slice(0, count).map((first, i) => {
    const last = lasts[i] as string;
    return { name: `${first} ${last}`, first, last };
  });
}

/** Lowercase ASCII letters and digits of a word, accents dropped ("Sørensen" → "sorensen"). */
export function asciiWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** `first.last@domain`, numbered when someone at the same domain already has it (`taken` is updated). */
export function emailFor(person: Person, domain: string, taken: Set<string>): string {
  const local = `${asciiWord(person.first)}.${asciiWord(person.last)}`;
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

/** "Bramble Retail Group" → "bramble-retail-group" ("&" reads as "and"). */
export function slugOf(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => (w === '&' ? 'and' : asciiWord(w)))
    .filter(Boolean)
    .join('-');
}
