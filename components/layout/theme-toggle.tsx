'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { setThemePreference, useThemePreference, type ThemePreference } from '@/lib/theme';
import { cn } from '@/lib/cn';

const OPTIONS: { value: ThemePreference; label: string; icon: typeof Sun }[] = [
  { value: 'system', label: 'System theme', icon: Monitor },
  { value: 'light', label: 'Light theme', icon: Sun },
  { value: 'dark', label: 'Dark theme', icon: Moon },
];

/** Three-way segmented control; a radio group so arrow keys and screen readers work natively. */
export function ThemeToggle() {
  const pref = useThemePreference();
  return (
    <fieldset className="inline-flex rounded-md border border-border bg-surface-2 p-0.5">
      <legend className="sr-only">Theme</legend>
      {OPTIONS.map(({ value, label, icon: Icon }) => (
        <label
          key={value}
          title={label}
          className={cn(
            'flex size-6 cursor-pointer items-center justify-center rounded text-muted has-focus-visible:outline-2 has-focus-visible:outline-ring',
            pref === value && 'bg-surface text-fg shadow-xs',
          )}
        >
          <input
            type="radio"
            name="theme"
            value={value}
            checked={pref === value}
            onChange={() => setThemePreference(value)}
            className="sr-only"
            aria-label={label}
          />
          <Icon aria-hidden className="size-3.5" />
        </label>
      ))}
    </fieldset>
  );
}
