'use client';

// The workflow as documentation: the graph drawn read-only with the editor's nodes, the chain of
// workflows around it, and every step in words (the same describer as /processes, run here on the
// definition and the action catalog, so a disabled workflow reads just as well).
import { useMemo } from 'react';
import type { ActionDoc } from '@/engine/docs/describe-step';
import { describeSteps } from '@/engine/docs/describe-step';
import { stepEventLinks } from '@/engine/docs/process-graph';
import type { ProcessListenerDto } from '@/engine/dto/processes';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { ChainRefs } from '@/components/processes/listener-card';
import { ReadOnlyGraph } from '@/components/processes/read-only-graph';
import { StepDocs } from '@/components/processes/step-docs';
import { Card, CardHeader } from '@/components/ui/card';

export function HowItWorks({ definition, actions, chain }: { definition: WorkflowDefinition; actions: ActionDoc[]; chain?: Pick<ProcessListenerDto, 'upstream' | 'downstream'> }) {
  const steps = useMemo(() => describeSteps(definition.steps, actions), [definition, actions]);
  const links = useMemo(() => stepEventLinks(definition), [definition]);
  return (
    <Card data-testid="how-it-works">
      <CardHeader title="How it works" description="Every step, what it does and why, in the order the workflow lists them." />
      <div className="flex flex-col gap-4 p-4">
        {chain && <ChainRefs listener={chain} />}
        <ReadOnlyGraph definition={definition} />
        <StepDocs steps={steps} links={links} />
      </div>
    </Card>
  );
}
