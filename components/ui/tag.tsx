import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

type Tone = 'neutral' | 'accent' | 'warning' | 'danger' | 'success';
const TONES: Record<Tone, string> = {
  neutral: 'border-border bg-surface-2 text-muted',
  accent: 'border-transparent bg-accent-soft text-accent',
  warning: 'tone-amber',
  danger: 'tone-red',
  success: 'tone-green',
};

/** A small label for non-status facts (preset, auth mode, "unregistered", version). */
export function Tag({ children, tone = 'neutral', mono, className, title }: {
  children: ReactNode;
  tone?: Tone;
  mono?: boolean;
  className?: string;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={cn(
        'inline-flex h-5 items-center gap-1 rounded border px-1.5 text-[11px] leading-none font-medium whitespace-nowrap',
        mono && 'font-mono',
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
