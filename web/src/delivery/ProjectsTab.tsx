import type { Session } from '../api/types.ts';
import { ProjectPage } from './project/ProjectPage.tsx';
import { ProjectsList } from './projects/ProjectsList.tsx';

/** Delivery → Projects: the list, or one project at /delivery/projects/<id>. */
export function ProjectsTab({ session, subPath }: { session: Session; subPath: string }) {
  return subPath ? <ProjectPage session={session} id={subPath} /> : <ProjectsList session={session} />;
}
