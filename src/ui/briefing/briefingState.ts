import { create } from 'zustand';

/** The printable briefing's options (issue 12): open, paper, orientation, atlas pages. Not saved. */
export const useBriefing = create<{ open: boolean; paper: 'A4' | 'A3'; landscape: boolean; topN: number }>()(() => ({ open: false, paper: 'A4', landscape: false, topN: 5 }));
