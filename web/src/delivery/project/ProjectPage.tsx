import { Grid, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { AskPanel } from '../../knowledge/AskPanel.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { ProjectEconomicsCard } from '../time/ProjectEconomicsCard.tsx';
import type { ProjectDetail } from '../types.ts';
import { Gantt } from './Gantt.tsx';
import { LessonsCard } from './LessonsCard.tsx';
import { PortalLinksCard } from './PortalLinksCard.tsx';
import { ProjectHeader } from './ProjectHeader.tsx';
import { ProjectSignals } from './ProjectSignals.tsx';
import { ProjectTimeline } from './ProjectTimeline.tsx';
import { ReworkCard } from './ReworkCard.tsx';
import { SimilarCard } from './SimilarCard.tsx';
import { SlipsCard } from './SlipsCard.tsx';
import { TaskTable } from './TaskTable.tsx';

/** One project: where it stands against the promise, the plan on a calendar, the work, slips, rework and what happened. */
export function ProjectPage({ session, id }: { session: Session; id: string }) {
  const project = useQuery({ queryKey: ['project', id], queryFn: () => get<ProjectDetail>(`/api/v1/projects/${id}`) });
  if (project.isPending) return <Loader />;
  if (project.isError) return <ErrorState error={project.error} />;
  const p = project.data;
  return (
    <Stack data-testid="project-page">
      <ProjectHeader project={p} session={session} />
      <ProjectSignals projectId={p.id} accountId={p.accountId} session={session} />
      <Gantt
        tasks={p.tasks}
        milestones={p.milestones}
        promisedGoLive={p.promisedGoLive}
        forecastGoLive={p.goLiveOn ?? p.forecastGoLive}
      />
      <TaskTable project={p} session={session} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ProjectTimeline project={p} session={session} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <SlipsCard project={p} session={session} />
            <ReworkCard project={p} session={session} />
            {can(session, 'knowledge:read') && <LessonsCard project={p} session={session} />}
            {can(session, 'knowledge:read') && <SimilarCard projectId={p.id} />}
            {can(session, 'knowledge:read') && <AskPanel projectId={p.id} />}
            {can(session, 'margin:read') && <ProjectEconomicsCard projectId={p.id} />}
            {can(session, 'projects:manage') && <PortalLinksCard projectId={p.id} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
