/** Health bands as Today names them (never by colour alone). */
const BAND_WORDS: Record<string, string> = {
  red: 'Red (below 40)',
  yellow: 'Yellow (40–69)',
  green: 'Green (70 and up)',
};

export const bandLabel = (band: string | null): string =>
  band === null ? 'No health score' : (BAND_WORDS[band] ?? band);
