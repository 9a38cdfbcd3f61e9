// Native webhooks (GitHub, GitLab, Jira, Jenkins): the source's preset derives the event type.
import { handleIntake } from '@/server/http/intake';
import { route } from '@/server/http/respond';

export const POST = route(async (request, { params }: { params: Promise<{ source: string }> }) =>
  handleIntake(request, (await params).source),
);
