import type { Session } from '../../api/types.ts';
import { PlaybookEditor } from './PlaybookEditor.tsx';
import { PlaybookList } from './PlaybookList.tsx';

/**
 * Delivery → Playbooks: the list at `/delivery/playbooks`, one playbook's editor at `/delivery/playbooks/<id>`.
 * `subPath` is what follows the tab's segment (the id), as routed tabs hand it over.
 */
export function PlaybooksPage({ session, subPath = '' }: { session: Session; subPath?: string }) {
  const id = subPath.split('/')[0] ?? '';
  return id ? <PlaybookEditor key={id} id={id} session={session} /> : <PlaybookList session={session} />;
}

/** Where the page lives, for links from other pages. */
export const playbookPath = (id?: string) => (id ? `/delivery/playbooks/${id}` : '/delivery/playbooks');
