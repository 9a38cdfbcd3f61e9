'use client';

// Which event previews evaluate against, shared by every preview in the side panel (pick it once,
// see it under each field): a stored event of the trigger's type, or a pasted payload.
import { create } from 'zustand';

export type PreviewChoice = { kind: 'event'; eventId: string } | { kind: 'paste'; text: string } | { kind: 'none' };

export const usePreviewChoice = create<{ choice: PreviewChoice; setChoice: (c: PreviewChoice) => void }>()((set) => ({
  choice: { kind: 'none' },
  setChoice: (choice) => set({ choice }),
}));
