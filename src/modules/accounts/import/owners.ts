/** Members by the ways a CRM names an owner (email or full name, case-insensitively); pure. */
export class MemberIndex {
  readonly #byKey = new Map<string, string | null>();

  constructor(members: ReadonlyArray<{ id: string; email: string; name: string }>) {
    for (const m of members) {
      this.#add(m.email, m.id);
      if (m.name.trim()) this.#add(m.name, m.id);
    }
  }

  #add(key: string, id: string): void {
    const k = key.trim().toLowerCase();
    const seen = this.#byKey.get(k);
    // A name two members share names neither: an owner is never picked by chance.
    this.#byKey.set(k, seen === undefined || seen === id ? id : null);
  }

  /** The member a CRM's owner value names, or undefined. */
  find(value: string): string | undefined {
    return this.#byKey.get(value.trim().toLowerCase()) ?? undefined;
  }
}
