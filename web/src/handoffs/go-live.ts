/** Today as the viewer's calendar day, YYYY-MM-DD. */
export const localToday = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** Whether the go-live promised to the customer is already past, for a brief delivery has not accepted yet. */
export const promisedGoLivePassed = (
  b: { promisedGoLive: string | null; state: string },
  today: string = localToday(),
): boolean => b.state !== 'accepted' && b.promisedGoLive !== null && b.promisedGoLive < today;
