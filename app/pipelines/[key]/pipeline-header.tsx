'use client';

import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PipelineSummary } from '@/engine/dto/trains';
import { PipelineNav } from '@/components/trains/pipeline-nav';
import { PageHeader } from '@/components/ui/page-header';
import { Tag } from '@/components/ui/tag';

/** Shared by the pipeline's track, history and metrics pages. */
export function PipelineHeader({ pipeline, actions }: { pipeline: PipelineSummary; actions?: ReactNode }) {
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/trains" className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft aria-hidden className="size-3" /> Trains
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-2">
            {pipeline.name}
            <Tag mono>v{pipeline.version}</Tag>
          </span>
        }
        description={pipeline.description || undefined}
        actions={actions}
      />
      <PipelineNav pipeline={pipeline.key} />
    </>
  );
}
