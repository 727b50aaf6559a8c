/** Asks before something that cannot be undone. */
export const confirmAction = (message: string): boolean => window.confirm(message);
