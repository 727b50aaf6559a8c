import type { Session } from '../api/types.ts';
import { BriefPage } from './BriefPage.tsx';
import { HandoffList } from './HandoffList.tsx';

/** Deals & handoffs → Handoffs: the list (and delivery's queue), or one brief at /deals/handoffs/<id>. */
export function HandoffsTab({ session, subPath }: { session: Session; subPath: string }) {
  return subPath ? <BriefPage session={session} id={subPath} /> : <HandoffList session={session} />;
}
